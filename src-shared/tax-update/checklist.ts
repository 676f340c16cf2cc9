/**
 * 実行にあたっての確認事項 (docs/tax-rules.md#the-checklist), worded for this app. Renderer and main share the ids: the
 * page sends the ids the user ticked, and main refuses the run (CHECKLIST_INCOMPLETE) unless every
 * id is present, so a changed list can never be skipped by an old screen.
 */

/** One item of the checklist; `id` is stable, `text` is shown next to the checkbox. */
export interface ChecklistItem {
  id: string;
  text: string;
}

export const TAX_UPDATE_CHECKLIST: readonly ChecklistItem[] = [
  { id: 'once-only', text: '自動更新処理は税率改定ごとに一回のみ実行できます。(一回実行すると、その税率改定では再実行できません。)' },
  { id: 'store-closed', text: '自動更新処理中は受付停止が必要です。(画面上部の「受付停止」を押してください。)' },
  {
    id: 'backup-downloaded',
    text: '万一に備え、この画面の「申込データをダウンロード」から定期申込データ(CSV)をダウンロードし、保存しました。',
  },
  {
    id: 'targets',
    text: '更新対象は、継続中の申込情報に含まれる商品の「販売価格(初回)」「販売価格(通常回)」「販売価格(最終回)」「オプション価格」です。',
  },
  {
    id: 'product-tax',
    text: '商品マスタに登録されている税率区分にしたがって、申込情報にある商品の税率区分を変更します。(処理の前に商品の税率区分を更新してください。)',
  },
  { id: 'deleted-products', text: '商品マスタに登録がない(削除済み)商品は、申込情報の商品税率区分のみを参照して自動更新します。' },
  { id: 'all-products', text: '特定の商品を指定することはできません。(条件に合致する全商品が更新されます。)' },
  { id: 'rounding', text: '端数計算は算出設定で指定できますが、1円単位で誤差がでる可能性があります。' },
  { id: 'no-edits', text: '自動更新処理中は商品や定期申込の編集を行わないでください。(価格データが不正な状態になる可能性があります。)' },
  {
    id: 'no-external-updates',
    text: '処理中に商品管理ツールなどで価格を更新しないでください。(価格データが不正な状態になる可能性があります。)',
  },
  { id: 'reopen', text: '処理に時間がかかる場合があります。処理終了後は忘れずに「受付再開」を行ってください。' },
];

export const TAX_UPDATE_CHECKLIST_IDS: readonly string[] = TAX_UPDATE_CHECKLIST.map((c) => c.id);

/** The confirmation the user selects after the checklist (docs/tax-rules.md#the-checklist). */
export const UNDERSTOOD_TEXT = '上記を理解の上、実行します。';

/** Shown when the run finished, with the reminder to reopen (docs/tax-rules.md#the-checklist). */
export const FINISHED_TEXT = '消費税額自動更新処理が終了しました。';

/** Ids of the checklist that are missing from `ticked` (empty = complete). */
export function missingChecklistIds(ticked: readonly string[]): string[] {
  const set = new Set(ticked);
  return TAX_UPDATE_CHECKLIST_IDS.filter((id) => !set.has(id));
}
