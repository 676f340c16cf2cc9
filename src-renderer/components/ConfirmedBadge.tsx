/** 確定 / 未確定 of a record or slip, as the badge every list and detail shows. */
export function ConfirmedBadge({ confirmed }: { confirmed: boolean }) {
  return <span className={`badge ${confirmed ? 'badge-ok' : 'badge-draft'}`}>{confirmed ? '確定' : '未確定'}</span>;
}
