/**
 * TokenStore in a JSON file of the data folder (mode 0600): the store of the CLI and of the demo
 * started from the CLI, whose processes end between runs. The desktop app uses Electron
 * safeStorage (src-main/shell/safe-token-store.ts) instead; this file is NOT encrypted, so it relies
 * on the folder's permissions, like ~/.netrc or a CLI's credentials file.
 */
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TokenStore } from './ports';

export const TOKEN_FILE_NAME = 'tokens.json';

function readAll(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

/** A TokenStore over one file; every write replaces the file atomically with mode 0600. */
export function createFileTokenStore(file: string): TokenStore {
  const write = (all: Record<string, string>) => {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(all)}\n`, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  };
  return {
    get: async (k) => readAll(file)[k] ?? null,
    set: async (k, v) => {
      const all = readAll(file);
      all[k] = v;
      write(all);
    },
    delete: async (k) => {
      const all = readAll(file);
      if (!(k in all)) return;
      delete all[k];
      write(all);
    },
  };
}

/** The CLI's token store: <dataDir>/tokens.json. The import CLI reads tokens the same way. */
export function openCliTokenStore(dataDir: string): TokenStore {
  return createFileTokenStore(join(resolve(dataDir), TOKEN_FILE_NAME));
}
