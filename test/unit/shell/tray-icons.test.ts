/**
 * Issue: the normal tray icon was a corrupt PNG (an IDAT length off by one), so in the normal state
 * the tray showed nothing. Under the strict fake every image the shell loads is decoded; a Tray with
 * an empty image throws. For each platform the tray goes through 通常 → 実行中 → エラー → 通常 and
 * every icon must decode to 16×16 with a 32×32 @2x representation; macOS gets template images
 * (black + alpha only), Windows / Linux colour ones, and the three states look different.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreOptions } from '../../../src-main/core/create-core';
import { createCore } from '../../../src-main/core/create-core';
import type { JobOutcome } from '../../../src-main/core/schedules/scheduler-types';
import { FakeTray, type FakeNativeImage } from '../../helpers/fake-electron';
import { startTestShell, type TestShell } from '../../helpers/shell';
import { createFakeTime } from '../schedules/fake-time';
import { jst } from '../schedules/jst';

const JOB = { name: '平日の取込', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], times: ['07:30'], skipHolidays: true, enabled: true };

let started: TestShell | null = null;
afterEach(async () => {
  await started?.cleanup();
  started = null;
});

function expectTrayIcon(img: FakeNativeImage, platform: NodeJS.Platform): void {
  expect(img.problem, img.source).toBeNull();
  expect(img.isEmpty()).toBe(false);
  expect(img.getSize()).toEqual({ width: 16, height: 16 });
  expect(img.getScaleFactors()).toEqual([1, 2]);
  expect(img.representations.get(2)).toMatchObject({ width: 32, height: 32 });
  if (platform === 'darwin') {
    expect(img.isTemplateImage()).toBe(true);
    for (const rep of img.representations.values()) {
      let visible = 0;
      for (let i = 0; i < rep.rgba.length; i += 4) {
        expect([rep.rgba[i], rep.rgba[i + 1], rep.rgba[i + 2]], `${img.source}: a template image is black + alpha only`).toEqual([0, 0, 0]);
        if (rep.rgba[i + 3]! > 0) visible++;
      }
      expect(visible).toBeGreaterThan(rep.width * rep.height * 0.15);
    }
  } else {
    expect(img.isTemplateImage()).toBe(false);
    const one = img.representations.get(1)!;
    const opaque = Array.from({ length: one.width * one.height }, (_, i) => one.rgba[i * 4 + 3]!).filter((a) => a === 255).length;
    expect(opaque).toBeGreaterThan(one.width * one.height * 0.5);
  }
}

describe.each(['linux', 'win32', 'darwin'] as const)('tray icons on %s (strict fake: every image decoded)', (platform) => {
  it('normal, running and error icons decode to 16×16 with @2x, and differ from each other', async () => {
    const time = createFakeTime(jst('2026-12-01T07:00'));
    let release: (o: JobOutcome) => void = () => undefined;
    const create = async (o: CoreOptions) => {
      return createCore({
        ...o,
        clock: time.clock,
        timers: time.timers,
        scheduler: { runJob: () => new Promise<JobOutcome>((r) => (release = r)) },
      });
    };
    started = await startTestShell({ fake: { platform }, createCore: create });
    const tray = FakeTray.instances[0]!;
    const seen = new Map<string, FakeNativeImage>();
    seen.set('normal', tray.image);
    expectTrayIcon(tray.image, platform);

    const svc = started.shell.core.services.schedules;
    const created = await started.shell.core.dispatch('schedules:create', JOB, { via: 'test' });
    if (!created.ok) throw new Error(created.error.message);
    const { id } = created.value as { id: number };
    expect(tray.clickItem('今すぐ取込')).toBe(true);
    expect(svc.scheduler.runningJobIds()).toEqual([id]);
    seen.set('running', tray.image);
    expectTrayIcon(tray.image, platform);

    release({ ok: false, error: { code: 'NETWORK', message: 'Bカートに接続できません。', retryable: true } });
    await svc.scheduler.whenIdle();
    seen.set('error', tray.image);
    expectTrayIcon(tray.image, platform);

    expect(tray.clickItem('今すぐ取込')).toBe(true);
    release({ ok: true, summary: '完了' });
    await svc.scheduler.whenIdle();
    expectTrayIcon(tray.image, platform);
    expect(tray.image.source).toBe(seen.get('normal')!.source); // back to normal after a successful run

    const pixels = [...seen.values()].map((img) => img.representations.get(1)!.rgba.toString('hex'));
    expect(new Set(pixels).size).toBe(3);
    // nothing the shell loaded (tray, window icon, …) failed to decode
    for (const img of started.fake.loadedImages) expect(img.problem, img.source).toBeNull();
  });
});
