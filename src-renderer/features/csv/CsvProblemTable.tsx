/** The problems of a rejected CSV file as a table 行 / 列 / 内容, so a clerk can fix them one by one. */
import type { FieldProblem } from '../../../src-shared/errors';
import { ApiError } from '../../ipc/api';

/** Strips the "N行目「列」: " prefix main puts on each message; the table has its own columns. */
function content(p: FieldProblem): string {
  return p.message.replace(/^\d+行目(「[^」]*」)?[:：]\s*/, '');
}

/** The problems of a CSV error that name a place (and the closing 「ほかにもN件」 line). */
function csvProblemsOf(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  return (error.data.fields ?? []).filter((f) => f.row !== undefined || f.path === 'more');
}

/** Renders nothing unless `error` is a CSV error with problems by row and column. */
export function CsvProblemTable({ error }: { error: unknown }) {
  const problems = csvProblemsOf(error);
  if (problems.length === 0) return null;
  return (
    <div className="csv-problems">
      <table className="data" aria-label="CSVの誤り">
        <thead>
          <tr>
            <th scope="col">行</th>
            <th scope="col">列</th>
            <th scope="col">内容</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i}>
              <td className="num">{p.row ?? ''}</td>
              <td>{p.column ?? ''}</td>
              <td>{content(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
