/**
 * What the last CSV取込 / CSV出力 of a screen did: its success line, or its error with the
 * problems of a refused file by row and column.
 */
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { CsvProblemTable } from './CsvProblemTable';

export function CsvOutcome({ notice, error }: { notice: string | null; error: unknown }) {
  return (
    <>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorNotice error={error} />
      <CsvProblemTable error={error} />
    </>
  );
}
