/**
 * The options of a select over a fixed list of values (状態, 種類, 集計単位 …), each shown by its
 * Japanese label; `all` adds a first blank option (「すべての状態」) for a filter that can be off.
 */
export function LabelOptions<T extends string>({ values, labels, all }: { values: readonly T[]; labels: Readonly<Record<T, string>>; all?: string }) {
  return (
    <>
      {all === undefined ? null : <option value="">{all}</option>}
      {values.map((v) => (
        <option key={v} value={v}>
          {labels[v]}
        </option>
      ))}
    </>
  );
}
