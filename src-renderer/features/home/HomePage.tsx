import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../ipc/api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StockPushSummary } from '../stock/StockPushSummary';

export function HomePage() {
  const info = useQuery({ queryKey: ['app', 'info'], queryFn: () => unwrap(api().app.info()) });
  return (
    <div className="page">
      <h1>BCart Desk</h1>
      <p>Bカートの出荷実績を出荷伝票・請求伝票として取り込み、在庫の変化をBカートへ反映する販売・在庫管理アプリです。</p>
      <ErrorNotice error={info.error} />
      {info.data ? (
        <dl className="facts">
          <dt>バージョン</dt>
          <dd>{info.data.version}</dd>
          <dt>データフォルダ</dt>
          <dd>{info.data.dataDir}</dd>
          <dt>データ形式</dt>
          <dd>v{info.data.schemaVersion}</dd>
        </dl>
      ) : null}
      <StockPushSummary />
    </div>
  );
}
