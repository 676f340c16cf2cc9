/**
 * Bounds of every CSV the app reads, so a wrong or hostile file can neither exhaust memory nor
 * hold the window: the renderer refuses a larger file before reading it, main refuses it again
 * (CLI, harness), and the parser stops at an over-long row or too many columns.
 */

/** Largest CSV file read (bytes). The 100,000-row 商品 file is about 10 MB. */
export const MAX_CSV_FILE_BYTES = 75_000_000;

/** The base64 text of the largest file, as it crosses IPC. */
export const MAX_CSV_BASE64_CHARS = Math.ceil(MAX_CSV_FILE_BYTES / 3) * 4;

/** Characters of one row (all its cells together). */
export const MAX_CSV_ROW_CHARS = 100_000;

/** Columns of one row. A full 商品 export of another tool has a few hundred at most. */
export const MAX_CSV_COLUMNS = 1_000;

/** 80,500,000 → "80.5MB", 2,048 → "2.0KB" (decimal units, as file managers show them). */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)}MB`;
  if (bytes >= 1_000) return `${(bytes / 1_000).toFixed(1)}KB`;
  return `${bytes}バイト`;
}

/** The message of a file above MAX_CSV_FILE_BYTES: its size, the limit and what to do. */
export function csvFileTooLargeMessage(size: number, fileName?: string): string {
  const what = fileName === undefined ? 'CSVファイル' : `ファイル「${fileName}」`;
  return `${what}は${formatFileSize(size)}あり、取り込める大きさ(${formatFileSize(MAX_CSV_FILE_BYTES)}まで)を超えています。ファイルを読み込まずに中止しました。行を分けて複数のファイルにしてから取り込んでください。`;
}
