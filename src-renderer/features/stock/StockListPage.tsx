/**
 * 在庫一覧: quantity per warehouse × product with totals, filter by warehouse / product, CSV出力,
 * and the movements (在庫元帳) of the selected row with the running balance.
 */
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { MOVEMENT_LABELS, type StockListInput, type StockRow } from '../../../src-shared/stock/stock-book';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { api, unwrap } from '../../ipc/api';
import { stockQueries } from '../../queries/stock';
import { useNavigation } from '../../stores/navigation';
import { CsvExportButton } from './CsvExportButton';
import { qty, signed } from './stock-labels';
import { usePartners } from './use-partners';

const columns: Column<StockRow>[] = [
  { key: 'wh', header: '倉庫', width: 160, render: (r) => `${r.warehouseCode} ${r.warehouseName}` },
  { key: 'code', header: '商品コード', width: 150, render: (r) => r.skuCode || r.productCode },
  { key: 'name', header: '商品名', render: (r) => r.productName },
  { key: 'qty', header: '在庫数', width: 100, align: 'right', render: (r) => qty(r.quantity) },
];

export function StockListPage() {
  const warehouses = usePartners('倉庫');
  const [warehouseId, setWarehouseId] = useState<number | undefined>(undefined);
  const [search, setSearch] = useState('');
  const [nonZero, setNonZero] = useState(false);
  const deferred = useDeferredValue(search.trim());
  const input: StockListInput = {
    ...(warehouseId ? { warehouseId } : {}),
    ...(deferred ? { search: deferred } : {}),
    ...(nonZero ? { nonZero } : {}),
  };
  const list = useQuery(stockQueries.list(input));
  const [picked, setPicked] = useState<StockRow | null>(null);
  return (
    <div className="page">
      <h1>在庫一覧</h1>
      <div className="toolbar">
        <select
          aria-label="倉庫"
          value={warehouseId ?? ''}
          onChange={(e) => setWarehouseId(e.target.value ? Number(e.target.value) : undefined)}
        >
          <option value="">すべての倉庫</option>
          {(warehouses.data?.rows ?? []).map((w) => (
            <option key={w.id} value={w.id}>
              {w.code} {w.name}
            </option>
          ))}
        </select>
        <input
          type="search"
          aria-label="商品コード・名称で検索"
          placeholder="商品コード・名称で検索"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label>
          <input type="checkbox" checked={nonZero} onChange={(e) => setNonZero(e.target.checked)} /> 在庫0を除く
        </label>
        <CsvExportButton label="在庫一覧" run={(encoding) => unwrap(api().stock.export({ query: input, encoding }))} />
      </div>
      <ErrorNotice error={list.error} />
      {list.data ? (
        <p className="count" aria-label="在庫の合計">
          {list.data.total}行 / 合計 {qty(list.data.totals.quantity)}
          {list.data.totals.byWarehouse.map((w) => `、${w.warehouseCode}: ${qty(w.quantity)}`).join('')}
        </p>
      ) : null}
      <div className="master-page">
        <VirtualTable
          label="在庫一覧"
          rows={list.data?.rows ?? []}
          columns={columns}
          rowKey={(r) => `${r.warehouseId}:${r.productId}`}
          selectedKey={picked ? `${picked.warehouseId}:${picked.productId}` : null}
          onSelect={setPicked}
          height={520}
          emptyText="在庫の動きがありません。入荷伝票を確定するか、出荷取込処理・在庫移行を行ってください。"
        />
        <div className="master-detail">
          {picked ? <Movements row={picked} /> : <p className="placeholder">行を選ぶと入出庫の明細を表示します。</p>}
        </div>
      </div>
    </div>
  );
}

function Movements({ row }: { row: StockRow }) {
  const { go } = useNavigation();
  const q = useQuery(stockQueries.movements(row.warehouseId, row.productId));
  return (
    <section aria-label="入出庫明細">
      <h2>
        {row.warehouseCode} / {row.skuCode || row.productCode} {row.productName}
      </h2>
      <ErrorNotice error={q.error} />
      <table className="data" aria-label="入出庫明細の一覧">
        <thead>
          <tr>
            <th>日付</th>
            <th>伝票</th>
            <th>増減</th>
            <th>残高</th>
          </tr>
        </thead>
        <tbody>
          {(q.data?.rows ?? []).map((m) => (
            <tr key={m.id}>
              <td>{m.date}</td>
              <td>
                {m.sourceType === 'shipment' || m.sourceType === 'opening' ? (
                  `${MOVEMENT_LABELS[m.sourceType]}${m.sourceType === 'shipment' ? ` #${m.sourceId}` : ''}`
                ) : (
                  <button type="button" className="link-button" onClick={() => go('stock-slips', String(m.sourceId))}>
                    {MOVEMENT_LABELS[m.sourceType]} #{m.sourceId}
                  </button>
                )}
              </td>
              <td className="num">{signed(m.quantity)}</td>
              <td className="num">{qty(m.balance)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
