/** Master channels: `<master>:list|get|create|update|confirm|unconfirm`. */
import { department, departmentInput } from '../../masters/department';
import { taxClass, taxClassInput } from '../../masters/tax-class';
import { workflow, workflowInput } from '../../masters/workflow';
import { masterChannels } from '../master-channels';

export const masterChannelDefs = {
  ...masterChannels('departments', department, departmentInput),
  ...masterChannels('taxClasses', taxClass, taxClassInput),
  ...masterChannels('workflows', workflow, workflowInput),
};
