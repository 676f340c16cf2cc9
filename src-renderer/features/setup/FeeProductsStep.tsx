/** 手順4 of 初期設定: the 送料・手数料 and 値引・ポイント products (棚卸対象外) the import books fees and points on. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { api, unwrap } from '../../ipc/api';
import { masterQueries } from '../../queries/masters';

const FEE_PRODUCTS = [
  ['SHIPPING-FEE', '送料・手数料'],
  ['DISCOUNT-POINT', '値引・ポイント'],
] as const;

export function FeeProductsStep({ onDone }: { onDone: () => void }) {
  const taxes = useQuery(masterQueries('taxClasses').options(200));
  const create = useMutation({
    mutationFn: async () => {
      const tax = taxes.data?.rows.find((t) => t.kind === '標準' && t.rate === 10 && t.confirmed)?.id ?? null;
      for (const [code, name] of FEE_PRODUCTS) {
        const row = await unwrap(
          api().products.create({ code, variationH: '', variationV: '', skuCode: null, name, unitQuantity: 1, inventoryTracked: false, taxClassId: tax, unitPrice: 0, janCode: null }),
        );
        await unwrap(api().products.confirm({ id: row.id }));
      }
    },
    meta: { changes: ['products'] },
    onSuccess: onDone,
  });
  return (
    <div>
      <p>Bカートの送料・手数料と値引・ポイントを計上する商品 (棚卸対象外) を作成します。販売商品は手順6でBカートから登録できます。</p>
      <ErrorNotice error={create.error} />
      <div className="form-actions">
        <button type="button" className="primary" disabled={create.isPending} onClick={() => create.mutate()}>
          送料・手数料と値引・ポイントの商品を作成
        </button>
        <button type="button" onClick={onDone}>
          作成済みなので次へ
        </button>
      </div>
    </div>
  );
}
