// Reads an uploaded department file as a stream of rows (csv-parse's stream,
// exceljs's streaming reader) with the file's own line (CSV) or row (xlsx)
// numbers, so a bad row can be named the way the department sees it in their
// spreadsheet. Bounded: an xlsx's decompressed size is measured before it is
// read (zipBounds.ts), and rows and cell lengths are counted as they stream.
// Unreadable or oversized content throws RejectedFile: the whole import is refused.
import { Readable } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { assertInflatesWithin, ZipRefused } from './zipBounds.ts';

export class RejectedFile extends Error {}

export type FileFormat = 'csv' | 'xlsx';

export interface RawRow {
  /** CSV line number / worksheet row number (the header is line 1). */
  line: number;
  cells: string[];
}

export interface RawTable {
  header: string[];
  /** The data rows, read as they are consumed (once). */
  rows: AsyncIterable<RawRow>;
}

export interface ImportLimits {
  /** Decompressed bytes of an xlsx (all its parts together). */
  maxInflatedBytes: number;
  /** Data rows (the header not counted). */
  maxRows: number;
  /** Characters in one cell. */
  maxCellChars: number;
}

/** The county has about 97,000 persons: no department roll of it is longer. */
export const IMPORT_LIMITS: ImportLimits = { maxInflatedBytes: 64 * 1024 * 1024, maxRows: 100_000, maxCellChars: 1_000 };

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** xlsx by MIME type, file name or the zip signature; everything else is read as CSV. */
export function detectFormat(contentType: string | undefined, fileName: string, body: Buffer): FileFormat {
  if (contentType?.startsWith(XLSX_MIME) || /\.xlsx$/i.test(fileName)) return 'xlsx';
  if (body.length >= 4 && body.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  return 'csv';
}

/** The header row, and the data rows as a stream; RejectedFile when the file is unreadable or over a limit. */
export async function readTable(body: Buffer, format: FileFormat, limits: ImportLimits = IMPORT_LIMITS): Promise<RawTable> {
  if (format === 'xlsx') await measureXlsx(body, limits);
  const rows = bounded(format === 'xlsx' ? xlsxRows(body) : csvRows(body), limits);
  const first = await rows.next();
  if (first.done) throw new RejectedFile('文件为空 (the file is empty)');
  const header = first.value.cells.map((h) => h.trim());
  if (header.every((h) => h === '')) throw new RejectedFile('文件没有表头行 (the file has no header row)');
  return { header, rows: { [Symbol.asyncIterator]: () => rows } };
}

async function measureXlsx(body: Buffer, limits: ImportLimits): Promise<void> {
  try {
    await assertInflatesWithin(body, limits.maxInflatedBytes);
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    const mb = Math.round(limits.maxInflatedBytes / 1024 / 1024);
    throw new RejectedFile(
      error.message === 'too large when decompressed'
        ? `Excel 文件解压后超过 ${mb} MB (the xlsx is larger than ${mb} MB when decompressed)`
        : `Excel 文件无法读取 (unreadable xlsx: ${error.message})`,
    );
  }
}

/** Non-empty rows, the header included, within the row and cell limits. */
async function* bounded(rows: AsyncGenerator<RawRow>, limits: ImportLimits): AsyncGenerator<RawRow> {
  let count = -1; // the header is not a data row
  for await (const row of rows) {
    if (row.cells.every((c) => c === '')) continue;
    if (++count > limits.maxRows) throw new RejectedFile(`数据行超过 ${limits.maxRows} 行 (more than ${limits.maxRows} data rows)`);
    if (row.cells.some((c) => c.length > limits.maxCellChars)) {
      throw new RejectedFile(
        `第 ${row.line} 行有超过 ${limits.maxCellChars} 字的单元格 (line ${row.line} has a cell longer than ${limits.maxCellChars} characters)`,
      );
    }
    yield row;
  }
}

/**
 * CSV exported by Excel on Chinese Windows is GB18030, not UTF-8: decode as
 * UTF-8 when the bytes are valid UTF-8, otherwise as GB18030.
 */
async function* csvRows(body: Buffer): AsyncGenerator<RawRow> {
  const decoder = new TextDecoder(isUtf8(body) ? 'utf-8' : 'gb18030');
  const text = Readable.from(
    (function* () {
      // 64 KB at a time; `stream: true` keeps a character split across chunks whole.
      for (let at = 0; at < body.length; at += 65_536) yield decoder.decode(body.subarray(at, at + 65_536), { stream: true });
      yield decoder.decode();
    })(),
  );
  const parser = text.pipe(
    parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: false, max_record_size: 64 * 1024 }),
  );
  text.on('error', (error) => parser.destroy(error));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (record.some((c) => c.includes('\u0000'))) throw new RejectedFile('文件不是文本 CSV (the file is not a text CSV)');
      // info.lines is the line where the record ends; a quoted multi-line cell is rare in these rolls.
      yield { line: info.lines, cells: record.map((c) => c.trim()) };
    }
  } catch (error) {
    if (error instanceof RejectedFile) throw error;
    throw new RejectedFile(`CSV 格式错误，无法读取 (unreadable CSV): ${(error as Error).message}`);
  } finally {
    parser.destroy();
  }
}

/** A cell as text: dates as YYYY-MM-DD (exceljs gives UTC midnight), formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    return '';
  }
  return String(value).trim();
}

/** The first worksheet's rows, streamed (its size already measured by measureXlsx). */
async function* xlsxRows(body: Buffer): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([body]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      // Later worksheets are skipped (their entries are drained unread).
      if (sheets++ > 0) continue;
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[]; // 1-based: values[0] is empty
        yield { line: row.number, cells: Array.from(values.slice(1), (v) => cellText(v)) }; // holes are empty cells
      }
    }
  } catch (error) {
    if (error instanceof RejectedFile) throw error;
    throw new RejectedFile(`Excel 文件无法读取 (unreadable xlsx): ${(error as Error).message}`);
  }
  if (sheets === 0) throw new RejectedFile('工作簿中没有数据 (the workbook has no data)');
}
