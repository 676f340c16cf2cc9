/**
 * 初期設定 wizard: 部門 → 倉庫 → 請求口座 → 商品 → EC連携設定 → 認証, or 「デモデータで試す」, which
 * starts the built-in BCart simulator and does every step against it in one go.
 */
import { useState } from 'react';
import { ConnectionSection } from '../ec-settings/ConnectionSection';
import { EcSettingForm } from '../ec-settings/EcSettingForm';
import { DemoSetup } from './DemoSetup';
import { FeeProductsStep } from './FeeProductsStep';
import { BankAccountStep, DepartmentStep, WarehouseStep } from './master-steps';
import { OnboardingPanel } from './OnboardingPanel';
import { SetupStatus, useSetupProgress } from './SetupStatus';

const STEPS = ['部門', '倉庫', '請求口座', '商品', 'EC連携設定', '認証'] as const;
const LAST = STEPS.length - 1;

export function SetupWizard() {
  const [step, setStep] = useState(0);
  const [chosenSettingId, setSettingId] = useState<number | null>(null);
  const progress = useSetupProgress();
  const settingId = chosenSettingId ?? progress.settingId;
  // decided once the books are read: a finished setup opens on its state, the demo folded away
  const [demoOpen, setDemoOpen] = useState<boolean | null>(null);
  if (demoOpen === null && !progress.loading) setDemoOpen(!progress.done);
  const next = () => setStep((s) => Math.min(s + 1, LAST));
  const withSetting = (id: number, to: number) => {
    setSettingId(id);
    setStep(to);
  };
  return (
    <div className="page">
      <h1>初期設定</h1>
      <p>Bカート連携に必要なマスタとEC連携設定を順に登録します。すぐに試す場合は、内蔵のBカートシミュレーターで全ての手順を自動で行えます。</p>
      <SetupStatus progress={progress} onStep={setStep} />
      {/* open at first unless setup is already done; DemoSetup stays mounted so its result stays on screen */}
      <details className="setup-demo" open={demoOpen ?? false} onToggle={(e) => setDemoOpen(e.currentTarget.open)}>
        <summary>デモデータで試す (内蔵のBカートシミュレーター)</summary>
        <DemoSetup onReady={(id) => withSetting(id, LAST)} />
      </details>
      <ol className="wizard-steps" aria-label="手順" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, listStyle: 'none', padding: 0 }}>
        {STEPS.map((s, i) => (
          <li key={s}>
            <button type="button" aria-current={i === step ? 'step' : undefined} className={i === step ? 'primary' : undefined} onClick={() => setStep(i)}>
              {i + 1}. {s}
              {progress.steps[i]?.done ? ' ✓' : ''}
            </button>
          </li>
        ))}
      </ol>
      <section className="master-detail" aria-label={`手順${step + 1}: ${STEPS[step]}`}>
        <h2>
          手順{step + 1}: {STEPS[step]}
        </h2>
        {step === 0 ? <DepartmentStep onDone={next} /> : null}
        {step === 1 ? <WarehouseStep onDone={next} /> : null}
        {step === 2 ? <BankAccountStep onDone={next} /> : null}
        {step === 3 ? <FeeProductsStep onDone={next} /> : null}
        {step === 4 ? <EcSettingForm setting={null} onSaved={(s) => withSetting(s.id, 5)} /> : null}
        {step === 5 ? <ConnectionStep settingId={settingId} /> : null}
      </section>
    </div>
  );
}

/** 手順6: ECサイト認証, then products and 得意先 from BCart. */
function ConnectionStep({ settingId }: { settingId: number | null }) {
  if (settingId === null) return <p className="placeholder">先に手順5でEC連携設定を保存してください。</p>;
  return (
    <div>
      <ConnectionSection settingId={settingId} />
      <OnboardingPanel settingId={settingId} kind="products" />
      <OnboardingPanel settingId={settingId} kind="customers" />
    </div>
  );
}
