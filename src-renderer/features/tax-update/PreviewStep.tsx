/** 2. プレビュー: every price that will change, also as CSV. */
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { CsvEncodingSelect } from '../csv/CsvEncodingSelect';
import { TaxUpdatePreview } from './TaxUpdatePreview';
import { TaxUpdateStep } from './TaxUpdateStep';
import { PREVIEW_PAGE_ROWS, type TaxUpdateFlow } from './use-tax-update-flow';

export function PreviewStep({ flow }: { flow: TaxUpdateFlow }) {
  const { runPreview, previewCsv, preview, turnPage } = flow;
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
      <ErrorNotice error={runPreview.error ?? turnPage.error ?? previewCsv.error} />
      {flow.replanned ? (
        <Notice kind="info">
          プレビューの後に定期申込または商品のデータが変更されたため、プレビューを計算し直しました。件数と合計を確認してください。
        </Notice>
      ) : null}
      {preview ? (
        <TaxUpdatePreview
          preview={preview}
          pageRows={PREVIEW_PAGE_ROWS}
          turning={turnPage.isPending}
          onPage={(offset) => turnPage.mutate(offset)}
        />
      ) : (
        <p className="placeholder">「プレビュー」を押すと、変更される価格がすべて表示されます。</p>
      )}
    </TaxUpdateStep>
  );
}
