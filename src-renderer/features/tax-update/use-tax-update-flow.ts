/**
 * The state of the 消費税自動更新 screen, step by step: 税率改定 and 算出設定 → プレビュー → 申込データの
 * ダウンロード → 確認事項 → 処理を実行する. Changing the event or the rounding starts over from the
 * preview; the run is allowed only with everything done and the shop in 受付停止.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { RoundingMode } from '../../../src-shared/domain/rounding';
import { missingChecklistIds } from '../../../src-shared/tax-update/checklist';
import type { TaxUpdatePhase } from '../../../src-shared/tax-update/tax-update-events';
import { PRESET_2019 } from '../../../src-shared/tax-update/types';
import { api, unwrap } from '../../ipc/api';
import { taxUpdateQueries } from '../../queries/tax-update';
import type { CsvEncoding } from '../../../src-shared/csv/csv-encoding';
import { saveCsv } from '../csv/csv-file';
import { useStoreClosed } from '../store-mode/StoreModeButtons';
import type { PreviewData } from './TaxUpdatePreview';

/** the checklist item that can be ticked only while 受付停止 is on */
export const STORE_CLOSED_ITEM = 'store-closed';

/** every change of the plan is sent to the screen (virtualized) */
const PREVIEW_ROWS = 200_000;

export function useTaxUpdateFlow() {
  const closed = useStoreClosed();
  const events = useQuery(taxUpdateQueries.events());
  const [eventId, setEventId] = useState(PRESET_2019.id);
  const [rounding, setRounding] = useState<RoundingMode>('floor');
  const [encoding, setEncoding] = useState<CsvEncoding>('utf-8');
  const [preview, setPreview] = useState<PreviewData | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [understood, setUnderstood] = useState(false);
  // 「受付停止が必要です」 is true only while 受付停止 is on: 受付再開 unticks it (adjusted during render)
  const [seenClosed, setSeenClosed] = useState(closed);
  if (closed !== seenClosed) {
    setSeenClosed(closed);
    if (closed !== true && checked.has(STORE_CLOSED_ITEM)) setChecked(new Set([...checked].filter((id) => id !== STORE_CLOSED_ITEM)));
  }
  const [phase, setPhase] = useState<TaxUpdatePhase | null>(null);
  // progress of the run (backup → updating → finished) pushed by main
  useEffect(() => api().on('taxUpdate:progressed', (p) => setPhase(p.phase)), []);
  const applied = events.data?.find((e) => e.id === eventId)?.run ?? null;

  const startOver = () => {
    setPreview(null);
    setChecked(new Set());
    setUnderstood(false);
  };
  const runPreview = useMutation({ mutationFn: () => unwrap(api().taxUpdate.preview({ eventId, rounding, limit: PREVIEW_ROWS })), onSuccess: setPreview });
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
    meta: { changes: ['subscriptions', 'taxUpdate'] },
  });

  const complete = missingChecklistIds([...checked]).length === 0 && understood;
  return {
    closed,
    events,
    eventId,
    /** another 税率改定: its own download and preview are needed */
    chooseEvent(id: string) {
      setEventId(id);
      setDownloaded(null);
      startOver();
    },
    rounding,
    chooseRounding(m: RoundingMode) {
      setRounding(m);
      startOver();
    },
    encoding,
    setEncoding,
    preview,
    runPreview,
    previewCsv,
    backup,
    downloaded,
    checked,
    toggleChecked(id: string) {
      if (id === STORE_CLOSED_ITEM && closed !== true) return;
      const next = new Set(checked);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      setChecked(next);
    },
    understood,
    setUnderstood,
    applied,
    apply,
    phase,
    canRun: closed === true && complete && preview !== null && downloaded !== null && applied === null && !apply.isPending && !apply.isSuccess,
  };
}

export type TaxUpdateFlow = ReturnType<typeof useTaxUpdateFlow>;
