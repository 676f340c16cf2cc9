import { TAX_KINDS, taxClassInput } from '../../../src-shared/masters/tax-class';
import { choices, codeAttribute, nameAttribute } from './master-attributes';
import { masterPage } from './MasterPage';

/** 税区分 list and form. */
export const TaxClassPage = masterPage({
  prefix: 'taxClasses',
  title: '税区分',
  attributes: [
    codeAttribute('税区分コード', 140),
    nameAttribute('税区分名'),
    { name: 'rate', label: '税率(%)', type: 'number', required: true, hint: '10 / 8 / 0 など', column: { header: '税率', width: 80, align: 'right', sortable: true, render: (r) => `${r.rate}%` } },
    { name: 'kind', label: '区分', type: 'select', required: true, options: choices(TAX_KINDS), column: { width: 90 } },
  ],
  schema: taxClassInput,
  empty: { code: '', name: '', rate: 10, kind: '標準' },
});
