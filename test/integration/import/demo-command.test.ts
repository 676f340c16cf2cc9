/** `npm run demo`: simulator + init + imports until caught up, a Japanese summary, exit 0. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import { makeTempDir } from '../../helpers/temp-dir';

describe('npm run demo', () => {
  it('sets up the demo shop, imports until caught up and prints the summary and the system log', async () => {
    const tmp = makeTempDir('bcart-demo-test-');
    const out: string[] = [];
    const err: string[] = [];
    try {
      const code = await runCli(['demo', '--data-dir', tmp.dir], { out: (t) => out.push(t), err: (t) => err.push(t) });
      const text = out.join('\n');
      expect(code, `${text}\n${err.join('\n')}`).toBe(0);
      expect(text).toContain('初期設定:');
      expect(text).toMatch(/出荷取込処理 #1（受注日 .+）: 取込完了/);
      expect(text).toContain('システムログ:');
      expect(text).toMatch(/デモ完了: 出荷伝票 \d+ 件・請求伝票 \d+ 件/);
      // a second demo on the same folder imports nothing twice
      const again: string[] = [];
      expect(await runCli(['demo', '--data-dir', tmp.dir], { out: (t) => again.push(t), err: () => undefined })).toBe(0);
    } finally {
      tmp.cleanup();
    }
  }, 120_000);
});
