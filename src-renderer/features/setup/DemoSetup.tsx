/** 「デモデータで試す」: the built-in BCart simulator and every 初期設定 step against it in one go. */
import { useMutation } from '@tanstack/react-query';
import { INITIAL_SETUP_ROOTS } from '../../../src-shared/setup/initial-setup-roots';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { api, unwrap } from '../../ipc/api';
import { useNavigation } from '../../stores/navigation';

export function DemoSetup({ onReady }: { onReady: (settingId: number) => void }) {
  const { go } = useNavigation();
  const demo = useMutation({
    mutationFn: () => unwrap(api().demo.start({})),
    meta: { changes: INITIAL_SETUP_ROOTS },
    onSuccess: (r) => onReady(r.settingId),
  });
  return (
    <>
      <Notice kind="info" title="デモデータで試す" live={false}>
        <p>内蔵シミュレーター (このPC内だけで動く架空のBカート) に接続し、部門・倉庫・請求口座・商品・得意先・EC連携設定を作成します。</p>
        <button type="button" className="primary" disabled={demo.isPending} onClick={() => demo.mutate()}>
          {demo.isPending ? '準備中…' : 'デモデータで試す'}
        </button>
      </Notice>
      <ErrorNotice error={demo.error} />
      {demo.data ? (
        <Notice kind="success" title="デモの準備ができました" label="デモの結果">
          <p>
            {Object.entries(demo.data.created)
              .map(([k, v]) => `${k} ${v.length}件`)
              .join('、')}
            を作成しました。
          </p>
          <button type="button" onClick={() => go('ec-settings', String(demo.data.settingId))}>
            EC連携設定を開く
          </button>
        </Notice>
      ) : null}
    </>
  );
}
