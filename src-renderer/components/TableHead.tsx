/** The header row of a plain data table (`table.data`), one cell per heading ('' leaves a cell empty). */
export function TableHead({ headings }: { headings: readonly string[] }) {
  return (
    <thead>
      <tr>
        {headings.map((h, i) => (
          <th key={`${i}-${h}`}>{h}</th>
        ))}
      </tr>
    </thead>
  );
}
