/**
 * What a master page shows of a record: its attributes, each a form field and (optionally) a list
 * column, so a master is described once. Helpers cover what every master has (コード, 名称, 状態).
 */
import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { ConfirmedBadge } from '../../components/ConfirmedBadge';
import type { Column } from '../../components/VirtualTable';

export interface MasterFieldConfig {
  name: string;
  label: string;
  type: 'text' | 'number' | 'select' | 'checkbox';
  options?: readonly { value: string; label: string }[];
  required?: boolean;
  hint?: string;
  /** shown only while another field has one of these values; hidden fields are emptied ('') */
  showWhen?: { field: string; values: readonly string[] };
}

/** A field, and the list column showing it (header: the label; content: the value) when `column` is set. */
export interface MasterAttribute<Row> extends MasterFieldConfig {
  column?: {
    width?: number;
    align?: 'left' | 'right' | 'center';
    sortable?: boolean;
    header?: string;
    render?: (row: Row) => ReactNode;
    /** the column is hidden while every listed record is empty in it (see visibleColumns) */
    isEmpty?: (row: Row) => boolean;
  };
}

/** An attribute whose column shows the value as is (fits any master's rows). */
type PlainAttribute = MasterFieldConfig & { column: { width?: number; sortable: boolean } };

/** The record's code: a required text field and a sortable column. */
export function codeAttribute(label: string, width: number, hint?: string): PlainAttribute {
  return { name: 'code', label, type: 'text', required: true, ...(hint ? { hint } : {}), column: { width, sortable: true } };
}

/** The record's name: a required text field and a sortable column. */
export function nameAttribute(label: string): PlainAttribute {
  return { name: 'name', label, type: 'text', required: true, column: { sortable: true } };
}

/**
 * フリガナ: optional; whatever is typed (ひらがな, ｶﾀｶﾅ) is saved as full-width katakana, and the
 * list sorts by it so 取引先 and 商品 come in 五十音 order rather than by character code.
 */
export function kanaAttribute(width = 150): PlainAttribute {
  return { name: 'kana', label: 'フリガナ', type: 'text', hint: 'ひらがな・カタカナで入力(カタカナで保存します)', column: { width, sortable: true } };
}

/** Select choices whose value is their label (区分 lists such as 普通 / 当座). */
export function choices(values: readonly string[]): { value: string; label: string }[] {
  return values.map((v) => ({ value: v, label: v }));
}

/** Empty in the attribute's own field: null, undefined or ''. */
export function emptyField(name: string): (row: object) => boolean {
  return (row) => {
    const v = (row as Record<string, unknown>)[name];
    return v === null || v === undefined || v === '';
  };
}

/** The list columns: every attribute with a column, then 状態 (確定 / 未確定). */
export function columnsOf<Row extends { confirmed: boolean }>(attributes: readonly MasterAttribute<Row>[]): Column<Row>[] {
  const columns: Column<Row>[] = attributes.flatMap((a) => {
    if (!a.column) return [];
    const { header, render, ...rest } = a.column;
    const show = render ?? ((row: Row) => String((row as Record<string, unknown>)[a.name] ?? ''));
    return [{ key: a.name, header: header ?? a.label, render: show, ...rest }];
  });
  return [...columns, { key: 'confirmed', header: '状態', width: 80, align: 'center', render: (r) => <ConfirmedBadge confirmed={r.confirmed} /> }];
}

/**
 * A record as form values: null → '' (empty input), except a number field, which keeps null — an
 * empty number input registers as null, and a '' default would make merely opening the record an
 * unsaved edit (every menu click then asks) — and ids of selects → text (option values are text).
 */
export function valuesOf(row: object, fields: readonly MasterFieldConfig[]): FieldValues {
  const record = row as Record<string, unknown>;
  return Object.fromEntries(
    fields.map((f) => {
      const v = record[f.name] ?? (f.type === 'number' ? null : '');
      return [f.name, f.type === 'select' && typeof v === 'number' ? String(v) : v];
    }),
  );
}

/**
 * The values with every field that does not apply (its showWhen not met) emptied, in field order so
 * chains resolve (締日 ← 請求区分 ← 取引先種別). Validation and saving use this, so a value left in a
 * hidden field can never block the save invisibly — even when the user clicks 保存 before the effect
 * that clears hidden fields has run (seen on a loaded machine).
 */
export function withHiddenEmptied(values: FieldValues, fields: readonly MasterFieldConfig[]): FieldValues {
  const out: FieldValues = { ...values };
  for (const f of fields) {
    if (f.showWhen && !f.showWhen.values.includes(String(out[f.showWhen.field] ?? ''))) out[f.name] = '';
  }
  return out;
}
