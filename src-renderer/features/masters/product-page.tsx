import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { productInput } from '../../../src-shared/masters/product';
import type { TaxClass } from '../../../src-shared/masters/tax-class';
import { formatYen } from '../../format/number';
import { masterQueries } from '../../queries/masters';
import { codeAttribute, emptyField, kanaAttribute, nameAttribute } from './master-attributes';
import { MasterPage, type MasterPageConfig } from './MasterPage';

/** The 商品 master page: fields, list columns (枝番, SKU and フリガナ hide while every listed 商品 lacks them). */
export function productConfig(taxClasses: readonly TaxClass[]): MasterPageConfig<'products'> {
  const taxName = new Map(taxClasses.map((t) => [t.id, t.name]));
  const name = nameAttribute('商品名');
  return {
    prefix: 'products',
    title: '商品',
    attributes: [
      codeAttribute('商品コード', 110, '半角英数字(全角で入力しても半角にします)'),
      {
        name: 'variationH',
        label: '枝番(横)',
        type: 'text',
        hint: '色など。なければ空',
        column: { header: '枝番', width: 76, render: (r) => [r.variationH, r.variationV].filter(Boolean).join('/'), isEmpty: (r) => !r.variationH && !r.variationV },
      },
      { name: 'variationV', label: '枝番(縦)', type: 'text', hint: 'サイズなど。なければ空' },
      { name: 'skuCode', label: 'SKUコード', type: 'text', hint: 'Bカートの品番と一致させるコード。空なら商品コードで照合', column: { header: 'SKU', width: 100, sortable: true, isEmpty: emptyField('skuCode') } },
      {
        ...name,
        // 棚卸対象外 and the tax class are shown inside the name cell: the list pane is narrow
        column: {
          ...name.column,
          render: (r) => (
            <>
              {r.name}
              {r.inventoryTracked ? null : <span className="badge badge-draft">棚卸対象外</span>}
              {r.taxClassId === null ? null : <span className="field-hint"> {taxName.get(r.taxClassId) ?? ''}</span>}
            </>
          ),
        },
      },
      // a shop that never types フリガナ does not get an empty column
      { ...kanaAttribute(130), column: { ...kanaAttribute(130).column, isEmpty: emptyField('kana') } },
      { name: 'unitQuantity', label: '計上単位', type: 'number', required: true, hint: '1単位に入る個数(Bカートの入数)', column: { header: '入数', width: 60, align: 'right', sortable: true } },
      { name: 'inventoryTracked', label: '棚卸対象', type: 'checkbox', hint: '送料・手数料、値引・ポイントの商品は外してください' },
      { name: 'taxClassId', label: '税区分', type: 'select', options: taxClasses.map((t) => ({ value: String(t.id), label: `${t.name} (税率${t.rate}%)` })) },
      {
        name: 'unitPrice',
        label: '単価(円)',
        type: 'number',
        required: true,
        column: { header: '単価', width: 90, align: 'right', sortable: true, render: (r) => formatYen(r.unitPrice) },
      },
      { name: 'janCode', label: 'JANコード', type: 'text', hint: '8桁または13桁' },
      { name: 'costPrice', label: '原価(円)', type: 'number', hint: '1単位の原価。入力すると売上分析に粗利が出ます(空でも可)' },
    ],
    schema: productInput,
    empty: { code: '', variationH: '', variationV: '', skuCode: '', name: '', kana: '', unitQuantity: 1, inventoryTracked: true, taxClassId: '', unitPrice: 0, janCode: '', costPrice: '' },
  };
}

/** 商品 list (virtualized; 100,000 rows) and form; the 税区分 choices come from the tax-class master. */
export function ProductPage() {
  const taxClasses = useQuery(masterQueries('taxClasses').options(200));
  const rows = taxClasses.data?.rows;
  const config = useMemo(() => productConfig(rows ?? []), [rows]);
  return <MasterPage config={config} />;
}
