// Writes rows to .xlsx (exceljs) or CSV and hands the file to the browser.
import type { Column } from './columns.ts';

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
    sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, cellValue(c.value(record))])));
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
    const text = v == null ? '' : String(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map((c) => escape(c.header)).join(',')];
  for (const record of records) lines.push(columns.map((c) => escape(c.value(record))).join(','));
  // The BOM makes Excel read the Chinese text as UTF-8.
  return new Blob(['\uFEFF', lines.join('\r\n')], { type: 'text/csv;charset=utf-8' });
}

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const stamp = () => new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '');
