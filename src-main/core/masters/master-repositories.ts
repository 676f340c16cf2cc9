/**
 * The master repositories (部門, 税区分, ワークフロー, 取引先, 商品, 請求口座): the generic repository
 * (master-repository.ts) with each table's labels, search and sort columns and unique keys, plus the
 * queries other features need of a master (onboarding, the import's snapshot, the tax update, the
 * EC連携設定 checks). The only code that writes the master tables.
 */
import { and, asc, eq, getTableName, inArray, isNull, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { BankAccount } from '../../../src-shared/masters/bank-account';
import type { Department } from '../../../src-shared/masters/department';
import type { Partner } from '../../../src-shared/masters/partner';
import { BILLING_DEFAULTS, newCustomerBillingTerms } from '../../../src-shared/masters/partner-billing';
import type { Product } from '../../../src-shared/masters/product';
import type { TaxClass } from '../../../src-shared/masters/tax-class';
import type { Workflow } from '../../../src-shared/masters/workflow';
import type { MasterListInput } from '../../../src-shared/masters/fields';
import type { CustomerCandidate, ProductCandidate } from '../../../src-shared/setup/onboarding';
import type { LocalCustomer, LocalProduct } from '../import/mapping';
import type { Db } from '../db/db-handle';
import { bankAccounts, departments, partners, products, taxClasses, workflows } from '../db/schema';
import { createMasterRepository, type MasterRepository, type MasterRepositoryConfig, type MasterTable } from './master-repository';
import { createMasterUsageRepository, type MasterUsageRepository } from './master-usage-repository';

type Values<R> = Omit<R, 'id' | 'confirmed' | 'createdAt' | 'updatedAt'>;
type TaxKind = '標準' | '軽減' | '非課税';
/** the seeded rate of each 税区分 kind */
const KIND_RATE: Record<TaxKind, number> = { 標準: 10, 軽減: 8, 非課税: 0 };

/** A product as EC連携商品 suggestions compare it. */
export interface LinkableProduct {
  id: number;
  code: string;
  skuCode: string | null;
  name: string;
  unitQuantity: number;
  janCode: string | null;
  confirmed: boolean;
}

export interface MasterRepositories {
  departments: MasterRepository<Department, Values<Department>>;
  taxClasses: ReturnType<typeof createTaxClassRepository>;
  workflows: ReturnType<typeof createWorkflowRepository>;
  partners: ReturnType<typeof createPartnerRepository>;
  products: ReturnType<typeof createProductRepository>;
  bankAccounts: MasterRepository<BankAccount, Values<BankAccount>>;
  /** who uses a master: EC連携設定 and confirmed slips */
  masterUsage: MasterUsageRepository;
}

/**
 * The usual master: listed by コード, the コード unique (the field blamed when it is taken);
 * `search` are the columns the search box looks at besides コード, `sort` the sortable ones.
 */
function codeNamed(label: string, codeLabel: string, table: MasterTable, search: SQLiteColumn[], sort: Record<string, SQLiteColumn>): MasterRepositoryConfig {
  return {
    label,
    table,
    searchColumns: [table.code, ...search],
    sortColumns: { code: table.code, ...sort },
    defaultSort: 'code',
    uniqueFields: { [`${getTableName(table)}.code`]: { path: 'code', message: `この${codeLabel}はすでに使われています。別のコードを入力してください。` } },
  };
}

export function createMasterRepositories(db: Db, now: () => string): MasterRepositories {
  // one handle for all: the generic repository's bulk upsert uses its raw connection
  return {
    departments: createMasterRepository(db, codeNamed('部門', '部門コード', departments, [departments.name], { name: departments.name, updatedAt: departments.updatedAt }), now),
    masterUsage: createMasterUsageRepository(db),
    taxClasses: createTaxClassRepository(db, now),
    workflows: createWorkflowRepository(db, now),
    partners: createPartnerRepository(db, now),
    products: createProductRepository(db, now),
    bankAccounts: createMasterRepository(
      db,
      codeNamed('請求口座', '口座コード', bankAccounts, [bankAccounts.bankName, bankAccounts.branchName, bankAccounts.holder, bankAccounts.accountNumber], {
        bankName: bankAccounts.bankName,
        branchName: bankAccounts.branchName,
        holder: bankAccounts.holder,
      }),
      now,
    ),
  };
}

function createTaxClassRepository(handle: Db, now: () => string) {
  const db = handle.orm;
  const base = createMasterRepository<TaxClass, Values<TaxClass>>(handle, codeNamed('税区分', '税区分コード', taxClasses, [taxClasses.name], { name: taxClasses.name, rate: taxClasses.rate }), now);
  const codes = () => db.select({ id: taxClasses.id, code: taxClasses.code }).from(taxClasses).all();
  return {
    ...base,
    /** the confirmed 税区分 of a kind at its seeded rate (標準10 / 軽減8 / 非課税0), or null */
    idOfKind(kind: TaxKind): number | null {
      const r = db
        .select({ id: taxClasses.id })
        .from(taxClasses)
        .where(and(eq(taxClasses.kind, kind), eq(taxClasses.rate, KIND_RATE[kind]), eq(taxClasses.confirmed, true)))
        .orderBy(asc(taxClasses.id))
        .get();
      return r?.id ?? null;
    },
    /** the lowest-id confirmed 税区分 of 標準 and 軽減, whatever its rate (the tax update's products CSV) */
    firstConfirmedIdByKind(): Map<string, number> {
      const rows = db
        .select({ kind: taxClasses.kind, id: taxClasses.id })
        .from(taxClasses)
        .where(and(eq(taxClasses.confirmed, true), inArray(taxClasses.kind, ['標準', '軽減'])))
        .orderBy(asc(taxClasses.id))
        .all();
      const out = new Map<string, number>();
      for (const r of rows) if (!out.has(r.kind)) out.set(r.kind, r.id);
      return out;
    },
    idsByCode: (): Map<string, number> => new Map(codes().map((c) => [c.code, c.id])),
    codesById: (): Map<number, string> => new Map(codes().map((c) => [c.id, c.code])),
    /** first-run 税区分 (insert or ignore: an existing code is kept as it is) */
    seedConfirmed(rows: { code: string; name: string; rate: number; kind: TaxKind }[], stamp: string): void {
      for (const r of rows) db.insert(taxClasses).values({ ...r, confirmed: true, createdAt: stamp, updatedAt: stamp }).onConflictDoNothing().run();
    },
  };
}

function createWorkflowRepository(handle: Db, now: () => string) {
  const db = handle.orm;
  const base = createMasterRepository<Workflow, Values<Workflow>>(
    handle,
    codeNamed('ワークフロー', 'ワークフローコード', workflows, [workflows.name], { name: workflows.name, kind: workflows.kind }),
    now,
  );
  return {
    ...base,
    /** the first ワークフロー of a kind (出荷 / 請求 / 入荷 / 在庫移動), or null */
    firstIdOfKind: (kind: Workflow['kind']): number | null =>
      db.select({ id: workflows.id }).from(workflows).where(eq(workflows.kind, kind)).orderBy(asc(workflows.id)).get()?.id ?? null,
    /** first-run ワークフロー (insert or ignore) */
    seedConfirmed(rows: { code: string; name: string; kind: Workflow['kind'] }[], stamp: string): void {
      for (const r of rows) db.insert(workflows).values({ ...r, confirmed: true, createdAt: stamp, updatedAt: stamp }).onConflictDoNothing().run();
    },
  };
}

function createPartnerRepository(handle: Db, now: () => string) {
  const db = handle.orm;
  const base = createMasterRepository<Partner, Values<Partner>>(
    handle,
    codeNamed('取引先', '取引先コード', partners, [partners.name, partners.kana], { name: partners.name, kana: partners.kana, kind: partners.kind, updatedAt: partners.updatedAt }),
    now,
  );
  return {
    ...base,
    /** the 取引先 list restricted to one 取引先種別 */
    listByKind: (kind: Partner['kind'], input?: MasterListInput) => base.list(input, eq(partners.kind, kind)),
    /** 取引先種別 by code, of every 取引先 */
    kindsByCode: (): Map<string, string> => new Map(db.select({ code: partners.code, kind: partners.kind }).from(partners).all().map((r) => [r.code, r.kind])),
    byCodes(codes: readonly string[]) {
      if (codes.length === 0) return new Map<string, { id: number; code: string; name: string; kind: string; confirmed: boolean }>();
      const rows = db
        .select({ id: partners.id, code: partners.code, name: partners.name, kind: partners.kind, confirmed: partners.confirmed })
        .from(partners)
        .where(inArray(partners.code, [...codes]))
        .all();
      return new Map(rows.map((r) => [r.code, r]));
    },
    codeOf: (id: number): string | null => db.select({ code: partners.code }).from(partners).where(eq(partners.id, id)).get()?.code ?? null,
    /** confirmed 得意先 (the import's customers) */
    confirmedCustomers: (): LocalCustomer[] =>
      db
        .select({ id: partners.id, code: partners.code, name: partners.name })
        .from(partners)
        .where(and(eq(partners.kind, '得意先'), eq(partners.confirmed, true)))
        .all(),
    /** confirmed 得意先 (個別請求, 税込) created by onboarding, the payment-rule check and 初期設定 */
    insertCustomers(rows: readonly Pick<CustomerCandidate, 'code' | 'name'>[]): void {
      const stamp = now();
      for (const r of rows) {
        db.insert(partners)
          .values({ code: r.code, name: r.name, kind: '得意先', billingType: '個別', taxDisplay: '税込', ...newCustomerBillingTerms(r.code), confirmed: true, createdAt: stamp, updatedAt: stamp })
          .run();
      }
    },
    confirmByCode(code: string): void {
      db.update(partners).set({ confirmed: true, updatedAt: now() }).where(eq(partners.code, code)).run();
    },
    /**
     * 得意先 written before the billing terms existed: each empty term gets its default, and the
     * payment-service customers (`noStatementCodes`) become 請求書を発行しない (入金管理のみ).
     */
    fillBillingTermDefaults(noStatementCodes: readonly string[]): void {
      const customers = eq(partners.kind, '得意先');
      const d = BILLING_DEFAULTS;
      db.update(partners).set({ collectMonths: d.collectMonths }).where(and(customers, isNull(partners.collectMonths))).run();
      db.update(partners).set({ collectDay: d.collectDay }).where(and(customers, isNull(partners.collectDay))).run();
      db.update(partners).set({ holidayShift: d.holidayShift }).where(and(customers, isNull(partners.holidayShift))).run();
      db.update(partners).set({ taxUnit: d.taxUnit }).where(and(customers, isNull(partners.taxUnit))).run();
      db.update(partners).set({ taxRounding: d.taxRounding }).where(and(customers, isNull(partners.taxRounding))).run();
      db.update(partners).set({ openingBalance: d.openingBalance }).where(and(customers, isNull(partners.openingBalance))).run();
      db.update(partners).set({ noStatement: false }).where(and(customers, isNull(partners.noStatement))).run();
      if (noStatementCodes.length > 0) db.update(partners).set({ noStatement: true }).where(and(customers, inArray(partners.code, [...noStatementCodes]))).run();
    },
  };
}

function createProductRepository(handle: Db, now: () => string) {
  const db = handle.orm;
  const base = createMasterRepository<Product, Values<Product>>(
    handle,
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
  );
  const local = { id: products.id, code: products.code, skuCode: products.skuCode, name: products.name, unitQuantity: products.unitQuantity, inventoryTracked: products.inventoryTracked };
  return {
    ...base,
    /** product codes (without 枝番) and SKU codes in use: either blocks a new product of that code */
    existingCodes(): Set<string> {
      const rows = db.select({ code: products.code, sku: products.skuCode }).from(products).all();
      return new Set(rows.flatMap((r) => (r.sku ? [r.code, r.sku] : [r.code])));
    },
    /** confirmed, inventory-tracked products from onboarding candidates */
    insertOnboarded(rows: readonly ProductCandidate[], taxIds: { 標準: number | null; 軽減: number | null }): void {
      const stamp = now();
      for (const r of rows) {
        db.insert(products)
          .values({
            code: r.code,
            name: r.name,
            unitQuantity: r.unitQuantity ?? 1,
            inventoryTracked: true,
            taxClassId: taxIds[r.taxKind],
            unitPrice: r.unitPrice ?? 0,
            janCode: r.janCode === '' ? null : r.janCode,
            confirmed: true,
            createdAt: stamp,
            updatedAt: stamp,
          })
          .run();
      }
    },
    /** confirmed products as the import's snapshot reads them */
    confirmedForImport: (): LocalProduct[] => db.select(local).from(products).where(eq(products.confirmed, true)).all(),
    /** every product with what EC連携商品 suggestions compare */
    linkable: (): LinkableProduct[] =>
      db
        .select({ id: products.id, code: products.code, skuCode: products.skuCode, name: products.name, unitQuantity: products.unitQuantity, janCode: products.janCode, confirmed: products.confirmed })
        .from(products)
        .all(),
    /** 商品番号 + 枝番 → the kind of its 税区分 (null when unset), for the tax update's lookup */
    taxKinds: () =>
      db
        .select({ code: products.code, variationH: products.variationH, variationV: products.variationV, kind: taxClasses.kind })
        .from(products)
        .leftJoin(taxClasses, eq(taxClasses.id, products.taxClassId))
        .all(),
    /**
     * The tax update's products CSV: creates or updates each 商品番号 + 枝番 as 確定 with the given
     * 税区分 (call inside the caller's transaction). Returns the counts.
     */
    upsertTaxRows(rows: readonly { code: string; variationH: string; variationV: string; name: string; taxClassId: number }[]): { created: number; updated: number } {
      const stamp = now();
      const find = db
        .select({ id: products.id })
        .from(products)
        .where(and(eq(products.code, sql.placeholder('code')), eq(products.variationH, sql.placeholder('h')), eq(products.variationV, sql.placeholder('v'))))
        .prepare();
      const counts = { created: 0, updated: 0 };
      for (const r of rows) {
        const found = find.get({ code: r.code, h: r.variationH, v: r.variationV });
        if (found) {
          db.update(products).set({ name: r.name, taxClassId: r.taxClassId, confirmed: true, updatedAt: stamp }).where(eq(products.id, found.id)).run();
          counts.updated++;
        } else {
          db.insert(products)
            .values({ code: r.code, variationH: r.variationH, variationV: r.variationV, name: r.name, taxClassId: r.taxClassId, confirmed: true, createdAt: stamp, updatedAt: stamp })
            .run();
          counts.created++;
        }
      }
      return counts;
    },
  };
}
