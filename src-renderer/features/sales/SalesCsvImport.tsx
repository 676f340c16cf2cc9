/** 売上伝票のCSV取込: the file's slips all or nothing, problems listed by row and column. */
import { useState } from 'react';
import { SALES_CSV_COLUMNS, SALES_CSV_RULE } from '../../../src-shared/sales/sales-csv';
import { formatCount } from '../../format/number';
import { api } from '../../ipc/api';
import { CsvImportButton } from '../csv/CsvImportButton';
import { CsvOutcome } from '../csv/CsvOutcome';
import { useCsvImport } from '../csv/use-csv-import';

export function SalesCsvImport() {
  const [notice, setNotice] = useState<string | null>(null);
  const importer = useCsvImport({
    send: (upload) => api().sales.importCsv(upload),
    onStart: () => setNotice(null),
    changes: ['sales', 'slips'],
    onSuccess: (r) =>
      setNotice(
        `売上伝票 ${formatCount(r.slips)}件 (明細 ${formatCount(r.lines)}行) を取り込みました。うち ${formatCount(r.confirmed)}件を確定しました。${r.warnings.length > 0 ? ` 注意: ${r.warnings.join(' ')}` : ''}`,
      ),
  });
  return (
    <div className="csv-toolbar">
      <div className="toolbar">
        <CsvImportButton label="売上伝票" importer={importer} />
        <details className="csv-rule">
          <summary>CSV取込のルール</summary>
          <p>列: {SALES_CSV_COLUMNS.join('、')}</p>
          <p>{SALES_CSV_RULE}</p>
        </details>
      </div>
      <CsvOutcome notice={notice} error={importer.error} />
    </div>
  );
}
