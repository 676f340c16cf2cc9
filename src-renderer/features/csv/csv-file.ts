/**
 * The renderer's one way to read a chosen CSV file and to save a CSV answered by main. Files cross
 * IPC as base64 (src-shared/csv/csv-file.ts). A file above the size limit is refused before any of
 * it is read; reading uses the browser's own FileReader, so even a large file never holds the window.
 */
import { csvFileTooLargeMessage, MAX_CSV_FILE_BYTES } from '../../../src-shared/csv/csv-limits';
import type { CsvDownload } from '../../../src-shared/csv/csv-file';
import { ApiError } from '../../ipc/api';
import { base64ToBytes, downloadBytes } from './base64';

/** A chosen file, ready for a CSV取込 channel. */
export interface CsvUpload {
  fileName: string;
  contentBase64: string;
}

/**
 * Reads a chosen file as base64.
 * @throws ApiError CSV_TOO_LARGE (nothing read) for a file above the limit; NOT_FOUND when it cannot be read
 */
export async function readCsvFile(file: Blob & { name: string }): Promise<CsvUpload> {
  if (file.size > MAX_CSV_FILE_BYTES) {
    throw new ApiError({ code: 'CSV_TOO_LARGE', message: csvFileTooLargeMessage(file.size, file.name), retryable: false });
  }
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () =>
      reject(new ApiError({ code: 'NOT_FOUND', message: `ファイル「${file.name}」を読めませんでした。ファイルがあるか確認して、もう一度選んでください。`, retryable: true }));
    reader.readAsDataURL(file);
  });
  // "data:text/csv;base64,xxxx"
  return { fileName: file.name, contentBase64: dataUrl.slice(dataUrl.indexOf(',') + 1) };
}

/** Saves a CSV answered by main. */
export function saveCsv(file: CsvDownload): void {
  downloadBytes(base64ToBytes(file.contentBase64), file.fileName);
}
