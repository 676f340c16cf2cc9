/**
 * A date field that reads the same on every PC: the browser's own <input type="date"> shows the
 * OS locale's order (12/04/2026 on an English Windows), so dates are typed as text instead
 * (2026/12/4, 20261204, 12/4 …, see parseDateText) and shown back as 2026/12/04(金).
 * The value in and out is the business date 'YYYY-MM-DD' ('' when empty).
 */
import { useEffect, useState } from 'react';
import { jstDateOf } from '../../src-shared/domain/jst-date';
import { formatJstDate, parseDateText } from '../format/datetime';

export interface DateInputProps {
  value: string;
  onChange: (ymd: string) => void;
  id?: string;
  'aria-label'?: string;
  /** marked invalid from outside (main refused the date): the input gets aria-invalid */
  invalid?: boolean;
  /** called with a Japanese message while the text is no date, and with null once it is one again */
  onInvalid?: (message: string | null) => void;
}

export const DATE_INPUT_PLACEHOLDER = '年/月/日';
export const DATE_INPUT_MESSAGE = '日付は「2026/12/04」の形で入力してください(「12/4」「20261204」も可)。';

const shown = (v: string) => (v ? formatJstDate(v, { weekday: true }) : '');

export function DateInput({ value, onChange, id, onInvalid, invalid: markedInvalid, ...rest }: DateInputProps) {
  const [text, setText] = useState(shown(value));
  const [invalid, setInvalid] = useState(false);
  // a value set from outside (a reset, another record) replaces what is shown
  useEffect(() => {
    setText(shown(value));
    setInvalid(false);
  }, [value]);

  const commit = () => {
    if (text.trim() === '') {
      setInvalid(false);
      onInvalid?.(null);
      if (value !== '') onChange('');
      return;
    }
    const ymd = parseDateText(text, jstDateOf(Date.now()));
    if (ymd === null) {
      setInvalid(true);
      onInvalid?.(DATE_INPUT_MESSAGE);
      return;
    }
    setInvalid(false);
    onInvalid?.(null);
    setText(shown(ymd));
    if (ymd !== value) onChange(ymd);
  };

  return (
    <input
      type="text"
      className="date-input"
      inputMode="numeric"
      autoComplete="off"
      id={id}
      aria-label={rest['aria-label']}
      aria-invalid={invalid || markedInvalid || undefined}
      title={invalid ? DATE_INPUT_MESSAGE : undefined}
      placeholder={DATE_INPUT_PLACEHOLDER}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
