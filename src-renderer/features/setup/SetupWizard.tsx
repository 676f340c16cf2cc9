/**
 * 初期設定 wizard: 部門 → 倉庫 → 請求口座 → 商品 → EC連携設定 → 認証, or 「デモデータで試す」, which
 * starts the built-in BCart simulator and does every step against it in one go.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { api, unwrap } from '../../ipc/api';
import { useNavigation } from '../../stores/navigation';
import { ConnectionSection } from '../ec-settings/ConnectionSection';
import { EcSettingForm } from '../ec-settings/EcSettingForm';
import { OnboardingPanel } from './OnboardingPanel';
import { QuickMasterStep } from './QuickMasterStep';

const STEPS = ['部門', '倉庫', '請求口座', '商品', 'EC連携設定', '認証'] as const;

export function SetupWizard() {
  const qc = useQueryClient();
  const { go } = useNavigation();
  const [step, setStep] = useState(0);
  const [settingId, setSettingId] = useState<number | null>(null);
  const next = () => setStep((s) => Math.min(s + 1, STEPS.length - 1));
  const taxes = useQuery({ queryKey: ['taxClasses', 'options'], queryFn: () => unwrap(api().taxClasses.list({ limit: 200 })) });
  const demo = useMutation({
    mutationFn: () => unwrap(api().demo.start({})),
    onSuccess: (r) => {
      void qc.invalidateQueries();
      setSettingId(r.settingId);
      setStep(STEPS.length - 1);
    },
  });
  const feeProducts = useMutation({
    mutationFn: async () => {
      const tax = taxes.data?.rows.find((t) => t.kind === '標準' && t.rate === 10 && t.confirmed)?.id ?? null;
      for (const [code, name] of [
        ['SHIPPING-FEE', '送料・手数料'],
        ['DISCOUNT-POINT', '値引・ポイント'],
      ] as const) {
        const row = await unwrap(
          api().products.create({ code, variationH: '', variationV: '', skuCode: null, name, unitQuantity: 1, inventoryTracked: false, taxClassId: tax, unitPrice: 0, janCode: null }),
        );
        await unwrap(api().products.confirm({ id: row.id }));
      }
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['products'] });
      next();
    },
  });

  return (
    <div className="page">
      <h1>初期設定</h1>
      <p>Bカート連携に必要なマスタとEC連携設定を順に登録します。すぐに試す場合は、内蔵のBカートシミュレーターで全ての手順を自動で行えます。</p>
      <div className="notice notice-info">
        <strong>デモデータで試す</strong>
        <p>内蔵シミュレーター (このPC内だけで動く架空のBカート) に接続し、部門・倉庫・請求口座・商品・得意先・EC連携設定を作成します。</p>
        <button type="button" className="primary" disabled={demo.isPending} onClick={() => demo.mutate()}>
          {demo.isPending ? '準備中…' : 'デモデータで試す'}
        </button>
      </div>
      <ErrorNotice error={demo.error} />
      {demo.data ? (
        <div className="notice notice-ok" role="status" aria-label="デモの結果">
          <strong>デモの準備ができました</strong>
          <p>
            {Object.entries(demo.data.created)
              .map(([k, v]) => `${k} ${v.length}件`)
              .join('、')}
            を作成しました。
          </p>
          <button type="button" onClick={() => go('ec-settings', String(demo.data.settingId))}>
            EC連携設定を開く
          </button>
        </div>
      ) : null}
      <ol className="wizard-steps" aria-label="手順" style={{ display: 'flex', gap: 12, listStyle: 'none', padding: 0 }}>
        {STEPS.map((s, i) => (
          <li key={s}>
            <button type="button" aria-current={i === step ? 'step' : undefined} className={i === step ? 'primary' : undefined} onClick={() => setStep(i)}>
              {i + 1}. {s}
            </button>
          </li>
        ))}
      </ol>
      <section className="master-detail" aria-label={`手順${step + 1}: ${STEPS[step]}`}>
        <h2>
          手順{step + 1}: {STEPS[step]}
        </h2>
        {step === 0 ? <QuickMasterStep prefix="departments" title="部門の登録" fields={[{ name: 'code', label: '部門コード', initial: 'EC' }, { name: 'name', label: '部門名', initial: 'EC事業部' }]} onDone={next} /> : null}
        {step === 1 ? (
          <QuickMasterStep
            prefix="partners"
            title="倉庫の登録"
            fields={[{ name: 'code', label: '取引先コード', initial: 'WH-EC' }, { name: 'name', label: '倉庫名', initial: 'Bカート連携倉庫' }]}
            fixed={{ kind: '倉庫', billingType: null, closingDay: null, taxDisplay: null }}
            onDone={next}
          />
        ) : null}
        {step === 2 ? (
          <QuickMasterStep
            prefix="bankAccounts"
            title="請求口座の登録"
            fields={[
              { name: 'code', label: '口座コード', initial: 'BANK-01' },
              { name: 'bankName', label: '銀行名', initial: '' },
              { name: 'branchName', label: '支店名', initial: '' },
              { name: 'accountType', label: '口座種別', initial: '普通', options: ['普通', '当座', '貯蓄'] },
              { name: 'accountNumber', label: '口座番号', initial: '' },
              { name: 'holder', label: '口座名義', initial: '' },
            ]}
            onDone={next}
          />
        ) : null}
        {step === 3 ? (
          <div>
            <p>Bカートの送料・手数料と値引・ポイントを計上する商品 (棚卸対象外) を作成します。販売商品は手順6でBカートから登録できます。</p>
            <ErrorNotice error={feeProducts.error} />
            <div className="form-actions">
              <button type="button" className="primary" disabled={feeProducts.isPending} onClick={() => feeProducts.mutate()}>
                送料・手数料と値引・ポイントの商品を作成
              </button>
              <button type="button" onClick={next}>
                作成済みなので次へ
              </button>
            </div>
          </div>
        ) : null}
        {step === 4 ? (
          <EcSettingForm
            setting={null}
            onSaved={(s) => {
              setSettingId(s.id);
              next();
            }}
          />
        ) : null}
        {step === 5 ? (
          settingId === null ? (
            <p className="placeholder">先に手順5でEC連携設定を保存してください。</p>
          ) : (
            <div>
              <ConnectionSection settingId={settingId} />
              <OnboardingPanel settingId={settingId} kind="products" />
              <OnboardingPanel settingId={settingId} kind="customers" />
            </div>
          )
        ) : null}
      </section>
    </div>
  );
}
