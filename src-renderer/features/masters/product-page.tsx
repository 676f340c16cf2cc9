import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { productInput, type Product } from '../../../src-shared/masters/product';
import type { TaxClass } from '../../../src-shared/masters/tax-class';
import { unwrap } from '../../ipc/api';
import { masterApi } from './master-api';
import { confirmedColumn, MasterPage, type MasterPageConfig } from './MasterPage';

const yen = (n: number) => `¥${n.toLocaleString('ja-JP')}`;

function productConfig(taxClasses: TaxClass[]): MasterPageConfig<Product> {
  const taxName = new Map(taxClasses.map((t) => [t.id, t.name]));
  return {
    prefix: 'products',
    title: '商品',
    defaultSort: 'code',
    columns: [
      { key: 'code', header: '商品コード', width: 110, sortable: true, render: (r) => r.code },
      { key: 'variation', header: '枝番', width: 76, render: (r) => [r.variationH, r.variationV].filter(Boolean).join('/') },
      { key: 'skuCode', header: 'SKU', width: 100, sortable: true, render: (r) => r.skuCode ?? '' },
      {
        key: 'name',
        header: '商品名',
        sortable: true,
        // 棚卸対象外 and the tax class are shown inside the name cell: the list pane is narrow
        render: (r) => (
          <>
            {r.name}
            {r.inventoryTracked ? null : <span className="badge badge-draft">棚卸対象外</span>}
            {r.taxClassId === null ? null : <span className="field-hint"> {taxName.get(r.taxClassId) ?? ''}</span>}
          </>
        ),
      },
      { key: 'unitQuantity', header: '入数', width: 60, align: 'right', sortable: true, render: (r) => r.unitQuantity },
      { key: 'unitPrice', header: '単価', width: 90, align: 'right', sortable: true, render: (r) => yen(r.unitPrice) },
      confirmedColumn(),
    ],
    fields: [
      { name: 'code', label: '商品コード', type: 'text', required: true, hint: '半角英数字' },
      { name: 'variationH', label: '枝番(横)', type: 'text', hint: '色など。なければ空' },
      { name: 'variationV', label: '枝番(縦)', type: 'text', hint: 'サイズなど。なければ空' },
      { name: 'skuCode', label: 'SKUコード', type: 'text', hint: 'Bカートの品番と一致させるコード。空なら商品コードで照合' },
      { name: 'name', label: '商品名', type: 'text', required: true },
      { name: 'unitQuantity', label: '計上単位', type: 'number', required: true, hint: '1単位に入る個数(Bカートの入数)' },
      { name: 'inventoryTracked', label: '棚卸対象', type: 'checkbox', hint: '送料・手数料、値引・ポイントの商品は外してください' },
      { name: 'taxClassId', label: '税区分', type: 'select', options: taxClasses.map((t) => ({ value: String(t.id), label: `${t.name} (${t.code})` })) },
      { name: 'unitPrice', label: '単価(円)', type: 'number', required: true },
      { name: 'janCode', label: 'JANコード', type: 'text', hint: '8桁または13桁' },
    ],
    schema: productInput,
    empty: { code: '', variationH: '', variationV: '', skuCode: '', name: '', unitQuantity: 1, inventoryTracked: true, taxClassId: '', unitPrice: 0, janCode: '' },
    toValues: (r) => ({
      code: r.code,
      variationH: r.variationH,
      variationV: r.variationV,
      skuCode: r.skuCode ?? '',
      name: r.name,
      unitQuantity: r.unitQuantity,
      inventoryTracked: r.inventoryTracked,
      taxClassId: r.taxClassId === null ? '' : String(r.taxClassId),
      unitPrice: r.unitPrice,
      janCode: r.janCode ?? '',
    }),
  };
}

/** 商品 list (virtualized; 100,000 rows) and form; the 税区分 choices come from the tax-class master. */
export function ProductPage() {
  const taxClasses = useQuery({ queryKey: ['taxClasses', 'list', 'all'], queryFn: () => unwrap(masterApi<TaxClass>('taxClasses').list({})) });
  const rows = taxClasses.data?.rows;
  const config = useMemo(() => productConfig(rows ?? []), [rows]);
  return <MasterPage config={config} />;
}
