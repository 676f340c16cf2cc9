/** 5. 処理を実行する: only in 受付停止 and after every step; progress while it runs, then the counts and the reminder to 受付再開. */
import { FINISHED_TEXT } from '../../../src-shared/tax-update/checklist';
import { TAX_UPDATE_PHASE_LABELS } from '../../../src-shared/tax-update/tax-update-events';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { formatCount } from '../../format/number';
import { useNavigation } from '../../stores/navigation';
import { TaxUpdateStep } from './TaxUpdateStep';
import type { TaxUpdateFlow } from './use-tax-update-flow';

export function ApplyStep({ flow }: { flow: TaxUpdateFlow }) {
  const go = useNavigation((s) => s.go);
  const { apply, phase } = flow;
  return (
    <TaxUpdateStep label="処理の実行" heading="5. 処理を実行する">
      {flow.closed !== true ? <p className="field-error">受付停止中でないと実行できません。上の「受付停止」を押してください。</p> : null}
      {flow.preview === null ? <p className="field-hint">先にプレビューで変更内容を確認してください。</p> : null}
      <button type="button" className="primary" disabled={!flow.canRun} onClick={() => apply.mutate()}>
        処理を実行する
      </button>
      {apply.isPending ? (
        <Notice kind="info">
          処理中です{phase === 'backup' || phase === 'updating' ? `(${TAX_UPDATE_PHASE_LABELS[phase]})` : ''}
          。「消費税額自動更新処理が終了しました。」と表示されるまで、しばらくお待ちください。
        </Notice>
      ) : null}
      <ErrorNotice error={apply.error} />
      {apply.data ? (
        <Notice kind="success" title={FINISHED_TEXT}>
          <p>
            対象 {formatCount(apply.data.targets)}件、更新した申込 {formatCount(apply.data.changedApplications)}件、更新した価格{' '}
            {formatCount(apply.data.changedPrices)}
            件。価格が変更されていますので確認してください。
          </p>
          <p>処理が終了しました。忘れずに「受付再開」を押してください。</p>
          <button type="button" onClick={() => go('tax-update-history')}>
            処理履歴を見る
          </button>
        </Notice>
      ) : null}
    </TaxUpdateStep>
  );
}
