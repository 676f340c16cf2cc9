/**
 * Life cycle of a 売上伝票: 保存 (draft) → 確定 (confirmed) → 確定取消 (cancelled: keeps its number,
 * shown as 取消, may be edited and confirmed again). Which actions each state allows, in one table.
 */
export const SALES_STATUSES = ['draft', 'confirmed', 'cancelled'] as const;
export type SalesStatus = (typeof SALES_STATUSES)[number];

export type SalesAction = 'edit' | 'confirm' | 'cancel' | 'delete';

const ALLOWED: Record<SalesStatus, readonly SalesAction[]> = {
  draft: ['edit', 'confirm', 'delete'],
  confirmed: ['cancel'],
  // a cancelled slip keeps its number: deleting it would leave a gap in the 部門's sequence
  cancelled: ['edit', 'confirm'],
};

export const STATUS_LABELS: Record<SalesStatus, string> = { draft: '未確定', confirmed: '確定', cancelled: '取消' };

export function canDo(status: SalesStatus, action: SalesAction): boolean {
  return ALLOWED[status].includes(action);
}

/** Japanese refusal for an action the state does not allow. */
export function refusal(status: SalesStatus, action: SalesAction): string {
  const what: Record<SalesAction, string> = { edit: '編集', confirm: '確定', cancel: '確定取消', delete: '削除' };
  if (status === 'confirmed') return `確定済みの売上伝票は${what[action]}できません。先に確定取消してください。`;
  if (status === 'cancelled' && action === 'delete') {
    return '確定取消した売上伝票は伝票番号を保つため削除できません。内容を修正して再度確定するか、取消のまま残してください。';
  }
  if (action === 'cancel') return '確定していない売上伝票は確定取消できません。';
  return `この売上伝票は${what[action]}できません (状態: ${STATUS_LABELS[status]})。`;
}
