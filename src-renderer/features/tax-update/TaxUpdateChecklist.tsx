/**
 * The 確認事項 (docs/tax-rules.md#the-checklist), ticked one by one (ids shared with main, which refuses an incomplete list),
 * then 「上記を理解の上、実行します。」. The backup item can only be ticked after the download.
 */
import { TAX_UPDATE_CHECKLIST, UNDERSTOOD_TEXT } from '../../../src-shared/tax-update/checklist';

export interface ChecklistProps {
  checked: ReadonlySet<string>;
  onToggle: (id: string) => void;
  understood: boolean;
  onUnderstood: (v: boolean) => void;
  backupDownloaded: boolean;
  disabled: boolean;
}

export function TaxUpdateChecklist(p: ChecklistProps) {
  return (
    <div aria-label="実行にあたっての確認事項">
      <p>一度処理を行うと、その税率改定では再実行できません。下記を一つずつ確認してチェックしてください。</p>
      <ul className="tu-checklist">
        {TAX_UPDATE_CHECKLIST.map((c) => {
          const locked = p.disabled || (c.id === 'backup-downloaded' && !p.backupDownloaded);
          return (
            <li key={c.id}>
              <label>
                <input type="checkbox" checked={p.checked.has(c.id)} disabled={locked} onChange={() => p.onToggle(c.id)} />
                <span>{c.text}</span>
              </label>
              {c.id === 'backup-downloaded' && !p.backupDownloaded ? (
                <div className="field-hint">先に「申込データをダウンロード」を押してください。</div>
              ) : null}
            </li>
          );
        })}
      </ul>
      <label className="tu-understood">
        <input type="checkbox" checked={p.understood} disabled={p.disabled} onChange={(e) => p.onUnderstood(e.target.checked)} />
        {UNDERSTOOD_TEXT}
      </label>
    </div>
  );
}
