// Writes rows to .xlsx (exceljs) or CSV and hands the file to the browser.
// Cells come from the database, that is from anyone who can type into a form or
// an import: a value a spreadsheet would run as a formula is neutralised.
import type { Column } from './columns.ts';

// OWASP "CSV injection": these first characters start a formula (or, tab and CR,
// hide one). A plain number such as -12.5 is a number, not a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** True for text a spreadsheet would read as a formula. */
export const formulaLike = (text: string): boolean => FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);

/** A CSV cell's text: formula-like values get a leading single quote (the OWASP rule). */
export const neutralise = (text: string): string => (formulaLike(text) ? `'${text}` : text);

export async function xlsxBlob(sheetName: string, columns: Column[], records: Record<string, any>[]): Promise<Blob> {
  // Loaded on first export: exceljs is large and most sessions never export.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '防返贫监测与帮扶管理后台';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const record of records) {
    const row = sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, cellValue(c.value(record))])));
    // exceljs writes strings as strings, never formulas; the Text format keeps Excel from
    // turning them into one when the cell is edited.
    row.eachCell((cell) => {
      if (typeof cell.value === 'string' && formulaLike(cell.value)) cell.numFmt = '@';
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** Numbers stay numbers in Excel (money arrives as decimal strings). */
function cellValue(value: unknown): unknown {
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) && value.length < 15 && !/^0\d/.test(value)) return Number(value);
  return value;
}

export function csvBlob(columns: Column[], records: Record<string, any>[]): Blob {
  const escape = (v: unknown) => {
    const text = neutralise(v == null ? '' : String(v));
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map((c) => escape(c.header)).join(',')];
  for (const record of records) lines.push(columns.map((c) => escape(c.value(record))).join(','));
  // The BOM makes Excel read the Chinese text as UTF-8.
  return new Blob(['\uFEFF', lines.join('\r\n')], { type: 'text/csv;charset=utf-8' });
}

export const stamp = () => new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '');
