/**
 * The retention rule of the automatic backups: the newest N stay, every one of the last M days
 * stays, one the 処理履歴(消費税自動更新) refers to stays; the rest go. Table cases at the edges,
 * then random folders against an independent oracle (a backup's rank counted, not sorted).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retentionOf, retentionRuleSchema, type BackupEntry } from '../../../src-shared/backups/backup-retention';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-12-01T00:00:00Z');
const at = (daysAgo: number, name = `b${daysAgo}`, prot = false): BackupEntry => ({ name, takenAtMs: NOW - daysAgo * DAY, protected: prot });

describe('retentionOf: edges', () => {
  it('keeps the newest N whatever their age, then the ones within M days, then the referenced ones', () => {
    const files = [at(400), at(100), at(31), at(30), at(29), at(1), at(0), at(500, 'tax', true)];
    const r = retentionOf(files, { keepLast: 2, keepDays: 30 }, NOW);
    expect(Object.fromEntries(r)).toEqual({ b0: 'latest', b1: 'latest', b29: 'recent', b30: 'recent', b31: null, b100: null, b400: null, tax: 'history' });
  });

  it('keepDays 0 keeps exactly the newest N (and the referenced)', () => {
    const files = [at(3), at(2), at(1), at(9, 'tax', true)];
    expect(Object.fromEntries(retentionOf(files, { keepLast: 1, keepDays: 0 }, NOW))).toEqual({ b1: 'latest', b2: null, b3: null, tax: 'history' });
  });

  it('a referenced backup among the newest counts as one of them', () => {
    const files = [at(0, 'tax', true), at(1), at(50)];
    expect(Object.fromEntries(retentionOf(files, { keepLast: 2, keepDays: 0 }, NOW))).toEqual({ tax: 'latest', b1: 'latest', b50: null });
  });

  it('the same time: the name decides the order, so the result does not depend on the listing order', () => {
    const a = { name: 'pre-migration-x', takenAtMs: NOW, protected: false };
    const b = { name: 'tax-update-1-x', takenAtMs: NOW, protected: false };
    expect(retentionOf([a, b], { keepLast: 1, keepDays: 0 }, NOW)).toEqual(retentionOf([b, a], { keepLast: 1, keepDays: 0 }, NOW));
  });

  it('the rule is bounded: 1–100 backups, 0–3650 days, integers', () => {
    expect(retentionRuleSchema.safeParse({ keepLast: 1, keepDays: 0 }).success).toBe(true);
    expect(retentionRuleSchema.safeParse({ keepLast: 100, keepDays: 3650 }).success).toBe(true);
    for (const bad of [{ keepLast: 0, keepDays: 1 }, { keepLast: 101, keepDays: 1 }, { keepLast: 1.5, keepDays: 1 }, { keepLast: 1, keepDays: -1 }, { keepLast: 1, keepDays: 3651 }, { keepLast: 1 }, { keepLast: 1, keepDays: 1, extra: 1 }]) {
      expect(retentionRuleSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('retentionOf: random folders against an independent oracle', () => {
  it('keeps a backup exactly when fewer than N are newer, or it is M days old at most, or it is referenced', () => {
    const entry = fc.record({ name: fc.string({ minLength: 1, maxLength: 6 }), ageMs: fc.integer({ min: 0, max: 400 * DAY }), protected: fc.boolean() });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.name, maxLength: 30 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 3650 }), (raw, keepLast, keepDays) => {
        const files = raw.map((e) => ({ name: e.name, takenAtMs: NOW - e.ageMs, protected: e.protected }));
        const r = retentionOf(files, { keepLast, keepDays }, NOW);
        expect(r.size).toBe(files.length);
        for (const f of files) {
          const newer = files.filter((g) => g.takenAtMs > f.takenAtMs || (g.takenAtMs === f.takenAtMs && g.name > f.name)).length;
          const keep = newer < keepLast || NOW - f.takenAtMs <= keepDays * DAY || f.protected;
          expect(r.get(f.name) !== null).toBe(keep);
        }
      }),
      { numRuns: 300 },
    );
  });
});
