/** 税込区分 and 税率区分 selects of a 定期申込 item or option (same choices for both). */
import type { UseFormRegisterReturn } from 'react-hook-form';

export function TaxIncludedSelect({ label, field }: { label: string; field: UseFormRegisterReturn }) {
  return (
    <select aria-label={label} {...field}>
      <option value="true">税込</option>
      <option value="false">税抜</option>
    </select>
  );
}

export function TaxRateTypeSelect({ label, field }: { label: string; field: UseFormRegisterReturn }) {
  return (
    <select aria-label={label} {...field}>
      <option value="標準">標準</option>
      <option value="軽減">軽減</option>
    </select>
  );
}
