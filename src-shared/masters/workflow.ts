/** ワークフロー: stamped on slips; the kind says which slips may use it. */
import { z } from 'zod';
import { codeField, idField, masterRowBase, nameField } from './fields';

export const WORKFLOW_KINDS = ['出荷', '請求', '入荷', '在庫移動'] as const;

export const workflowInput = z
  .object({
    code: codeField('ワークフローコード', 20),
    name: nameField('ワークフロー名', 60),
    kind: z.enum(WORKFLOW_KINDS, { error: '種別は「出荷」「請求」「入荷」「在庫移動」から選んでください。' }),
  })
  .strict();
export type WorkflowInput = z.input<typeof workflowInput>;

export const workflow = z.object({ ...masterRowBase, code: z.string(), name: z.string(), kind: z.enum(WORKFLOW_KINDS) });
export type Workflow = z.infer<typeof workflow>;

export const workflowUpdate = z.object({ id: idField, values: workflowInput }).strict();
