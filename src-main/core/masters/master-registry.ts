/** The master tables wired to the generic repository: labels, search and sort columns, unique keys. */
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { Department } from '../../../src-shared/masters/department';
import type { TaxClass } from '../../../src-shared/masters/tax-class';
import type { Workflow } from '../../../src-shared/masters/workflow';
import { departments, taxClasses, workflows } from '../db/schema';
import { createMasterRepository, type MasterRepository } from './master-repository';

type Db = BetterSQLite3Database<Record<string, unknown>>;
type Values<R> = Omit<R, 'id' | 'confirmed' | 'createdAt' | 'updatedAt'>;

export interface MasterRepositories {
  departments: MasterRepository<Department, Values<Department>>;
  taxClasses: MasterRepository<TaxClass, Values<TaxClass>>;
  workflows: MasterRepository<Workflow, Values<Workflow>>;
}

export function createMasterRepositories(db: Db, now: () => string): MasterRepositories {
  return {
    departments: createMasterRepository(
      db,
      {
        label: '部門',
        table: departments,
        searchColumns: [departments.code, departments.name],
        sortColumns: { code: departments.code, name: departments.name, updatedAt: departments.updatedAt },
        defaultSort: 'code',
        uniqueFields: { 'departments.code': { path: 'code', message: 'この部門コードはすでに使われています。別のコードを入力してください。' } },
      },
      now,
    ),
    taxClasses: createMasterRepository(
      db,
      {
        label: '税区分',
        table: taxClasses,
        searchColumns: [taxClasses.code, taxClasses.name],
        sortColumns: { code: taxClasses.code, name: taxClasses.name, rate: taxClasses.rate },
        defaultSort: 'code',
        uniqueFields: { 'tax_classes.code': { path: 'code', message: 'この税区分コードはすでに使われています。別のコードを入力してください。' } },
      },
      now,
    ),
    workflows: createMasterRepository(
      db,
      {
        label: 'ワークフロー',
        table: workflows,
        searchColumns: [workflows.code, workflows.name],
        sortColumns: { code: workflows.code, name: workflows.name, kind: workflows.kind },
        defaultSort: 'code',
        uniqueFields: { 'workflows.code': { path: 'code', message: 'このワークフローコードはすでに使われています。別のコードを入力してください。' } },
      },
      now,
    ),
  };
}
