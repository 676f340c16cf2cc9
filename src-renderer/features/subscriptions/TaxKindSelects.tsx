/** 税込区分 and 税率区分 selects of a 定期申込 item or option (the same choices for both). */
import type { UseFormRegisterReturn } from 'react-hook-form';

type Choices = readonly (readonly [value: string, label: string])[];

const TAX_INCLUDED: Choices = [
  ['true', '税込'],
  ['false', '税抜'],
];
const TAX_RATE_TYPES: Choices = [
  ['標準', '標準'],
  ['軽減', '軽減'],
];

function ChoiceSelect({ label, field, choices }: { label: string; field: UseFormRegisterReturn; choices: Choices }) {
  return (
    <select aria-label={label} {...field}>
      {choices.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </select>
  );
}

export const TaxIncludedSelect = (p: { label: string; field: UseFormRegisterReturn }) => <ChoiceSelect {...p} choices={TAX_INCLUDED} />;
export const TaxRateTypeSelect = (p: { label: string; field: UseFormRegisterReturn }) => <ChoiceSelect {...p} choices={TAX_RATE_TYPES} />;
