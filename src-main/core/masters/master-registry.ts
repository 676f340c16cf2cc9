/** The master tables wired to the generic repository: labels, search and sort columns, unique keys. */
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BankAccount } from '../../../src-shared/masters/bank-account';
import type { Department } from '../../../src-shared/masters/department';
import type { Partner } from '../../../src-shared/masters/partner';
import type { Product } from '../../../src-shared/masters/product';
import type { TaxClass } from '../../../src-shared/masters/tax-class';
import type { Workflow } from '../../../src-shared/masters/workflow';
import { bankAccounts, departments, partners, products, taxClasses, workflows } from '../db/schema';
import { createMasterRepository, type MasterRepository } from './master-repository';

type Db = BetterSQLite3Database<Record<string, unknown>>;
type Values<R> = Omit<R, 'id' | 'confirmed' | 'createdAt' | 'updatedAt'>;

export interface MasterRepositories {
  departments: MasterRepository<Department, Values<Department>>;
  taxClasses: MasterRepository<TaxClass, Values<TaxClass>>;
  workflows: MasterRepository<Workflow, Values<Workflow>>;
  partners: MasterRepository<Partner, Values<Partner>>;
  products: MasterRepository<Product, Values<Product>>;
  bankAccounts: MasterRepository<BankAccount, Values<BankAccount>>;
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
    partners: createMasterRepository(
      db,
      {
        label: '取引先',
        table: partners,
        searchColumns: [partners.code, partners.name, partners.kana],
        sortColumns: { code: partners.code, name: partners.name, kana: partners.kana, kind: partners.kind, updatedAt: partners.updatedAt },
        defaultSort: 'code',
        uniqueFields: { 'partners.code': { path: 'code', message: 'この取引先コードはすでに使われています。別のコードを入力してください。' } },
      },
      now,
    ),
    products: createMasterRepository(
      db,
      {
        label: '商品',
        table: products,
        searchColumns: [products.code, products.name, products.kana, products.skuCode, products.janCode],
        sortColumns: {
          code: products.code,
          name: products.name,
          kana: products.kana,
          skuCode: products.skuCode,
          unitPrice: products.unitPrice,
          unitQuantity: products.unitQuantity,
          updatedAt: products.updatedAt,
        },
        defaultSort: 'code',
        uniqueFields: {
          'products.code, products.variation_h, products.variation_v': {
            path: 'code',
            message: 'この商品コードと枝番(横)・枝番(縦)の組み合わせはすでに使われています。コードか枝番を変えてください。',
          },
          'products.sku_code': { path: 'skuCode', message: 'このSKUコードはすでにほかの商品で使われています。別のSKUコードを入力してください。' },
        },
      },
      now,
    ),
    bankAccounts: createMasterRepository(
      db,
      {
        label: '請求口座',
        table: bankAccounts,
        searchColumns: [bankAccounts.code, bankAccounts.bankName, bankAccounts.branchName, bankAccounts.holder, bankAccounts.accountNumber],
        sortColumns: { code: bankAccounts.code, bankName: bankAccounts.bankName, branchName: bankAccounts.branchName, holder: bankAccounts.holder },
        defaultSort: 'code',
        uniqueFields: { 'bank_accounts.code': { path: 'code', message: 'この口座コードはすでに使われています。別のコードを入力してください。' } },
      },
      now,
    ),
  };
}
