import { WORKFLOW_KINDS, workflowInput, type Workflow } from '../../../src-shared/masters/workflow';
import { confirmedColumn, MasterPage, type MasterPageConfig } from './MasterPage';

const config: MasterPageConfig<Workflow> = {
  prefix: 'workflows',
  title: 'ワークフロー',
  defaultSort: 'code',
  columns: [
    { key: 'code', header: 'コード', width: 140, sortable: true, render: (r) => r.code },
    { key: 'name', header: 'ワークフロー名', sortable: true, render: (r) => r.name },
    { key: 'kind', header: '種別', width: 100, sortable: true, render: (r) => r.kind },
    confirmedColumn(),
  ],
  fields: [
    { name: 'code', label: 'コード', type: 'text', required: true },
    { name: 'name', label: 'ワークフロー名', type: 'text', required: true },
    { name: 'kind', label: '種別', type: 'select', required: true, options: WORKFLOW_KINDS.map((k) => ({ value: k, label: k })) },
  ],
  schema: workflowInput,
  empty: { code: '', name: '', kind: '出荷' },
  toValues: (r) => ({ code: r.code, name: r.name, kind: r.kind }),
};

export function WorkflowPage() {
  return <MasterPage config={config} />;
}
