/**
 * A quick reader for the plain CSV almost every file is: cells either unquoted (a '"' inside one is
 * just a character) or wholly quoted with '""' for a quote inside, separated by ',' and ended by
 * CRLF, LF or CR. It gives exactly the records csv-parse gives for such text (with the options of
 * csv-records.ts); at the first record it is not certain of (text after a closing quote, a quote
 * left open at the end, a record longer than PLAIN_MAX_RECORD_CHARS) it stops and hands the
 * text from that record's start back, and csv-parse reads the rest, so every unusual case and every
 * parse error still gets csv-parse's answer. The same split as the fast cell rules and the schema
 * (master-csv-fast-cells.ts).
 *
 * Why: csv-parse was about two thirds of reading a 100,000-row 商品 file (bench/RESULTS.md,
 * section 2, session 7); this reader does the same records in a small fraction of that.
 * test/unit/csv/csv-plain-records.property.test.ts compares it with csv-parse on random text.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Records longer than this (characters, line end included) go to csv-parse: it enforces the row
 * limit (MAX_CSV_ROW_CHARS) with its own messages, and an unfinished record is never carried
 * from piece to piece for long.
 */
export const PLAIN_MAX_RECORD_CHARS = 1 << 14;

/** What feed() left: nothing (all read, or the caller stopped), or the text csv-parse must read from here on. */
export type PlainFeed = { unsure: false } | { unsure: true; rest: string };

const DONE: PlainFeed = { unsure: false };

/** Reads pieces of CSV text in order; each complete record goes to onCells (false: stop reading). */
export class PlainCsvRecords {
  /** the start of a record not finished by the pieces so far */
  private carry = '';

  /**
   * Reads one more piece (`final`: the last one). A record whose end the piece does not show yet
   * (its line end may be the CR of a CRLF, or its quote still open) waits for the next piece.
   */
  feed(piece: string, final: boolean, onCells: (cells: string[]) => boolean): PlainFeed {
    const t = this.carry === '' ? piece : this.carry + piece;
    this.carry = '';
    const n = t.length;
    let i = 0;
    while (i < n) {
      const start = i;
      const cells: string[] = [];
      // one field per turn; `wait`: the record goes on in the next piece
      let wait = false;
      for (;;) {
        if (i < n && t.charCodeAt(i) === QUOTE) {
          let from = i + 1;
          let value = '';
          for (;;) {
            const q = t.indexOf('"', from);
            // an open quote at the very end is csv-parse's error to report
            if (q < 0) {
              if (final) return this.unsure(t, start);
              wait = true;
              break;
            }
            if (q + 1 >= n && !final) {
              wait = true;
              break;
            }
            if (t.charCodeAt(q + 1) === QUOTE) {
              value += t.slice(from, q + 1);
              from = q + 2;
              continue;
            }
            value += t.slice(from, q);
            i = q + 1;
            break;
          }
          if (wait) break;
          cells.push(value);
          const next = i < n ? t.charCodeAt(i) : -1;
          // text after the closing quote: csv-parse either refuses it or keeps the quotes
          if (next !== COMMA && next !== LF && next !== CR && next !== -1) return this.unsure(t, start);
        } else {
          let j = i;
          for (; j < n; j++) {
            const c = t.charCodeAt(j);
            // a '"' after the first character of an unquoted cell is the character itself (3" パイプ),
            // as csv-parse's relax_quotes keeps it
            if (c === COMMA || c === LF || c === CR) break;
          }
          cells.push(t.slice(i, j));
          i = j;
        }
        if (i - start > PLAIN_MAX_RECORD_CHARS) return this.unsure(t, start);
        const end = i < n ? t.charCodeAt(i) : -1;
        if (end === COMMA) {
          i++;
          continue;
        }
        if (end === LF) {
          i++;
          break;
        }
        if (end === CR) {
          if (i + 1 < n) i += t.charCodeAt(i + 1) === LF ? 2 : 1;
          else if (final) i++;
          // a CR as the piece's last character may be the first half of a CRLF
          else wait = true;
          break;
        }
        // the end of the text: the record goes on in the next piece, or is the file's last, without a line end
        if (!final) wait = true;
        break;
      }
      if (wait) {
        this.carry = t.slice(start);
        return this.carry.length > PLAIN_MAX_RECORD_CHARS ? this.unsure(t, start) : DONE;
      }
      if (i - start > PLAIN_MAX_RECORD_CHARS) return this.unsure(t, start);
      if (!onCells(cells)) return DONE;
    }
    return DONE;
  }

  private unsure(t: string, start: number): PlainFeed {
    this.carry = '';
    return { unsure: true, rest: t.slice(start) };
  }
}
