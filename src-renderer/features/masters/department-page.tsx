import { departmentInput } from '../../../src-shared/masters/department';
import { codeAttribute, nameAttribute } from './master-attributes';
import { masterPage } from './MasterPage';

/** 部門 list and form. */
export const DepartmentPage = masterPage({
  prefix: 'departments',
  title: '部門',
  attributes: [codeAttribute('部門コード', 160, '半角英数字(例: D001)'), nameAttribute('部門名')],
  schema: departmentInput,
  empty: { code: '', name: '' },
});
