import type { DataRoot } from '../ipc/data-roots';

/** What the 初期設定 run (デモデータで試す, `init`) writes: masters, the EC連携設定 and its payment rules. */
export const INITIAL_SETUP_ROOTS = ['departments', 'partners', 'bankAccounts', 'products', 'ecSettings', 'paymentRules'] as const satisfies readonly DataRoot[];
