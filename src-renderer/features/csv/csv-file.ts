/** File ⇄ base64 helpers of the 定期申込 screens (bytes cross IPC as base64, saved via a Blob). */
import { base64ToBytes, bytesToBase64, downloadBytes } from './base64';

/** Reads a chosen file as base64. */
export async function fileToBase64(file: File): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

/** Saves a CSV answered by main ({fileName, contentBase64}). */
export function saveCsv(file: { fileName: string; contentBase64: string }): void {
  downloadBytes(base64ToBytes(file.contentBase64), file.fileName);
}

export const ENCODING_OPTIONS = [
  { value: 'utf-8', label: 'UTF-8(BOM付き)' },
  { value: 'cp932', label: 'Shift_JIS(Excel向け)' },
] as const;
export type CsvEncodingChoice = (typeof ENCODING_OPTIONS)[number]['value'];
