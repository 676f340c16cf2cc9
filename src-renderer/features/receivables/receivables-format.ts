/** Display helpers of the 売掛管理 screens (yen from the import helpers; JST dates). */
import { jstDateOf } from '../../../src-shared/domain/jst-date';

export { yen } from '../import/format';

/** Today's JST date. */
export function todayJst(): string {
  return jstDateOf(Date.now());
}

/** The last day of the month before `date` (the usual 末日 closing to run). */
export function previousMonthEnd(date: string): string {
  const first = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  return new Date(first.getTime() - 86_400_000).toISOString().slice(0, 10);
}

export const AGING_HEADERS = [
  { key: 'current', label: '期日前' },
  { key: 'd30', label: '1〜30日' },
  { key: 'd60', label: '31〜60日' },
  { key: 'd90', label: '61〜90日' },
  { key: 'over90', label: '91日以上' },
] as const;

/** Saves bytes the main process produced (PDF / CSV) through a download link. */
export function saveBase64(file: { fileName: string; contentBase64: string }, type: string): void {
  const binary = atob(file.contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the download has started from the click; release the blob afterwards
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
