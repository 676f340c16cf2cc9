import { TAX_KINDS, taxClassInput, type TaxClass } from '../../../src-shared/masters/tax-class';
import { confirmedColumn, MasterPage, type MasterPageConfig } from './MasterPage';

const config: MasterPageConfig<TaxClass> = {
  prefix: 'taxClasses',
  title: '税区分',
  defaultSort: 'code',
  columns: [
    { key: 'code', header: '税区分コード', width: 140, sortable: true, render: (r) => r.code },
    { key: 'name', header: '税区分名', sortable: true, render: (r) => r.name },
    { key: 'rate', header: '税率', width: 80, align: 'right', sortable: true, render: (r) => `${r.rate}%` },
    { key: 'kind', header: '区分', width: 90, render: (r) => r.kind },
    confirmedColumn(),
  ],
  fields: [
    { name: 'code', label: '税区分コード', type: 'text', required: true },
    { name: 'name', label: '税区分名', type: 'text', required: true },
    { name: 'rate', label: '税率(%)', type: 'number', required: true, hint: '10 / 8 / 0 など' },
    { name: 'kind', label: '区分', type: 'select', required: true, options: TAX_KINDS.map((k) => ({ value: k, label: k })) },
  ],
  schema: taxClassInput,
  empty: { code: '', name: '', rate: 10, kind: '標準' },
  toValues: (r) => ({ code: r.code, name: r.name, rate: r.rate, kind: r.kind }),
};

export function TaxClassPage() {
  return <MasterPage config={config} />;
}
