/**
 * システム設定 › 自社情報: the issuer of every 請求書 (会社名, 住所, 電話, 登録番号) and the 請求口座
 * printed as 振込先. Main validates the 登録番号's check digit; problems show beside their field.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Company } from '../../../src-shared/company/company';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { api, ApiError, unwrap } from '../../ipc/api';
import { masterQueries } from '../../queries/masters';
import { companyQueries } from '../../queries/receivables';

type TextField = 'name' | 'postalCode' | 'address1' | 'address2' | 'phone' | 'registrationNumber';

const FIELDS: { name: TextField; label: string; required?: boolean; hint?: string }[] = [
  { name: 'name', label: '会社名', required: true },
  { name: 'postalCode', label: '郵便番号', hint: '例: 150-0002' },
  { name: 'address1', label: '住所1' },
  { name: 'address2', label: '住所2', hint: '建物名など' },
  { name: 'phone', label: '電話番号' },
  { name: 'registrationNumber', label: '登録番号', hint: '適格請求書発行事業者登録番号(T+13桁)。空欄のときは適格請求書ではない請求書になります' },
];

export function CompanyPage() {
  const company = useQuery(companyQueries.detail());
  return (
    <div className="page">
      <h1>自社情報</h1>
      <p className="field-hint">請求書の発行元として印刷されます。</p>
      <ErrorNotice error={company.error} />
      {/* mounted once with the loaded values: a refetch after 保存 must not reset the form or its notice */}
      {company.data ? <CompanyForm company={company.data} /> : <p className="placeholder">読み込み中…</p>}
    </div>
  );
}

function CompanyForm({ company }: { company: Company }) {
  const accounts = useQuery(masterQueries('bankAccounts').options(500));
  const [values, setValues] = useState<Record<TextField, string>>({
    name: company.name,
    postalCode: company.postalCode ?? '',
    address1: company.address1 ?? '',
    address2: company.address2 ?? '',
    phone: company.phone ?? '',
    registrationNumber: company.registrationNumber ?? '',
  });
  const [bankIds, setBankIds] = useState<number[]>(company.bankAccounts.map((b) => b.id));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => unwrap(api().company.save({ ...values, bankAccountIds: bankIds })),
    onMutate: () => setSaved(false),
    meta: { changes: ['company'] },
    onSuccess: () => setSaved(true),
  });
  const fieldErrors = new Map((save.error instanceof ApiError ? (save.error.data.fields ?? []) : []).map((f) => [f.path, f.message]));

  return (
    <form
      className="master-detail company-form"
      aria-label="自社情報"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <ErrorNotice error={save.error} />
      {saved ? (
        <Notice kind="success">
          自社情報を保存しました。{values.registrationNumber.trim() === '' ? '登録番号がないため、請求書は適格請求書になりません。' : ''}
        </Notice>
      ) : null}
      <fieldset disabled={save.isPending}>
        {FIELDS.map((f) => (
          <FormField key={f.name} id={`company-${f.name}`} label={f.label} required={f.required} hint={f.hint} error={fieldErrors.get(f.name)}>
            <input
              id={`company-${f.name}`}
              type="text"
              autoComplete="off"
              aria-invalid={fieldErrors.has(f.name) ? true : undefined}
              value={values[f.name]}
              onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
            />
          </FormField>
        ))}
        <FormField id="company-banks" label="振込先" hint="請求口座マスタから、請求書に印刷する口座を選びます(5つまで)" error={fieldErrors.get('bankAccountIds')}>
          <div id="company-banks" role="group" aria-label="振込先" className="checkbox-list">
            {(accounts.data?.rows ?? []).map((a) => (
              <label key={a.id}>
                <input
                  type="checkbox"
                  checked={bankIds.includes(a.id)}
                  onChange={(e) => setBankIds((ids) => (e.target.checked ? [...ids, a.id] : ids.filter((x) => x !== a.id)))}
                />
                {`${a.bankName} ${a.branchName} ${a.accountType} ${a.accountNumber} ${a.holder}`}
              </label>
            ))}
            {accounts.data?.rows.length === 0 ? <span className="field-hint">請求口座マスタに口座がありません。</span> : null}
          </div>
        </FormField>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? '保存中…' : '保存'}
        </button>
      </div>
    </form>
  );
}
