/**
 * 定期申込: the virtualized list (filters 状態 / 標準税率 / 軽減税率 / search), CSV取込 / CSV出力, and
 * the detail / edit form of the selected application (新規 too). Editing stops while 受付停止.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { confirmLeave } from '../../stores/unsaved-changes';
import type { SubscriptionListInput } from '../../../src-shared/subscriptions/subscription-schema';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VirtualTable } from '../../components/VirtualTable';
import { subscriptionQueries } from '../../queries/subscriptions';
import { useStoreClosed } from '../store-mode/StoreModeButtons';
import { SUBSCRIPTION_COLUMNS } from './subscription-columns';
import { NEW_APPLICATION } from './subscription-form-values';
import { SubscriptionCsvToolbar } from './SubscriptionCsvToolbar';
import { SubscriptionFilters } from './SubscriptionFilters';
import { SubscriptionForm } from './SubscriptionForm';
import '../tax-update/tax-update.css';

export function SubscriptionsPage() {
  const closed = useStoreClosed() === true;
  const [filters, setFilters] = useState<SubscriptionListInput>({});
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useQuery(subscriptionQueries.list(filters));
  const detail = useQuery({ ...subscriptionQueries.detail(selected ?? ''), enabled: selected !== null && !creating });

  return (
    <div className="page">
      <h2>定期申込</h2>
      <SubscriptionFilters value={filters} onChange={setFilters} total={list.data?.total ?? null} />
      <SubscriptionCsvToolbar closed={closed} onImported={() => setSelected(null)}>
        <button
          type="button"
          disabled={closed}
          onClick={() => {
            if (!confirmLeave()) return;
            setCreating(true);
            setSelected(null);
          }}
        >
          新規
        </button>
      </SubscriptionCsvToolbar>
      <ErrorNotice error={list.error} />
      <div className="master-page">
        <VirtualTable
          label="定期申込一覧"
          rows={list.data?.rows ?? []}
          columns={SUBSCRIPTION_COLUMNS}
          rowKey={(r) => r.code}
          selectedKey={selected}
          onSelect={(r) => {
            // another 申込 replaces the form: unsaved edits are asked about first
            if (r.code === selected || !confirmLeave()) return;
            setCreating(false);
            setSelected(r.code);
          }}
          emptyText="定期申込がありません。CSV取込または新規で登録してください。"
        />
        <div className="master-detail tu-detail">
          {creating ? (
            <SubscriptionForm
              key="new"
              initial={NEW_APPLICATION}
              create
              readOnly={closed}
              onSaved={(code) => {
                setCreating(false);
                setSelected(code);
              }}
            />
          ) : detail.data ? (
            <SubscriptionForm key={`${detail.data.code}-${detail.dataUpdatedAt}`} initial={detail.data} create={false} readOnly={closed} onSaved={setSelected} onDeleted={() => setSelected(null)} />
          ) : (
            <p className="placeholder">一覧から定期申込を選ぶと、ここに詳細が表示されます。</p>
          )}
          <ErrorNotice error={detail.error} />
        </div>
      </div>
    </div>
  );
}
