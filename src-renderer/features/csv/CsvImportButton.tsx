/**
 * CSV取込 button of every screen: a hidden file input, the button, and while a file is being read
 * its progress and 中止. Once main writes (one transaction) the line says so and 中止 goes away.
 */
import { formatCount } from '../../format/number';
import { useRef } from 'react';
import { CSV_IMPORT_PHASE_LABELS } from '../../../src-shared/csv/csv-job';
import type { CsvImport } from './use-csv-import';

export interface CsvImportButtonProps {
  /** what is imported, for the file input's name (「商品のCSVファイルを選ぶ」) */
  label: string;
  importer: CsvImport;
  disabled?: boolean;
  title?: string;
}

export function CsvImportButton({ label, importer, disabled = false, title }: CsvImportButtonProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  const { progress } = importer;
  return (
    <>
      <input
        ref={fileRef}
        type="file"
        accept=".csv,text/csv"
        aria-label={`${label}のCSVファイルを選ぶ`}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) importer.importFile(file);
        }}
      />
      <button type="button" disabled={disabled || importer.pending} title={title} onClick={() => fileRef.current?.click()}>
        {importer.pending ? '取込中…' : 'CSV取込'}
      </button>
      {importer.pending && progress ? (
        <span className="csv-progress">
          <progress aria-label="CSV取込の進み具合" max={Math.max(progress.bytesTotal, 1)} value={progress.bytesRead} />
          <span>
            {CSV_IMPORT_PHASE_LABELS[progress.phase]}({formatCount(progress.rows)}行)
          </span>
          {progress.phase === 'reading' ? (
            <button type="button" onClick={importer.cancel}>
              中止
            </button>
          ) : null}
        </span>
      ) : null}
    </>
  );
}
