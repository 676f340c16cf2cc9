/**
 * 決済方法ごとの得意先: an editable table (BCart payment display name → rule), the check of the
 * customers an import will need, and 「不足している得意先を作成」.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { PAYMENT_RULE_KIND_LABELS, PAYMENT_RULE_KINDS, type PaymentRuleInput } from '../../../src-shared/ec-settings/payment-rule';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { ApiError, api, unwrap } from '../../ipc/api';
import { paymentRuleQueries } from '../../queries/ec-settings';
import { LabelOptions } from '../../components/LabelOptions';
import { AddRowButton, LineTable } from '../../components/LineTable';

/** table cells are narrow: controls fill their cell instead of their default width */
const FILL = { width: '100%', boxSizing: 'border-box' } as const;

const STATUS_TEXT = { ok: '登録済', missing: '未登録', unconfirmed: '未確定', 'wrong-kind': '得意先以外' } as const;

export function PaymentRulesSection({ settingId }: { settingId: number }) {
  const list = useQuery(paymentRuleQueries.list(settingId));
  const [rows, setRows] = useState<PaymentRuleInput[]>([]);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (list.data && !dirty)
      setRows(list.data.rows.map(({ paymentName, ruleKind, customerCode }) => ({ paymentName, ruleKind, customerCode })));
  }, [list.data, dirty]);
  const save = useMutation({
    mutationFn: () => unwrap(api().paymentRules.update({ settingId, rules: rows })),
    meta: { changes: ['paymentRules'] },
    onSuccess: () => setDirty(false),
  });
  const create = useMutation({
    mutationFn: () => unwrap(api().paymentRules.createMissingCustomers({ settingId })),
    meta: { changes: ['partners', 'paymentRules'] },
  });
  const edit = (i: number, patch: Partial<PaymentRuleInput>) => {
    setDirty(true);
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const fieldError = (path: string) =>
    save.error instanceof ApiError ? save.error.data.fields?.find((f) => f.path === path)?.message : undefined;
  const statusOf = (i: number) => (dirty ? null : (list.data?.rows[i]?.customerStatus ?? null));
  const missing = (list.data?.rows ?? []).filter((r) => r.customerStatus !== null && r.customerStatus !== 'ok').length;

  return (
    <section className="master-detail" aria-label="決済方法ごとの得意先">
      <h2>決済方法ごとの得意先</h2>
      <ErrorNotice error={list.error ?? save.error ?? create.error} />
      {create.data ? (
        <Notice kind="success">
          作成 {create.data.created.length}件、確定 {create.data.confirmed.length}件。
          {create.data.skipped.map((s) => (
            <p key={s.code}>{s.reason}</p>
          ))}
        </Notice>
      ) : null}
      <LineTable
        label="決済方法と得意先の対応"
        head={
          <>
            <th>Bカートの決済方法</th>
            <th>得意先の決め方</th>
            <th>得意先コード</th>
            <th style={{ whiteSpace: 'nowrap' }}>得意先</th>
          </>
        }
        rows={rows}
        rowKey={(_, i) => i}
        cells={(r, i) => {
          const st = statusOf(i);
          return (
            <>
              <td>
                <input
                  type="text"
                  style={FILL}
                  aria-label={`${i + 1}行目の決済方法`}
                  value={r.paymentName}
                  onChange={(e) => edit(i, { paymentName: e.target.value })}
                />
                {fieldError(`rules.${i}.paymentName`) ? <div className="field-error">{fieldError(`rules.${i}.paymentName`)}</div> : null}
              </td>
              <td>
                <select
                  style={FILL}
                  aria-label={`${i + 1}行目の得意先の決め方`}
                  value={r.ruleKind}
                  onChange={(e) => edit(i, { ruleKind: e.target.value as PaymentRuleInput['ruleKind'] })}
                >
                  <LabelOptions values={PAYMENT_RULE_KINDS} labels={PAYMENT_RULE_KIND_LABELS} />
                </select>
              </td>
              <td>
                {r.ruleKind === 'customer' ? (
                  <input
                    type="text"
                    style={FILL}
                    aria-label={`${i + 1}行目の得意先コード`}
                    value={r.customerCode ?? ''}
                    onChange={(e) => edit(i, { customerCode: e.target.value })}
                  />
                ) : (
                  '—'
                )}
                {fieldError(`rules.${i}.customerCode`) ? <div className="field-error">{fieldError(`rules.${i}.customerCode`)}</div> : null}
              </td>
              <td style={{ whiteSpace: 'nowrap' }}>
                {st ? <span className={`badge ${st === 'ok' ? 'badge-ok' : 'badge-err'}`}>{STATUS_TEXT[st]}</span> : null}
              </td>
            </>
          );
        }}
        onRemove={(i) => (setDirty(true), setRows((rs) => rs.filter((_, j) => j !== i)))}
      />
      <div className="form-actions">
        <AddRowButton
          onAdd={() => (setDirty(true), setRows((rs) => [...rs, { paymentName: '', ruleKind: 'customer', customerCode: '' }]))}
        />
        <button type="button" className="primary" disabled={!dirty || save.isPending} onClick={() => save.mutate()}>
          対応表を保存
        </button>
        <button type="button" disabled={dirty || missing === 0 || create.isPending} onClick={() => create.mutate()}>
          不足している得意先を作成{missing > 0 ? ` (${missing})` : ''}
        </button>
      </div>
    </section>
  );
}
