import { describe, expect, it } from 'vitest';
import { RowReader } from './import-cells';
import { parseCsv } from './import-csv';
import { decodeText, readSource, type SourceRow } from './import-source';

function table(text: string) {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.reason);
  return result.table;
}

describe('CSV as Excel exports it', () => {
  it('reads a UTF-8 BOM, semicolons and CRLF line ends (Indonesian Excel "CSV UTF-8")', () => {
    const t = table('\uFEFFnip;name\r\n197805142003121002;Bambang\r\n198503222010012005;Dewi\r\n');
    expect(t.delimiter).toBe(';');
    expect(t.header).toEqual(['nip', 'name']);
    expect(t.records).toEqual([
      { line: 2, values: ['197805142003121002', 'Bambang'] },
      { line: 3, values: ['198503222010012005', 'Dewi'] },
    ]);
  });

  it('keeps commas, semicolons and doubled quotes inside quoted fields', () => {
    const t = table('name,roles,note\n"Setiawan, S.Sos.","staff;supervisor","says ""hi"""\n');
    expect(t.records[0]!.values).toEqual(['Setiawan, S.Sos.', 'staff;supervisor', 'says "hi"']);
  });

  it('numbers records by the physical line they start on, across quoted line breaks and blank lines', () => {
    const t = table('a,b\n1,"two\r\nlines"\n\n3,x\n;;\n,\n4,y');
    expect(t.records.map((r) => [r.line, r.values[0]])).toEqual([
      [2, '1'],
      [5, '3'],
      [6, ';;'],
      [8, '4'],
    ]);
    expect(t.records[0]!.values[1]).toBe('two\r\nlines');
  });

  it('skips rows of empty cells that Excel writes for formatted but empty rows', () => {
    const t = table('a;b\n1;2\n;\n; \n');
    expect(t.records).toEqual([{ line: 2, values: ['1', '2'] }]);
  });

  it('reads tab-separated text and a lone CR line end', () => {
    const t = table('a\tb\r1\t2\r');
    expect(t.delimiter).toBe('\t');
    expect(t.records).toEqual([{ line: 2, values: ['1', '2'] }]);
  });

  it('reports a quote that is never closed at the line where it opens', () => {
    expect(parseCsv('a,b\n1,2\n3,"open\nstill open\n')).toEqual({ ok: false, line: 3, reason: expect.stringContaining('never closed') });
  });

  it('refuses an empty file', () => {
    expect(parseCsv('\uFEFF\r\n')).toMatchObject({ ok: false, line: 1 });
  });
});

describe('reading a source', () => {
  const columns = [{ name: 'nip', required: true }, { name: 'name', required: true, aliases: ['nama'] }, { name: 'unit_code' }];

  it('matches headers loosely (case, spaces, aliases) and lists the columns it ignores', () => {
    const s = readSource('NIP;Nama;Unit Code;No\n197805142003121002;Bambang;SETDA;1\n', 'csv', columns);
    expect(s.fileIssues).toEqual([]);
    expect(s.ignoredColumns).toEqual(['No']);
    expect(Object.fromEntries(s.rows[0]!.cells)).toEqual({ nip: '197805142003121002', name: 'Bambang', unit_code: 'SETDA' });
  });

  it('names a missing required column on the header line', () => {
    const s = readSource('\n\nnip,unit\n197805142003121002,SETDA\n', 'csv', columns);
    expect(s.fileIssues).toEqual([{ line: 3, field: 'name', reason: 'missing column "name"' }]);
  });

  it('numbers JSON rows by array index + 1 and flags items that are not objects', () => {
    const s = readSource('[{"nip":"197805142003121002","nama":"B"}, 5]', 'json', columns);
    expect(s.rows.map((r) => [r.line, r.problem ?? null])).toEqual([
      [1, null],
      [2, expect.stringContaining('expected an object')],
    ]);
    expect(readSource('{"nip":1}', 'json', columns).fileIssues[0]!.reason).toMatch(/array/);
    expect(readSource('[{"nip":', 'json', columns).fileIssues[0]!.reason).toMatch(/not valid JSON/);
  });

  it('decodes UTF-16 (Excel "Unicode text") and refuses text that is not UTF-8', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from('a\tb', 'utf16le'))]);
    expect(decodeText(utf16)).toEqual({ ok: true, text: 'a\tb' });
    expect(decodeText(new Uint8Array([0x4e, 0x61, 0x6d, 0x61, 0xe9, 0x0a]))).toMatchObject({ ok: false, reason: expect.stringContaining('CSV UTF-8') });
  });
});

describe('cells', () => {
  const reader = (cells: Record<string, unknown>) => new RowReader({ line: 7, cells: new Map(Object.entries(cells)) } satisfies SourceRow);

  it('accepts NIPs with the printed spaces and explains the Excel and JSON traps', () => {
    const r = reader({ a: '19940211 201902 2 003', b: '1.99108E+17', c: Number('199108172015031001'), d: '1234' });
    expect(r.nip('a')).toBe('199402112019022003');
    expect(r.nip('b')).toBeNull();
    expect(r.nip('c')).toBeNull();
    expect(r.nip('d')).toBeNull();
    expect(r.issues.map((i) => i.reason)).toEqual([
      expect.stringContaining("Excel's scientific notation"),
      expect.stringContaining('as a JSON number it loses digits'),
      'NIP must be 18 digits (got "1234")',
    ]);
    expect(r.issues.every((i) => i.line === 7)).toBe(true);
  });

  it('reads ISO and day-first dates, and refuses impossible ones', () => {
    const r = reader({ a: '2027-03-15', b: '5/3/2027', c: '2027-02-30', d: 46023 });
    expect([r.date('a'), r.date('b'), r.date('c'), r.date('d')]).toEqual(['2027-03-15', '2027-03-05', null, null]);
    expect(r.issues.map((i) => i.reason)).toEqual([expect.stringContaining('bad date "2027-02-30"'), expect.stringContaining('Excel serial number')]);
  });

  it('reads whole numbers with Indonesian thousands grouping and enforces the range', () => {
    const r = reader({ a: '4.200.000', b: '0', c: '1,5', d: 30 });
    expect(r.int('a', { min: 0 })).toBe(4_200_000);
    expect(r.int('b', { min: 1 })).toBeNull();
    expect(r.int('c')).toBeNull();
    expect(r.int('d', { min: 1 })).toBe(30);
    expect(r.issues.map((i) => i.reason)).toEqual(['"b" must be positive (got 0)', '"c" must be a whole number (got "1,5")']);
  });

  it('reads yes/no words, role lists and choices, and names the missing value', () => {
    const r = reader({ a: 'Ya', b: 'tidak', roles: 'Staff; supervisor', kind: 'Cuti Bersama', bad: 'kepala' });
    expect([r.bool('a', false), r.bool('b', true), r.bool('absent', true)]).toEqual([true, false, true]);
    expect(r.list('roles', ['staff', 'supervisor'], ['staff'])).toEqual(['staff', 'supervisor']);
    expect(r.choice('kind', ['libur_nasional', 'cuti_bersama'])).toBe('cuti_bersama');
    expect(r.list('bad', ['staff'], ['staff'])).toBeNull();
    expect(r.text('name', { required: true })).toBeNull();
    expect(r.issues.map((i) => i.reason)).toEqual([expect.stringContaining('unknown bad "kepala"'), 'missing value for "name"']);
  });
});
