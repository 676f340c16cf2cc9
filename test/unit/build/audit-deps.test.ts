/**
 * The CI audit step (scripts/audit-deps.mjs): a high or critical advisory in a production
 * dependency fails the build; an audit endpoint that cannot be reached is reported in plain words
 * and fails only when AUDIT_REQUIRED=1. The script runs as CI runs it, with `npm` on PATH replaced by
 * a stand-in that prints a recorded `npm audit --json` answer.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';

const SCRIPT = join(__dirname, '..', '..', '..', 'scripts', 'audit-deps.mjs');

/** What this build machine's registry proxy answers (recorded): the audit POST is refused. */
const UNREACHABLE = JSON.stringify({
  message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  method: 'POST',
  statusCode: 405,
  body: '',
  error: { summary: '', detail: '' },
});

const report = (high: number, critical: number, moderate = 0) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities:
      high + critical > 0
        ? { 'some-lib': { name: 'some-lib', severity: critical > 0 ? 'critical' : 'high', isDirect: false, fixAvailable: true } }
        : moderate > 0
          ? { 'mild-lib': { name: 'mild-lib', severity: 'moderate', isDirect: true, fixAvailable: false } }
          : {},
    metadata: { vulnerabilities: { info: 0, low: 0, moderate, high, critical, total: high + critical + moderate }, dependencies: { prod: 40, dev: 500, total: 540 } },
  });

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

/** Runs the script with a fake npm that prints `answer` and exits 1 (as npm audit does on both failures). */
function runWith(answer: string, env: Record<string, string> = {}) {
  writeFileSync(join(tmp.dir, 'answer.json'), answer);
  const npm = join(tmp.dir, 'npm');
  writeFileSync(npm, `#!/bin/sh\necho "$@" > "${join(tmp.dir, 'args.txt')}"\ncat "${join(tmp.dir, 'answer.json')}"\nexit 1\n`);
  chmodSync(npm, 0o755);
  const r = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', env: { ...process.env, PATH: `${tmp.dir}:${process.env.PATH}`, AUDIT_REQUIRED: '', ...env } });
  return { status: r.status, text: `${r.stdout}${r.stderr}` };
}

describe('npm audit CI step', () => {
  it('audits only what ships: npm audit --omit=dev --audit-level=high --json', () => {
    runWith(report(0, 0));
    expect(readFileSync(join(tmp.dir, 'args.txt'), 'utf8').trim()).toBe('audit --omit=dev --audit-level=high --json');
  });

  it('runs in CI right after the install', () => {
    const ci = readFileSync(join(__dirname, '..', '..', '..', '.ci', 'run'), 'utf8');
    const install = ci.indexOf('npm ci ');
    const audit = ci.indexOf('node scripts/audit-deps.mjs');
    expect(install).toBeGreaterThan(0);
    expect(audit).toBeGreaterThan(install);
    expect(audit).toBeLessThan(ci.indexOf('npm run lint'));
  });

  it('fails on a high or critical advisory and names the package', () => {
    for (const [h, c] of [
      [1, 0],
      [0, 2],
    ] as const) {
      const r = runWith(report(h, c));
      expect(r.status).toBe(1);
      expect(r.text).toContain('some-lib');
      expect(r.text).toContain('high 以上の脆弱性が');
    }
  });

  it('passes with only moderate advisories, and says so', () => {
    const r = runWith(report(0, 0, 3));
    expect(r.status).toBe(0);
    expect(r.text).toContain('moderate 3');
  });

  it('an unreachable audit endpoint is reported clearly and does not fail CI, unless AUDIT_REQUIRED=1', () => {
    const r = runWith(UNREACHABLE);
    expect(r.status).toBe(0);
    expect(r.text).toContain('接続できませんでした');
    expect(r.text).toContain('405');
    expect(r.text).toContain('確認していません');
    expect(runWith(UNREACHABLE, { AUDIT_REQUIRED: '1' }).status).toBe(1);
    expect(runWith('npm ERR! something else').status).toBe(0);
    expect(runWith('npm ERR! something else', { AUDIT_REQUIRED: '1' }).status).toBe(1);
  });
});
