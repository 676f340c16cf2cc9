/** The CLI's file token store: 0600, survives a new instance, delete, unreadable file = empty. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileTokenStore, openCliTokenStore, TOKEN_FILE_NAME } from '../../../src-main/core/file-token-store';
import { makeTempDir } from '../../helpers/temp-dir';

describe('file token store', () => {
  const tmp = makeTempDir();

  it('writes tokens.json with mode 0600 and reads them back from a new instance', async () => {
    const a = openCliTokenStore(tmp.dir);
    await a.set('bcart:1:access_token', 'secret-1');
    await a.set('bcart:1:meta', '{"method":"personal_token"}');
    const file = join(tmp.dir, TOKEN_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const b = openCliTokenStore(tmp.dir);
    expect(await b.get('bcart:1:access_token')).toBe('secret-1');
    await b.delete('bcart:1:access_token');
    expect(await a.get('bcart:1:access_token')).toBeNull();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ 'bcart:1:meta': '{"method":"personal_token"}' });
  });

  it('a damaged file reads as empty and is replaced on the next write', async () => {
    const file = join(tmp.dir, 'broken.json');
    writeFileSync(file, '{not json');
    const s = createFileTokenStore(file);
    expect(await s.get('x')).toBeNull();
    await s.set('x', 'y');
    expect(await s.get('x')).toBe('y');
    tmp.cleanup();
  });
});
