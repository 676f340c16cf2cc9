/**
 * Which masters have CSV import/export, their Japanese names, and the import rule the UI states.
 * Shared by the contract, main's CSV module and the renderer's import/export buttons.
 */
export const CSV_MASTERS = ['departments', 'taxClasses', 'workflows', 'partners', 'products', 'bankAccounts'] as const;
export type CsvMaster = (typeof CSV_MASTERS)[number];

export const CSV_MASTER_LABELS: Record<CsvMaster, string> = {
  departments: '部門',
  taxClasses: '税区分',
  workflows: 'ワークフロー',
  partners: '取引先',
  products: '商品',
  bankAccounts: '請求口座',
};

/** The rule of an import, shown beside the button so nobody is surprised. */
export const CSV_IMPORT_RULE =
  'ファイル全体を確認してから取り込みます。1行でも誤りがあれば何も登録されません。' +
  'コードが既にあるデータは上書き更新します(確定済みのデータは、内容が同じ行を除き更新できないため、先に確定取消してください)。' +
  '新しいコードは未確定で登録されます。';
