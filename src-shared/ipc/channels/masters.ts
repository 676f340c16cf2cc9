/** Master channels: `<master>:list|get|create|update|confirm|unconfirm`. */
import { z } from 'zod';
import { bankAccount, bankAccountInput } from '../../masters/bank-account';
import { department, departmentInput } from '../../masters/department';
import { masterListInput } from '../../masters/fields';
import { partner, partnerInput, PARTNER_KINDS } from '../../masters/partner';
import { product, productInput } from '../../masters/product';
import { taxClass, taxClassInput } from '../../masters/tax-class';
import { workflow, workflowInput } from '../../masters/workflow';
import { channel } from '../define';
import { masterChannels } from '../master-channels';

/** The generic list query plus a 取引先種別 filter (e.g. only 倉庫 for 連携倉庫). */
export const partnerListByKindInput = masterListInput.extend({ kind: z.enum(PARTNER_KINDS) }).strict();

export const masterChannelDefs = {
  ...masterChannels('departments', department, departmentInput),
  ...masterChannels('taxClasses', taxClass, taxClassInput),
  ...masterChannels('workflows', workflow, workflowInput),
  ...masterChannels('partners', partner, partnerInput),
  ...masterChannels('products', product, productInput),
  ...masterChannels('bankAccounts', bankAccount, bankAccountInput),
  /** 取引先 of one kind (得意先 / 仕入先 / 納入先 / 倉庫), same search/sort as `partners:list` */
  'partners:listByKind': channel(partnerListByKindInput, z.object({ rows: z.array(partner), total: z.number().int() })),
};
