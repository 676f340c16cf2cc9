import { departmentInput, type Department } from '../../../src-shared/masters/department';
import { confirmedColumn, MasterPage, type MasterPageConfig } from './MasterPage';

const config: MasterPageConfig<Department> = {
  prefix: 'departments',
  title: '部門',
  defaultSort: 'code',
  columns: [
    { key: 'code', header: '部門コード', width: 160, sortable: true, render: (r) => r.code },
    { key: 'name', header: '部門名', sortable: true, render: (r) => r.name },
    confirmedColumn(),
  ],
  fields: [
    { name: 'code', label: '部門コード', type: 'text', required: true, hint: '半角英数字(例: D001)' },
    { name: 'name', label: '部門名', type: 'text', required: true },
  ],
  schema: departmentInput,
  empty: { code: '', name: '' },
  toValues: (r) => ({ code: r.code, name: r.name }),
};

export function DepartmentPage() {
  return <MasterPage config={config} />;
}
