import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { appQueries } from '../../queries/app';
import { StockPushSummary } from '../stock/StockPushSummary';

export function HomePage() {
  const info = useQuery(appQueries.info());
  return (
    <div className="page">
      <h1>BCart Desk</h1>
      <p>
        Bカートで発送済になった注文を確定済みの出荷伝票・請求伝票として取り込み、入荷・在庫移動の確定をBカートの在庫に反映し、定期申込の消費税自動更新を行う販売管理アプリです。
      </p>
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
