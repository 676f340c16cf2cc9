/**
 * The options of a master picker (得意先, 倉庫, 商品 …): a blank 「選択してください」 first, then
 * 「code name」 per row, with （未確定） after a row not yet 確定 when `markUnconfirmed` is set.
 */
export interface CodeNameRow {
  id: number;
  code: string;
  name: string;
  confirmed?: boolean;
}

export function CodeNameOptions({ rows, markUnconfirmed = false }: { rows: readonly CodeNameRow[] | undefined; markUnconfirmed?: boolean }) {
  return (
    <>
      <option value="">選択してください</option>
      {(rows ?? []).map((r) => (
        <option key={r.id} value={r.id}>
          {r.code} {r.name}
          {markUnconfirmed && r.confirmed === false ? '（未確定）' : ''}
        </option>
      ))}
    </>
  );
}
