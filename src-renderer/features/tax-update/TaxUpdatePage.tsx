/**
 * 消費税自動更新 (seed 004): 税率改定 and 算出設定 → プレビュー (CSV出力) → 申込データのダウンロード
 * (required) → 確認事項 one by one → 「上記を理解の上、実行します。」 → 処理を実行する (only in
 * 受付停止) → 「消費税額自動更新処理が終了しました。」 with the reminder to 受付再開.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ROUNDING_LABELS, ROUNDING_MODES, type RoundingMode } from '../../../src-shared/domain/rounding';
import type { CsvEncoding } from '../../../src-shared/csv/csv-encoding';
import { PRESET_2019 } from '../../../src-shared/tax-update/types';
import { FINISHED_TEXT, missingChecklistIds } from '../../../src-shared/tax-update/checklist';
import { TAX_UPDATE_PHASE_LABELS, type TaxUpdatePhase } from '../../../src-shared/tax-update/tax-update-events';
import { ErrorNotice } from '../../components/ErrorNotice';
import { api, unwrap } from '../../ipc/api';
import { useNavigation } from '../../stores/navigation';
import { saveCsv } from '../csv/csv-file';
import { CsvEncodingSelect } from '../csv/CsvEncodingSelect';
import { StoreModeButtons, useStoreClosed } from '../store-mode/StoreModeButtons';
import { TaxUpdateChecklist } from './TaxUpdateChecklist';
import { TaxUpdatePreview, type PreviewData } from './TaxUpdatePreview';
import './tax-update.css';

export function TaxUpdatePage() {
  const qc = useQueryClient();
  const go = useNavigation((s) => s.go);
  const closed = useStoreClosed();
  const events = useQuery({ queryKey: ['taxUpdate', 'events'], queryFn: () => unwrap(api().taxUpdate.events()) });
  const [eventId, setEventId] = useState(PRESET_2019.id);
  const [rounding, setRounding] = useState<RoundingMode>('floor');
  const [encoding, setEncoding] = useState<CsvEncoding>('utf-8');
  const [preview, setPreview] = useState<PreviewData | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [understood, setUnderstood] = useState(false);
  const [phase, setPhase] = useState<TaxUpdatePhase | null>(null);
  // progress of the run (backup → updating → finished) pushed by main
  useEffect(() => api().on('taxUpdate:progressed', (p) => setPhase(p.phase)), []);
  const event = events.data?.find((e) => e.id === eventId);
  const applied = event?.run ?? null;

  const reset = () => {
    setPreview(null);
    setChecked(new Set());
    setUnderstood(false);
  };
  const runPreview = useMutation({
    mutationFn: () => unwrap(api().taxUpdate.preview({ eventId, rounding, limit: 200_000 })),
    onSuccess: setPreview,
  });
  const previewCsv = useMutation({ mutationFn: () => unwrap(api().taxUpdate.previewCsv({ eventId, rounding, encoding })), onSuccess: saveCsv });
  const backup = useMutation({
    mutationFn: () => unwrap(api().subscriptions.export({ encoding, targetsOf: eventId })),
    onSuccess: (r) => {
      saveCsv(r);
      setDownloaded(r.fileName);
    },
  });
  const apply = useMutation({
    mutationFn: () => unwrap(api().taxUpdate.apply({ eventId, rounding, checked: [...checked], understood, planHash: preview?.planHash ?? '' })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['taxUpdate'] });
      void qc.invalidateQueries({ queryKey: ['subscriptions'] });
    },
  });

  const complete = missingChecklistIds([...checked]).length === 0 && understood;
  const canRun = closed === true && complete && preview !== null && downloaded !== null && applied === null && !apply.isPending && !apply.isSuccess;

  return (
    <div className="page">
      <h2>定期申込商品 消費税自動更新</h2>
      <StoreModeButtons />
      <div className="tu-steps">
        <section className="tu-step" aria-label="算出設定">
          <h3>1. 税率改定と算出設定</h3>
          <div className="toolbar">
            <select
              aria-label="税率改定"
              value={eventId}
              onChange={(e) => {
                setEventId(e.target.value);
                setDownloaded(null);
                reset();
              }}
            >
              {(events.data ?? []).map((e) => (
                <option key={e.id} value={e.id}>
                  {e.label}
                  {e.run ? '(実行済み)' : ''}
                </option>
              ))}
            </select>
          </div>
          <p>税込で登録されている価格は割り戻した上で新税率をかけて計算します。端数の計算方法を選んでください(税抜の価格も税額の計算に使います)。</p>
          <div className="toolbar" role="radiogroup" aria-label="端数の計算方法">
            {ROUNDING_MODES.map((m) => (
              <label key={m}>
                <input
                  type="radio"
                  name="rounding"
                  value={m}
                  checked={rounding === m}
                  onChange={() => {
                    setRounding(m);
                    reset();
                  }}
                />
                {ROUNDING_LABELS[m]}
              </label>
            ))}
          </div>
          {applied ? (
            <div className="notice notice-info" role="status">
              この税率改定の自動更新は{applied.executedAt.slice(0, 16).replace('T', ' ')}に実行済みです{applied.restoredAt ? '(その後、実行前の状態に復元しました)' : ''}。自動更新は税率改定ごとに一回のみ実行できます。
            </div>
          ) : null}
        </section>

        <section className="tu-step" aria-label="プレビュー">
          <h3>2. プレビュー</h3>
          <div className="toolbar">
            <button type="button" disabled={runPreview.isPending} onClick={() => runPreview.mutate()}>
              {runPreview.isPending ? '計算中…' : 'プレビュー'}
            </button>
            <CsvEncodingSelect value={encoding} onChange={setEncoding} />
            <button type="button" disabled={preview === null || previewCsv.isPending} onClick={() => previewCsv.mutate()}>
              プレビューをCSV出力
            </button>
          </div>
          <ErrorNotice error={runPreview.error ?? previewCsv.error} />
          {preview ? <TaxUpdatePreview preview={preview} /> : <p className="placeholder">「プレビュー」を押すと、変更される価格がすべて表示されます。</p>}
        </section>

        <section className="tu-step" aria-label="バックアップ">
          <h3>3. 申込データのバックアップ</h3>
          <p>万一に備え、更新対象の定期申込データをCSVでダウンロードして保存してください(実行の前に必須です)。実行の直前にはデータベース全体の自動バックアップも取ります。</p>
          <div className="toolbar">
            <button type="button" disabled={backup.isPending} onClick={() => backup.mutate()}>
              申込データをダウンロード
            </button>
            {downloaded ? <span className="badge badge-ok">ダウンロード済み: {downloaded}</span> : <span className="badge badge-draft">未ダウンロード</span>}
          </div>
          <ErrorNotice error={backup.error} />
        </section>

        <section className="tu-step" aria-label="確認事項">
          <h3>4. 実行にあたっての確認事項</h3>
          <TaxUpdateChecklist
            checked={checked}
            onToggle={(id) => {
              const next = new Set(checked);
              if (next.has(id)) next.delete(id);
              else next.add(id);
              setChecked(next);
            }}
            understood={understood}
            onUnderstood={setUnderstood}
            backupDownloaded={downloaded !== null}
            disabled={applied !== null || apply.isSuccess}
          />
        </section>

        <section className="tu-step" aria-label="処理の実行">
          <h3>5. 処理を実行する</h3>
          {closed !== true ? <p className="field-error">受付停止中でないと実行できません。上の「受付停止」を押してください。</p> : null}
          {preview === null ? <p className="field-hint">先にプレビューで変更内容を確認してください。</p> : null}
          <button type="button" className="primary" disabled={!canRun} onClick={() => apply.mutate()}>
            処理を実行する
          </button>
          {apply.isPending ? (
            <div className="notice notice-info" role="status">
              処理中です{phase === 'backup' || phase === 'updating' ? `(${TAX_UPDATE_PHASE_LABELS[phase]})` : ''}。「消費税額自動更新処理が終了しました。」と表示されるまで、しばらくお待ちください。
            </div>
          ) : null}
          <ErrorNotice error={apply.error} />
          {apply.data ? (
            <div className="notice notice-ok" role="status">
              <strong>{FINISHED_TEXT}</strong>
              <p>
                対象 {apply.data.targets.toLocaleString()}件、更新した申込 {apply.data.changedApplications.toLocaleString()}件、更新した価格{' '}
                {apply.data.changedPrices.toLocaleString()}件。価格が変更されていますので確認してください。
              </p>
              <p>処理が終了しました。忘れずに「受付再開」を押してください。</p>
              <button type="button" onClick={() => go('tax-update-history')}>
                処理履歴を見る
              </button>
            </div>
          ) : null}
        </section>
      </div>
    </div>
  );
}
