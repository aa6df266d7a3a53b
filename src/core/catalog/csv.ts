/** A CSV record and the line (1-based) of the file it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * A small RFC 4180 reader: quoted fields, doubled quotes, CRLF, a leading BOM. Each record
 * carries the line it starts on (a quoted field may span lines; blank lines are skipped but
 * still counted), so a message can name the line a person sees in an editor.
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      records.push({ line: start, cells: row });
      row = [];
      field = '';
      start = ++line;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    records.push({ line: start, cells: row });
  }
  return records.filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));
}

/** The records' cells only (see parseCsvRecords). */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.cells);
}
