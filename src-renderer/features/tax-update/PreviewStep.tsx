/** 2. プレビュー: every price that will change, also as CSV. */
import { ErrorNotice } from '../../components/ErrorNotice';
import { CsvEncodingSelect } from '../csv/CsvEncodingSelect';
import { TaxUpdatePreview } from './TaxUpdatePreview';
import { TaxUpdateStep } from './TaxUpdateStep';
import type { TaxUpdateFlow } from './use-tax-update-flow';

export function PreviewStep({ flow }: { flow: TaxUpdateFlow }) {
  const { runPreview, previewCsv, preview } = flow;
  return (
    <TaxUpdateStep label="プレビュー" heading="2. プレビュー">
      <div className="toolbar">
        <button type="button" disabled={runPreview.isPending} onClick={() => runPreview.mutate()}>
          {runPreview.isPending ? '計算中…' : 'プレビュー'}
        </button>
        <CsvEncodingSelect value={flow.encoding} onChange={flow.setEncoding} />
        <button type="button" disabled={preview === null || previewCsv.isPending} onClick={() => previewCsv.mutate()}>
          プレビューをCSV出力
        </button>
      </div>
      <ErrorNotice error={runPreview.error ?? previewCsv.error} />
      {preview ? <TaxUpdatePreview preview={preview} /> : <p className="placeholder">「プレビュー」を押すと、変更される価格がすべて表示されます。</p>}
    </TaxUpdateStep>
  );
}
