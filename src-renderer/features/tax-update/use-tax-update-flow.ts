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

/**
 * Changes per page of the preview: main keeps the whole change list in its database and sends one
 * page at a time, so the page never holds a million changes (bench/tax-update.bench.ts).
 */
export const PREVIEW_PAGE_ROWS = 500;

export function useTaxUpdateFlow() {
  const closed = useStoreClosed();
  const events = useQuery(taxUpdateQueries.events());
  const [eventId, setEventId] = useState(PRESET_2019.id);
  const [rounding, setRounding] = useState<RoundingMode>('floor');
  const [encoding, setEncoding] = useState<CsvEncoding>('utf-8');
  const [preview, setPreview] = useState<PreviewData | null>(null);
  /** a page came from a plan other than the one shown: the data changed since the preview */
  const [replanned, setReplanned] = useState(false);
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
  const lastRun = events.data?.find((e) => e.id === eventId)?.run ?? null;
  // a run restored from its backup was undone: the event may run again
  const applied = lastRun !== null && lastRun.restoredAt === null ? lastRun : null;
  const undone = lastRun !== null && lastRun.restoredAt !== null ? lastRun : null;

  const startOver = () => {
    setPreview(null);
    setReplanned(false);
    setChecked(new Set());
    setUnderstood(false);
  };
  const fetchPage = (offset: number) => unwrap(api().taxUpdate.preview({ eventId, rounding, offset, limit: PREVIEW_PAGE_ROWS }));
  const runPreview = useMutation({
    mutationFn: () => fetchPage(0),
    onSuccess: (p) => {
      setReplanned(false);
      setPreview(p);
    },
  });
  const turnPage = useMutation({
    mutationFn: fetchPage,
    onSuccess: (p) => {
      if (preview !== null && p.planHash !== preview.planHash) setReplanned(true);
      setPreview(p);
    },
  });
  const previewCsv = useMutation({
    mutationFn: () => unwrap(api().taxUpdate.previewCsv({ eventId, rounding, encoding })),
    onSuccess: saveCsv,
  });
  const backup = useMutation({
    mutationFn: () => unwrap(api().subscriptions.export({ encoding, targetsOf: eventId })),
    onSuccess: (r) => {
      saveCsv(r);
      setDownloaded(r.fileName);
    },
  });
  const apply = useMutation({
    mutationFn: () =>
      unwrap(api().taxUpdate.apply({ eventId, rounding, checked: [...checked], understood, planHash: preview?.planHash ?? '' })),
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
    /** shows the page of changes starting at `offset` */
    turnPage,
    replanned,
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
    undone,
    apply,
    phase,
    canRun:
      closed === true && complete && preview !== null && downloaded !== null && applied === null && !apply.isPending && !apply.isSuccess,
  };
}

export type TaxUpdateFlow = ReturnType<typeof useTaxUpdateFlow>;
