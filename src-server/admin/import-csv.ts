/**
 * CSV as office people export it from Excel or LibreOffice: a header row, comma, semicolon (the
 * Indonesian Excel default) or tab separated, fields in double quotes when they hold a separator,
 * a quote ("" inside) or a line break, CRLF or LF line ends, with or without a UTF-8 BOM.
 * Every record keeps the physical line it starts on (header = line 1), so the validation report
 * points at the line the operator sees in a text editor.
 */
export interface CsvRecord {
  line: number;
  values: string[];
}

export interface CsvTable {
  delimiter: ',' | ';' | '\t';
  header: string[];
  headerLine: number;
  records: CsvRecord[];
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; line: number; reason: string };

const DELIMITERS = [',', ';', '\t'] as const;

/** The separator used most often on the header line outside quotes; a tie goes to the comma. */
function detectDelimiter(text: string): CsvTable['delimiter'] {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: CsvTable['delimiter'] = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

export function parseCsv(input: string): CsvResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let line = 1;
  let recordLine = 1;
  let values: string[] = [];
  let field = '';
  let quoted = false;
  let quoteLine = 0;
  let fieldStart = true;

  const endField = () => {
    values.push(field);
    field = '';
    fieldStart = true;
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, values });
    values = [];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
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
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      quoteLine = line;
      fieldStart = false;
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      // A quote inside an unquoted field is kept as typed (lenient, like Excel).
      field += ch;
      fieldStart = false;
    }
  }
  if (quoted) return { ok: false, line: quoteLine, reason: 'a quoted field is never closed (missing ")' };
  if (field !== '' || values.length > 0) endRecord();

  // Blank lines and rows of empty cells (Excel exports ";;;;" for formatted empty rows) carry nothing.
  const filled = records.filter((r) => r.values.some((v) => v.trim() !== ''));
  const [head, ...rest] = filled;
  if (!head) return { ok: false, line: 1, reason: 'the file is empty (a header row is expected)' };
  return { ok: true, table: { delimiter, header: head.values.map((h) => h.trim()), headerLine: head.line, records: rest } };
}
