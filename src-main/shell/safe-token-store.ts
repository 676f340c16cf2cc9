/**
 * TokenStore on Electron safeStorage (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on
 * Linux). Linux's `basic_text` backend only obfuscates with a fixed key, so it is refused: the user
 * is told to use a desktop keyring instead of the token being stored weakly.
 * Encrypted blobs are kept base64 in one JSON file in the user data folder; plaintext never
 * touches disk or logs.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../src-shared/errors';
import type { TokenStore } from '../core/ports';
import type { ElectronApi } from './electron-api';

export function createSafeTokenStore(safeStorage: ElectronApi['safeStorage'], file: string, platform = process.platform): TokenStore {
  function assertSecure(): void {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new AppError(
        'TOKEN_STORE_UNAVAILABLE',
        'このPCでは認証情報を暗号化して保存できません。OSにログインし直してから、もう一度お試しください。',
      );
    }
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      throw new AppError(
        'TOKEN_STORE_UNAVAILABLE',
        'このPCには安全な鍵の保管庫 (GNOME キーリングや KWallet) がないため、Bカートの認証情報を保存できません。キーリングを有効にしてからアプリを再起動してください。',
      );
    }
  }
  function readAll(): Record<string, string> {
    if (!existsSync(file)) return {};
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  }
  function writeAll(data: Record<string, string>): void {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(data), { mode: 0o600 });
    renameSync(tmp, file); // atomic replace: never a half-written secrets file
  }
  return {
    async get(key) {
      assertSecure();
      const blob = readAll()[key];
      return blob ? safeStorage.decryptString(Buffer.from(blob, 'base64')) : null;
    },
    async set(key, value) {
      assertSecure();
      const all = readAll();
      all[key] = safeStorage.encryptString(value).toString('base64');
      writeAll(all);
    },
    async delete(key) {
      const all = readAll();
      delete all[key];
      writeAll(all);
    },
  };
}
