import { WORKFLOW_KINDS, workflowInput } from '../../../src-shared/masters/workflow';
import { choices, codeAttribute, nameAttribute } from './master-attributes';
import { masterPage } from './MasterPage';

/** ワークフロー list and form. */
export const WorkflowPage = masterPage({
  prefix: 'workflows',
  title: 'ワークフロー',
  attributes: [
    codeAttribute('コード', 140),
    nameAttribute('ワークフロー名'),
    { name: 'kind', label: '種別', type: 'select', required: true, options: choices(WORKFLOW_KINDS), column: { width: 100, sortable: true } },
  ],
  schema: workflowInput,
  empty: { code: '', name: '', kind: '出荷' },
});
