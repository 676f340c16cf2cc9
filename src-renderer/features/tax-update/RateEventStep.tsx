/** 1. 税率改定と算出設定: which rate change, and how fractions of a yen are rounded. */
import { ROUNDING_LABELS, ROUNDING_MODES } from '../../../src-shared/domain/rounding';
import { Notice } from '../../components/Notice';
import { formatJstDateTime } from '../../format/datetime';
import { TaxUpdateStep } from './TaxUpdateStep';
import type { TaxUpdateFlow } from './use-tax-update-flow';

export function RateEventStep({ flow }: { flow: TaxUpdateFlow }) {
  const { applied, undone } = flow;
  return (
    <TaxUpdateStep label="算出設定" heading="1. 税率改定と算出設定">
      <div className="toolbar">
        <select aria-label="税率改定" value={flow.eventId} onChange={(e) => flow.chooseEvent(e.target.value)}>
          {(flow.events.data ?? []).map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
              {e.run ? (e.run.restoredAt ? '(復元済み・再実行できます)' : '(実行済み)') : ''}
            </option>
          ))}
        </select>
      </div>
      <p>
        税込で登録されている価格は割り戻した上で新税率をかけて計算します。端数の計算方法を選んでください(税抜の価格も税額の計算に使います)。
      </p>
      <div className="toolbar" role="radiogroup" aria-label="端数の計算方法">
        {ROUNDING_MODES.map((m) => (
          <label key={m}>
            <input type="radio" name="rounding" value={m} checked={flow.rounding === m} onChange={() => flow.chooseRounding(m)} />
            {ROUNDING_LABELS[m]}
          </label>
        ))}
      </div>
      {applied ? (
        <Notice kind="info">
          この税率改定の自動更新は{formatJstDateTime(applied.executedAt)}に実行済みです。自動更新は税率改定ごとに一回のみ実行できます。
        </Notice>
      ) : null}
      {undone?.restoredAt ? (
        <Notice kind="info">
          この税率改定の自動更新は{formatJstDateTime(undone.executedAt)}に実行しましたが、{formatJstDateTime(undone.restoredAt)}
          に実行前の自動バックアップから復元して取り消しました。もう一度実行できます。
        </Notice>
      ) : null}
    </TaxUpdateStep>
  );
}
