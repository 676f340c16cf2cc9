/**
 * 消費税自動更新 (docs/tax-rules.md#re-rating-in-the-tax-update): 税率改定 and 算出設定 → プレビュー
 * (CSV出力) → 申込データのダウンロード (required) → 確認事項 one by one → 「上記を理解の上、実行します。」
 * → 処理を実行する (only in 受付停止) → 「消費税額自動更新処理が終了しました。」 with the reminder to 受付再開.
 */
import { StoreModeButtons } from '../store-mode/StoreModeButtons';
import { ApplyStep } from './ApplyStep';
import { BackupStep } from './BackupStep';
import { PreviewStep } from './PreviewStep';
import { RateEventStep } from './RateEventStep';
import { TaxUpdateChecklist } from './TaxUpdateChecklist';
import { TaxUpdateStep } from './TaxUpdateStep';
import { useTaxUpdateFlow } from './use-tax-update-flow';
import './tax-update.css';

export function TaxUpdatePage() {
  const flow = useTaxUpdateFlow();
  return (
    <div className="page">
      <h2>定期申込商品 消費税自動更新</h2>
      <StoreModeButtons />
      <div className="tu-steps">
        <RateEventStep flow={flow} />
        <PreviewStep flow={flow} />
        <BackupStep flow={flow} />
        <TaxUpdateStep label="確認事項" heading="4. 実行にあたっての確認事項">
          <TaxUpdateChecklist
            checked={flow.checked}
            onToggle={flow.toggleChecked}
            understood={flow.understood}
            onUnderstood={flow.setUnderstood}
            backupDownloaded={flow.downloaded !== null}
            storeClosed={flow.closed === true}
            disabled={flow.applied !== null || flow.apply.isSuccess}
          />
        </TaxUpdateStep>
        <ApplyStep flow={flow} />
      </div>
    </div>
  );
}
