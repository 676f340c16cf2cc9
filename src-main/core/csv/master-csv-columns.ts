/**
 * The CSV layout of every master: Japanese headers (what a clerk sees in Excel), the form field
 * each column fills, its SQL column and how a cell is read/written. The same zod input schema as
 * the forms validates each row, so a CSV row and a form obey exactly the same rules.
 */
import type { z } from 'zod';
import type { CsvMaster } from '../../../src-shared/csv/master-csv';
import { CSV_MASTER_LABELS } from '../../../src-shared/csv/master-csv';
import { bankAccountInput } from '../../../src-shared/masters/bank-account';
import { departmentInput } from '../../../src-shared/masters/department';
import { partnerInput } from '../../../src-shared/masters/partner';
import { productInput } from '../../../src-shared/masters/product';
import { taxClassInput } from '../../../src-shared/masters/tax-class';
import { workflowInput } from '../../../src-shared/masters/workflow';
import { asciiCode, boolLabel, janCode, kanaText, plainText, taxClassCode, wholeNumber, type FastCell } from './master-csv-fast-cells';

/**
 * text: a string (formula guard on export); int: a number cell (never formula-guarded when it
 * holds a number); bool: 対象/対象外 style labels; taxClassCode: 税区分コード ⇄ tax_classes.id.
 */
export type CsvCellKind = 'text' | 'int' | 'bool' | 'taxClassCode';

export interface MasterCsvColumn {
  header: string;
  /** field of the input schema / row */
  field: string;
  /** column of the SQL table */
  sqlColumn: string;
  kind: CsvCellKind;
  /** the header must be present in an imported file */
  required: boolean;
  /** bool columns: the words written for true/false (also accepted on import) */
  labels?: { true: string; false: string };
  /**
   * the schema's value for a plain cell without running the schema (master-csv-fast-cells.ts);
   * only when every column of a master has one does a row skip the schema
   */
  fast?: FastCell;
}

export interface MasterCsvDef {
  master: CsvMaster;
  label: string;
  table: string;
  schema: z.ZodType;
  columns: MasterCsvColumn[];
  /** fields identifying an existing record: a row with the same key updates it */
  keyFields: string[];
  /** 受付停止 blocks this master's import (商品: the tax update reads them) */
  blockedWhenStoreClosed: boolean;
}

const col = (header: string, field: string, sqlColumn: string, kind: CsvCellKind = 'text', required = true): MasterCsvColumn => ({
  header,
  field,
  sqlColumn,
  kind,
  required,
});

const code = (header: string) => col(header, 'code', 'code');

const DEFS: Record<CsvMaster, Omit<MasterCsvDef, 'master' | 'label'>> = {
  departments: {
    table: 'departments',
    schema: departmentInput,
    columns: [code('部門コード'), col('部門名', 'name', 'name')],
    keyFields: ['code'],
    blockedWhenStoreClosed: false,
  },
  taxClasses: {
    table: 'tax_classes',
    schema: taxClassInput,
    columns: [code('税区分コード'), col('税区分名', 'name', 'name'), col('税率', 'rate', 'rate', 'int'), col('区分', 'kind', 'kind')],
    keyFields: ['code'],
    blockedWhenStoreClosed: false,
  },
  workflows: {
    table: 'workflows',
    schema: workflowInput,
    columns: [code('ワークフローコード'), col('ワークフロー名', 'name', 'name'), col('種別', 'kind', 'kind')],
    keyFields: ['code'],
    blockedWhenStoreClosed: false,
  },
  partners: {
    table: 'partners',
    schema: partnerInput,
    columns: [
      code('取引先コード'),
      col('取引先名', 'name', 'name'),
      col('フリガナ', 'kana', 'kana', 'text', false),
      col('取引先種別', 'kind', 'kind'),
      col('請求区分', 'billingType', 'billing_type', 'text', false),
      col('締日', 'closingDay', 'closing_day', 'int', false),
      col('税表示', 'taxDisplay', 'tax_display', 'text', false),
      // recipient and billing terms (docs/receivables-rules.md); empty = the 得意先 defaults
      col('郵便番号', 'postalCode', 'postal_code', 'text', false),
      col('住所1', 'address1', 'address1', 'text', false),
      col('住所2', 'address2', 'address2', 'text', false),
      col('電話番号', 'phone', 'phone', 'text', false),
      col('担当者', 'contactName', 'contact_name', 'text', false),
      col('登録番号', 'registrationNumber', 'registration_number', 'text', false),
      col('回収月', 'collectMonths', 'collect_months', 'int', false),
      col('回収日', 'collectDay', 'collect_day', 'int', false),
      col('休日の場合', 'holidayShift', 'holiday_shift', 'text', false),
      col('消費税計算単位', 'taxUnit', 'tax_unit', 'text', false),
      col('消費税端数処理', 'taxRounding', 'tax_rounding', 'text', false),
      { ...col('請求書発行', 'noStatement', 'no_statement', 'bool', false), labels: { true: '発行しない', false: '発行する' } },
      col('期首売掛金残高', 'openingBalance', 'opening_balance', 'int', false),
    ],
    keyFields: ['code'],
    blockedWhenStoreClosed: false,
  },
  products: {
    table: 'products',
    schema: productInput,
    // fast rules: the limits of productInput (src-shared/masters/product.ts), for a 100,000-row file
    columns: [
      { ...code('商品コード'), fast: asciiCode(30, 'unsure') },
      { ...col('枝番(横)', 'variationH', 'variation_h', 'text', false), fast: asciiCode(20, { value: '' }) },
      { ...col('枝番(縦)', 'variationV', 'variation_v', 'text', false), fast: asciiCode(20, { value: '' }) },
      { ...col('SKUコード', 'skuCode', 'sku_code', 'text', false), fast: asciiCode(40, { value: null }) },
      { ...col('商品名', 'name', 'name'), fast: plainText(120) },
      { ...col('フリガナ', 'kana', 'kana', 'text', false), fast: kanaText(100) },
      { ...col('計上単位', 'unitQuantity', 'unit_quantity', 'int'), fast: wholeNumber(1, 1_000_000, 'unsure') },
      { ...col('棚卸対象', 'inventoryTracked', 'inventory_tracked', 'bool'), labels: { true: '対象', false: '対象外' }, fast: boolLabel({ true: '対象', false: '対象外' }) },
      { ...col('税区分コード', 'taxClassId', 'tax_class_id', 'taxClassCode', false), fast: taxClassCode },
      { ...col('単価', 'unitPrice', 'unit_price', 'int'), fast: wholeNumber(0, 99_999_999_999, 'unsure') },
      { ...col('JANコード', 'janCode', 'jan_code', 'text', false), fast: janCode },
      { ...col('原価', 'costPrice', 'cost_price', 'int', false), fast: wholeNumber(0, 99_999_999_999, { value: null }) },
    ],
    keyFields: ['code', 'variationH', 'variationV'],
    blockedWhenStoreClosed: true,
  },
  bankAccounts: {
    table: 'bank_accounts',
    schema: bankAccountInput,
    columns: [
      code('口座コード'),
      col('銀行名', 'bankName', 'bank_name'),
      col('支店名', 'branchName', 'branch_name'),
      col('口座種別', 'accountType', 'account_type'),
      col('口座番号', 'accountNumber', 'account_number'),
      col('口座名義', 'holder', 'holder'),
    ],
    keyFields: ['code'],
    blockedWhenStoreClosed: false,
  },
};

/** The CSV layout of one master. */
export function masterCsvDef(master: CsvMaster): MasterCsvDef {
  return { master, label: CSV_MASTER_LABELS[master], ...DEFS[master] };
}

/** Words accepted for a bool cell besides the column's own labels. */
export const TRUE_WORDS = ['1', 'TRUE', 'true', 'はい', '○'];
export const FALSE_WORDS = ['0', 'FALSE', 'false', 'いいえ', '×'];
