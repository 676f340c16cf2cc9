/**
 * EC連携商品 (used when 商品連携区分 is off): 取得 lists BCart sets (品番, JAN, 入数, name) with
 * suggested local products by code and JAN; sets seen in recent orders without a mapping come
 * first; tick and 登録 in bulk; a set without a fitting suggestion is linked to any product found
 * with 商品を検索 (main refuses a product whose 計上単位 differs from BCart's 入数); the saved
 * mappings below can be deleted.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { BcartSetRow } from '../../../src-shared/ec-settings/product-link';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { formatCount } from '../../format/number';
import { api, ApiError, unwrap } from '../../ipc/api';
import { ecSettingQueries, productLinkQueries } from '../../queries/ec-settings';
import { BcartSetsTable } from './BcartSetsTable';
import { SavedLinksTable } from './SavedLinksTable';
import { useSetPicks } from './use-set-picks';

export function ProductLinksPage() {
  const settings = useQuery(ecSettingQueries.list());
  const [chosen, setChosen] = useState<number | null>(null);
  const settingId = chosen ?? settings.data?.rows[0]?.id ?? null;
  const links = useQuery({ ...productLinkQueries.list(settingId ?? 0), enabled: settingId !== null });
  // a new choice makes the last refusal stale, so it is cleared rather than shown beside the new pick
  const picks = useSetPicks(() => accept.reset());
  const fetchSets = useMutation({
    mutationFn: () => unwrap(api().productLinks.fetchBcart({ settingId: settingId! })),
    onSuccess: (r) => picks.reset(r.sets),
  });
  const accept = useMutation({
    mutationFn: (sets: BcartSetRow[]) =>
      unwrap(
        api().productLinks.accept({
          settingId: settingId!,
          links: sets.map((s) => ({
            bcartSetId: s.setId,
            productId: picks.pickOf(s.setId)!,
            bcartProductNo: s.productNo,
            bcartSetName: s.name,
            bcartJanCode: s.janCode,
            bcartQuantity: s.quantity,
          })),
        }),
      ),
    meta: { changes: ['productLinks'] },
    onSuccess: () => fetchSets.mutate(),
  });
  const remove = useMutation({
    mutationFn: (id: number) => unwrap(api().productLinks.delete({ settingId: settingId!, ids: [id] })),
    meta: { changes: ['productLinks'] },
  });
  const sets = fetchSets.data?.sets ?? [];
  const linkedLabel = (s: BcartSetRow) => {
    const l = links.data?.rows.find((x) => x.bcartSetId === s.setId);
    return l ? `${l.productCode} ${l.productName}` : `商品ID ${s.linkedProductId}`;
  };
  const ready = sets.filter((s) => s.linkedProductId === null && picks.isTicked(s.setId) && picks.pickOf(s.setId) !== null);
  // 同じコード mode: a set whose 品番 equals a product's code (or SKU) is imported without a link, so
  // only the exceptions need the clerk; the matches are counted, not listed (unless asked for)
  const sameCode = settings.data?.rows.find((r) => r.id === settingId)?.productLinkSameCode ?? false;
  const [showAll, setShowAll] = useState(false);
  const matchesByCode = (s: BcartSetRow) => s.suggestions.some((g) => g.reason === 'code' && (s.quantity === null || g.unitQuantity === s.quantity));
  const matched = sameCode ? sets.filter((s) => s.linkedProductId === null && matchesByCode(s)).length : 0;
  const shownSets = sameCode && !showAll ? sets.filter((s) => s.linkedProductId === null && !matchesByCode(s)) : sets;
  // each refused link names its set and why (e.g. 入数 ≠ 計上単位); the notice above only counts them
  const acceptProblems = accept.error instanceof ApiError ? (accept.error.data.fields ?? []) : [];

  return (
    <div className="page">
      <div className="toolbar">
        <h1>EC連携商品</h1>
        <label htmlFor="pl-setting">EC連携設定</label>
        <select id="pl-setting" value={settingId ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
          {(settings.data?.rows ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="primary"
          disabled={settingId === null || fetchSets.isPending}
          onClick={() => {
            // a fresh 取得 starts over: the last registration's result no longer describes this list
            accept.reset();
            fetchSets.mutate();
          }}
        >
          {fetchSets.isPending ? '取得中…' : '取得'}
        </button>
        <button type="button" disabled={ready.length === 0 || accept.isPending} onClick={() => accept.mutate(ready)}>
          選択したセットを登録 ({ready.length})
        </button>
      </div>
      <p className="field-hint">
        {sameCode
          ? 'この設定は商品連携区分「同じコード」です: 品番と同じ商品コード(またはSKUコード)の商品があるセットは、登録しなくても取り込めます。'
          : '商品連携区分がオフの設定で使います。'}
        最近30日の注文にあって未連携のセットを先頭に表示します。
      </p>
      {sameCode && fetchSets.data ? (
        <Notice kind="info" live={false} label="同じコードで取り込めるセット">
          <p>
            {formatCount(matched)}件のセットは品番と同じコードの商品があり、そのまま取り込めます。
            {shownSets.length === 0 && !showAll ? '登録が必要なセットはありません。' : `下の${formatCount(shownSets.length)}件${showAll ? '(すべて)' : 'が例外(コードで見つからない・入数が違う)'}です。`}{' '}
            <button type="button" className="link-button" onClick={() => setShowAll((v) => !v)}>
              {showAll ? '例外だけを表示' : 'すべてのセットを表示'}
            </button>
          </p>
        </Notice>
      ) : null}
      <ErrorNotice error={settings.error ?? fetchSets.error ?? accept.error ?? remove.error ?? links.error} />
      {acceptProblems.length > 0 ? (
        <ul className="field-error" aria-label="登録できなかったEC連携商品">
          {acceptProblems.map((f) => (
            <li key={f.path}>{f.message}</li>
          ))}
        </ul>
      ) : null}
      {accept.data ? <Notice kind="success">{accept.data.saved}件のEC連携商品を登録しました。</Notice> : null}
      {settings.data && settings.data.rows.length === 0 ? <p className="placeholder">EC連携設定がありません。先にEC連携設定を登録してください。</p> : null}
      {shownSets.length > 0 ? <BcartSetsTable sets={shownSets} picks={picks} linkedLabel={linkedLabel} /> : null}
      <SavedLinksTable links={links.data?.rows ?? []} onDelete={(id) => remove.mutate(id)} />
    </div>
  );
}
