// Reads an uploaded department file into a header and data rows with the
// file's own line (CSV) or row (xlsx) numbers, so a bad row can be named the
// way the department sees it in their spreadsheet. Unreadable content throws
// RejectedFile: the whole import is refused.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export class RejectedFile extends Error {}

export type FileFormat = 'csv' | 'xlsx';

export interface RawRow {
  /** CSV line number / worksheet row number (the header is line 1). */
  line: number;
  cells: string[];
}

export interface RawTable {
  header: string[];
  rows: RawRow[];
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** xlsx by MIME type, file name or the zip signature; everything else is read as CSV. */
export function detectFormat(contentType: string | undefined, fileName: string, body: Buffer): FileFormat {
  if (contentType?.startsWith(XLSX_MIME) || /\.xlsx$/i.test(fileName)) return 'xlsx';
  if (body.length >= 4 && body.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  return 'csv';
}

export async function readTable(body: Buffer, format: FileFormat): Promise<RawTable> {
  const table = format === 'xlsx' ? await readXlsx(body) : readCsv(body);
  const header = table.header.map((h) => h.trim());
  if (header.every((h) => h === '')) throw new RejectedFile('文件没有表头行 (the file has no header row)');
  return { header, rows: table.rows };
}

/**
 * CSV exported by Excel on Chinese Windows is GB18030, not UTF-8: decode as
 * UTF-8 when the bytes are valid UTF-8, otherwise as GB18030.
 */
function decode(body: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('gb18030').decode(body);
  }
}

function readCsv(body: Buffer): RawTable {
  const text = decode(body);
  if (text.includes('\u0000')) throw new RejectedFile('文件不是文本 CSV (the file is not a text CSV)');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: false }) as never;
  } catch (error) {
    throw new RejectedFile(`CSV 格式错误，无法读取 (unreadable CSV): ${(error as Error).message}`);
  }
  const [first, ...rest] = records;
  if (!first) throw new RejectedFile('文件为空 (the file is empty)');
  // info.lines is the line where the record ends; a quoted multi-line cell is rare in these rolls.
  return { header: first.record, rows: rest.map((r) => ({ line: r.info.lines, cells: r.record.map((c) => c.trim()) })) };
}

/** A cell as text: dates as YYYY-MM-DD (exceljs gives UTC midnight), formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    if ('error' in value) return '';
    return '';
  }
  return String(value).trim();
}

async function readXlsx(body: Buffer): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as never);
  } catch (error) {
    throw new RejectedFile(`Excel 文件无法读取 (unreadable xlsx): ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new RejectedFile('工作簿中没有数据 (the workbook has no data)');
  let header: string[] | null = null;
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based: values[0] is empty
    const cells = Array.from(values.slice(1), (v) => cellText(v)); // holes are empty cells
    if (cells.every((c) => c === '')) return;
    if (header === null) header = cells;
    else rows.push({ line: rowNumber, cells });
  });
  if (header === null) throw new RejectedFile('工作簿中没有数据 (the workbook has no data)');
  return { header, rows };
}
