/**
 * 在庫移行 (once per EC連携設定): preview then apply. Target = BCart stock + not yet imported; the
 * opening ledger row of each set = target − current local stock of the 連携倉庫, so 在庫照合 shows no
 * drift right after. Nothing is sent to BCart. A second apply is refused.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { api, unwrap } from '../../ipc/api';
import { formatJstDateTime } from '../../format/datetime';
import { useSettingChoice } from './SettingPicker';
import { qty, signed } from './stock-labels';

export function MigrationPage() {
  const { settingId, picker, none } = useSettingChoice();
  const [agreed, setAgreed] = useState(false);
  const preview = useMutation({ mutationFn: () => unwrap(api().stock.migrationPreview({ settingId: settingId! })) });
  const apply = useMutation({
    mutationFn: () => unwrap(api().stock.migrationApply({ settingId: settingId! })),
    meta: { changes: ['stock'] },
    onSuccess: () => preview.mutate(),
  });
  const p = preview.data;
  return (
    <div className="page">
      <div className="toolbar">
        <h1>在庫移行</h1>
        {picker}
        <button type="button" className="primary" disabled={settingId === null || preview.isPending} onClick={() => preview.mutate()}>
          {preview.isPending ? '取得中…' : 'プレビュー'}
        </button>
      </div>
      {none ? <p className="placeholder">EC連携設定がありません。先にEC連携設定を登録してください。</p> : null}
      <p className="field-hint">
        Bカートですでに販売しているショップの在庫を、連携倉庫の開始在庫として一度だけ取り込みます。Bカートへは何も送信しません。
      </p>
      <ErrorNotice error={preview.error ?? apply.error} />
      {apply.data ? (
        <div className="notice notice-ok" role="status">
          在庫移行を実行しました（在庫元帳 {apply.data.rows} 行）。
        </div>
      ) : null}
      {p?.appliedAt ? (
        <div className="banner banner-warn">
          このEC連携設定の在庫移行は {formatJstDateTime(p.appliedAt)} に実行済みです。差異は在庫照合で補正してください。
        </div>
      ) : null}
      {p ? (
        <>
          <table className="data" aria-label="在庫移行のプレビュー">
            <thead>
              <tr>
                <th>品番 / セットID</th>
                <th>商品</th>
                <th>Bカート在庫</th>
                <th>未取込</th>
                <th>移行後の在庫</th>
                <th>現在の在庫（{p.warehouseCode}）</th>
                <th>移行数</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr key={r.productId}>
                  <td>
                    {r.productNo} / {r.setId}
                  </td>
                  <td>
                    {r.productCode} {r.productName}
                  </td>
                  <td className="num">{qty(r.bcart)}</td>
                  <td className="num">{qty(r.unimported)}</td>
                  <td className="num">{qty(r.target)}</td>
                  <td className="num">{qty(r.current)}</td>
                  <td className="num">{signed(r.opening)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {p.appliedAt === null ? (
            <div className="form-actions">
              <label>
                <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />{' '}
                在庫移行は一度だけ行えることを理解しました
              </label>
              <button type="button" className="primary" disabled={!agreed || apply.isPending} onClick={() => apply.mutate()}>
                在庫移行を実行する
              </button>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
