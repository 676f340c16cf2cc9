/**
 * ECサイト認証 (docs/bcart-api.md#authentication-and-scopes): state, browser login (returns a run id at once; completion is the
 * `connection:changed` push event), pasted personal token, logout and 接続テスト. Nothing here ever
 * returns or logs a token.
 */
import { randomUUID } from 'node:crypto';
import { isAppError } from '../../../src-shared/errors';
import type { ConnectionState } from '../../../src-shared/ec-settings/connection';
import type { AuthState } from '../bcart/oauth';
import { emitDataChanged, type EventBus } from '../event-bus';
import type { Logger } from '../ports';
import type { BcartSessions } from './bcart-sessions';

const toState = (settingId: number, s: AuthState): ConnectionState => ({ settingId, status: s.status, expiresAt: s.expiresAt, scopes: s.scopes, method: s.method });

/** The connection service of a core. */
export function createConnectionService(bcart: BcartSessions, events: EventBus, logger: Logger) {
  const log = logger.child('connection');
  const session = (id: number) => bcart.session(id);
  // the ECサイト認証 state is part of the ecSettings root: every screen showing it refreshes
  const announce = (settingId: number, runId: string | null, state: ConnectionState) => {
    events.emit('connection:changed', { settingId, runId, ok: true, state, error: null });
    emitDataChanged(events, 'ecSettings');
  };

  return {
    async state(settingId: number): Promise<ConnectionState> {
      return toState(settingId, await session(settingId).auth.state());
    },
    /** Starts the login in the background; the result arrives as `connection:changed`. */
    login(settingId: number): { runId: string } {
      const s = session(settingId);
      const runId = randomUUID();
      log.info('bcart login started', { settingId, runId });
      void s.auth.login().then(
        (st) => announce(settingId, runId, toState(settingId, st)),
        (err: unknown) => {
          const error = isAppError(err)
            ? { code: err.code, message: err.message }
            : { code: 'OAUTH_FAILED', message: 'Bカートへのログインに失敗しました。もう一度「ECサイト認証」を実行してください。' };
          log.warn('bcart login failed', { settingId, runId, code: error.code });
          events.emit('connection:changed', { settingId, runId, ok: false, state: null, error });
        },
      );
      return { runId };
    },
    async savePersonalToken(settingId: number, token: string): Promise<ConnectionState> {
      const st = toState(settingId, await session(settingId).auth.savePersonalToken(token));
      announce(settingId, null, st);
      return st;
    },
    async logout(settingId: number): Promise<ConnectionState> {
      const s = session(settingId);
      await s.auth.logout();
      const st = toState(settingId, await s.auth.state());
      announce(settingId, null, st);
      return st;
    },
    /**
     * Applies the token binding (bcart/oauth/auth.ts) now by reading the state: tokens stored before
     * they were bound are bound to the row's current URLs; tokens of a row whose URLs moved to
     * another origin are deleted (要再認証). Called around a settings save, so the screen shows the
     * change at once; a token store that cannot be read (no keyring) must not block the save.
     */
    async bindTokens(settingId: number): Promise<void> {
      try {
        await session(settingId).auth.state();
      } catch (e) {
        log.warn('bcart token binding check failed', { settingId, code: isAppError(e) ? e.code : 'INTERNAL' });
      }
    },
    /** One API call (GET /orders?limit=1) that proves URL, token and scope. */
    async test(settingId: number) {
      const r = await session(settingId).client.ping();
      log.info('bcart connection test ok', { settingId, latencyMs: r.latencyMs });
      return { ok: true as const, latencyMs: r.latencyMs, ordersTotal: r.ordersTotal, scopes: r.scopes };
    },
  };
}

export type ConnectionService = ReturnType<typeof createConnectionService>;
