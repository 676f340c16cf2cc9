/** Helpers of the 売掛管理 screens: JST dates, the aging headings and saving a PDF main produced. */
import { addDays, jstDateOf } from '../../../src-shared/domain/jst-date';
import { base64ToBytes, downloadBytes } from '../csv/base64';

/** Today's JST date. */
export function todayJst(): string {
  return jstDateOf(Date.now());
}

/** The last day of the month before `date` (the usual 末日 closing to run). */
export function previousMonthEnd(date: string): string {
  return addDays(`${date.slice(0, 7)}-01`, -1);
}

export const AGING_HEADERS = [
  { key: 'current', label: '期日前' },
  { key: 'd30', label: '1〜30日' },
  { key: 'd60', label: '31〜60日' },
  { key: 'd90', label: '61〜90日' },
  { key: 'over90', label: '91日以上' },
] as const;

/** Saves a PDF main produced (請求書) through a download. */
export function savePdf(file: { fileName: string; contentBase64: string }): void {
  downloadBytes(base64ToBytes(file.contentBase64), file.fileName, 'application/pdf');
}
