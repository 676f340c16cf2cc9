/**
 * Child process of TAX-concurrent: one side of "the app and the CLI apply the tax update at once".
 * Loads everything first, prints "ready", then waits for "go" on stdin, so both processes start
 * their apply within the same moment whatever their start-up took.
 * - app: a core opened as the desktop app opens it, the apply dispatched through the IPC path
 *   (preview → taxUpdate:apply with the preview's planHash, as the screen does);
 * - cli: the CLI's own entry (runCli) with `tax-update:apply --confirm`.
 * Prints "result {ok, code, message}" at the end.
 */
import { createInterface } from 'node:readline';
import { runCli } from '../../../src-main/cli';
import { createCore } from '../../../src-main/core/create-core';
import { createMemoryLogger } from '../../../src-main/core/logging';
import { createMemoryTokenStore } from '../../../src-main/core/memory-token-store';
import { PRESET_2019 } from '../../../src-shared/tax-update/types';
import { TAX_UPDATE_CHECKLIST_IDS } from '../../../src-shared/tax-update/checklist';

async function go(): Promise<void> {
  process.stdout.write('ready\n');
  for await (const line of createInterface({ input: process.stdin })) if (line.trim() === 'go') return;
}

async function main(): Promise<void> {
  const [role, dataDir, migrationsDir] = process.argv.slice(2);
  if ((role !== 'app' && role !== 'cli') || !dataDir || !migrationsDir)
    throw new Error('usage: concurrent-child app|cli DATA_DIR MIGRATIONS_DIR');
  const print = (r: { ok: boolean; code: string; message: string }) => process.stdout.write(`result ${JSON.stringify(r)}\n`);
  if (role === 'cli') {
    // the command module is loaded before the barrier, like the app's core
    await import('../../../src-main/cli/tax-update-commands');
    await go();
    const err: string[] = [];
    const code = await runCli(['tax-update:apply', '--data-dir', dataDir, '--rounding', 'floor', '--confirm'], {
      out: () => undefined,
      err: (t) => err.push(t),
    });
    const text = err.join('\n');
    print({ ok: code === 0, code: /\b[A-Z][A-Z_]{3,}\b/.exec(text)?.[0] ?? '', message: text });
    return;
  }
  const core = await createCore({ dataDir, migrationsDir, logger: createMemoryLogger(), tokenStore: createMemoryTokenStore() });
  await go();
  const via = { via: 'test' as const };
  const preview = await core.dispatch('taxUpdate:preview', { eventId: PRESET_2019.id, rounding: 'floor' }, via);
  const r = preview.ok
    ? await core.dispatch(
        'taxUpdate:apply',
        {
          eventId: PRESET_2019.id,
          rounding: 'floor',
          checked: TAX_UPDATE_CHECKLIST_IDS,
          understood: true,
          planHash: (preview.value as { planHash: string }).planHash,
        },
        via,
      )
    : preview;
  core.close();
  print(r.ok ? { ok: true, code: '', message: '' } : { ok: false, code: r.error.code, message: r.error.message });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
