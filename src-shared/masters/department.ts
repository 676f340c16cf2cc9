/** 部門 department master. */
import { z } from 'zod';
import { codeField, idField, masterRowBase, nameField } from './fields';

export const departmentInput = z
  .object({
    code: codeField('部門コード', 20),
    name: nameField('部門名', 60),
  })
  .strict();
export type DepartmentInput = z.input<typeof departmentInput>;

export const department = z.object({ ...masterRowBase, code: z.string(), name: z.string() });
export type Department = z.infer<typeof department>;

export const departmentUpdate = z.object({ id: idField, values: departmentInput }).strict();
