/**
 * バックアップ: the copies of the database taken before a データ形式更新 and before 消費税自動更新,
 * the space they take, and the rule that decides how many stay. The screen shows what a new rule
 * would delete before it is saved (the same pure rule main applies).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { retentionOf, retentionRuleSchema, type KeptBecause, type RetentionRule } from '../../../src-shared/backups/backup-retention';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { TableHead } from '../../components/TableHead';
import { formatJstDateTime } from '../../format/datetime';
import { formatBytes, formatCount } from '../../format/number';
import { api, unwrap } from '../../ipc/api';
import { backupQueries } from '../../queries/backups';

const KIND_LABELS = { 'pre-migration': 'データ形式更新の前', 'tax-update': '消費税自動更新の前' } as const;
const KEPT_LABELS: Record<KeptBecause, string> = { latest: '残す (最新)', recent: '残す (期間内)', history: '残す (処理履歴で使用)' };

export function BackupsPage() {
  const list = useQuery(backupQueries.list());
  const [draft, setDraft] = useState<{ keepLast: string; keepDays: string } | null>(null);
  const save = useMutation({
    mutationFn: (rule: RetentionRule) => unwrap(api().backups.setRetention(rule)),
    meta: { changes: ['backups'] },
    onSuccess: () => setDraft(null),
  });
  const data = list.data;
  const current = data?.retention;
  const form = draft ?? (current ? { keepLast: String(current.keepLast), keepDays: String(current.keepDays) } : { keepLast: '', keepDays: '' });
  const parsed = retentionRuleSchema.safeParse({ keepLast: Number(form.keepLast), keepDays: Number(form.keepDays) });
  const issues = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
  const rule = parsed.success ? parsed.data : current;
  const kept = data && rule ? retentionOf(data.files, rule, data.nowMs) : new Map<string, KeptBecause | null>();
  const toDelete = data ? data.files.filter((f) => kept.get(f.name) === null) : [];
  const deleteBytes = toDelete.reduce((sum, f) => sum + f.bytes, 0);

  return (
    <div className="page">
      <h2>バックアップ</h2>
      <ErrorNotice error={list.error} />
      {data ? (
        <>
          <Notice kind="info" live={false} label="バックアップの場所">
            <p>
              データ形式の更新と消費税自動更新の前に、データファイルの写しを自動で保存しています。保存先: <code>{data.folder}</code>
            </p>
            <p>
              {formatCount(data.files.length)} 件、合計 {formatBytes(data.totalBytes)}
              {data.freeBytes !== null ? `（ディスクの空き容量 ${formatBytes(data.freeBytes)}）` : ''}
            </p>
          </Notice>
          <form
            aria-label="保存ルール"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (parsed.success) save.mutate(parsed.data);
            }}
          >
            <h3>保存ルール</h3>
            <ErrorNotice error={save.error} />
            <fieldset disabled={save.isPending}>
              <FormField id="backup-keep-last" label="最新から残す件数" required error={issues.keepLast} hint="新しいものからこの件数は必ず残します (1〜100 件)。">
                <input id="backup-keep-last" type="number" min={1} max={100} value={form.keepLast} onChange={(e) => setDraft({ ...form, keepLast: e.target.value })} />
              </FormField>
              <FormField id="backup-keep-days" label="残す期間 (日)" required error={issues.keepDays} hint="この日数以内に作成したものも残します (0 日 = 件数だけで決めます)。">
                <input id="backup-keep-days" type="number" min={0} max={3650} value={form.keepDays} onChange={(e) => setDraft({ ...form, keepDays: e.target.value })} />
              </FormField>
            </fieldset>
            <p>消費税自動更新の処理履歴が参照しているバックアップは、このルールに関係なく残します。</p>
            {toDelete.length > 0 ? (
              <Notice kind="warning" label="削除されるバックアップ">
                この保存ルールでは {formatCount(toDelete.length)} 件（{formatBytes(deleteBytes)}）のバックアップが削除されます。
              </Notice>
            ) : null}
            <div className="form-actions">
              <button type="submit" className="primary" disabled={!parsed.success || save.isPending || draft === null}>
                {save.isPending ? '保存中…' : '保存'}
              </button>
            </div>
          </form>
          <h3>保存されているバックアップ</h3>
          <table className="data" aria-label="バックアップ一覧">
            <TableHead headings={['作成日時', '種類', 'サイズ', '保存ルール', 'ファイル名']} />
            <tbody>
              {data.files.map((f) => {
                const k = kept.get(f.name) ?? null;
                return (
                  <tr key={f.name}>
                    <td>{formatJstDateTime(f.takenAt)}</td>
                    <td>{KIND_LABELS[f.kind]}</td>
                    <td className="num">{formatBytes(f.bytes)}</td>
                    <td>{k ? KEPT_LABELS[k] : <span className="badge badge-draft">削除対象</span>}</td>
                    <td>
                      <code>{f.name}</code>
                    </td>
                  </tr>
                );
              })}
              {data.files.length === 0 ? (
                <tr>
                  <td colSpan={5}>バックアップはまだありません。</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
