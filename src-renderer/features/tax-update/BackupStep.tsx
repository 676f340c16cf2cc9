/** 3. 申込データのバックアップ: the applications the update targets, downloaded as CSV (required before the run). */
import { ErrorNotice } from '../../components/ErrorNotice';
import { TaxUpdateStep } from './TaxUpdateStep';
import type { TaxUpdateFlow } from './use-tax-update-flow';

export function BackupStep({ flow }: { flow: TaxUpdateFlow }) {
  const { backup, downloaded } = flow;
  return (
    <TaxUpdateStep label="バックアップ" heading="3. 申込データのバックアップ">
      <p>
        万一に備え、更新対象の定期申込データをCSVでダウンロードして保存してください(実行の前に必須です)。実行の直前にはデータベース全体の自動バックアップも取ります。
      </p>
      <div className="toolbar">
        <button type="button" disabled={backup.isPending} onClick={() => backup.mutate()}>
          申込データをダウンロード
        </button>
        {downloaded ? (
          <span className="badge badge-ok">ダウンロード済み: {downloaded}</span>
        ) : (
          <span className="badge badge-draft">未ダウンロード</span>
        )}
      </div>
      <ErrorNotice error={backup.error} />
    </TaxUpdateStep>
  );
}
