// File reading and row validation without a database: encodings, header
// aliases, date formats, certificate numbers, rejection reasons, and the
// bounds (decompressed size, rows, cell length, reported problems).
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, readTable, RejectedFile, type RawRow, type RawTable } from '../../services/crosscheck/parse.ts';
import { DATASETS, MAX_REPORTED_PROBLEMS, parseDateCell, validateTable } from '../../services/crosscheck/validate.ts';
import { xlsxBomb } from './zipBomb.ts';
import { residentIdCheckChar } from '../../kernel/identifiers/index.ts';

const id = (first17: string) => first17 + residentIdCheckChar(first17);
const A = id('34132419800101001');

async function rowsOf(table: RawTable): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return rows;
}

describe('reading department files', () => {
  it('reads GB18030 CSV (Excel on Chinese Windows) as well as UTF-8 with a BOM', async () => {
    // "身份证号,姓名,死亡日期" in GBK, then one data line.
    const header = Buffer.from('c9edb7ddd6a4bac52cd0d5c3fb2ccbc0cdf6c8d5c6da0a', 'hex');
    const gbk = Buffer.concat([header, Buffer.from(`${A},x,2020-01-02\n`)]);
    expect((await readTable(gbk, 'csv')).header).toEqual(['身份证号', '姓名', '死亡日期']);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`身份证号,姓名,死亡日期\n${A},张三,2020-01-02\n`)]);
    const table = await readTable(bom, 'csv');
    expect(table.header[0]).toBe('身份证号');
    expect(await rowsOf(table)).toEqual([{ line: 2, cells: [A, '张三', '2020-01-02'] }]);
  });

  it('rejects unreadable content and a missing required column', async () => {
    await expect(readTable(Buffer.from('PK\u0003\u0004garbage'), 'xlsx')).rejects.toBeInstanceOf(RejectedFile);
    await expect(readTable(Buffer.from('"a,b\n'), 'csv')).rejects.toBeInstanceOf(RejectedFile);
    const table = await readTable(Buffer.from(`name,died_at\nx,2020-01-01\n`), 'csv');
    await expect(validateTable('DEATHS', DATASETS.DEATHS!, table)).rejects.toThrow(/身份证号/);
  });

  it('accepts English aliases, several date formats and reports each bad value', async () => {
    const table = await readTable(
      Buffer.from(
        `id_number,name,certificate,grade,issue_date\n${A},张三,${A}12,二级,2020.3.4\n${A},李四,${A}15,5,2020-02-30\n${A},王五,X1,1,2099-01-01\n`,
      ),
      'csv',
    );
    const { good, bad } = await validateTable('DISABILITY_CERTIFICATES', DATASETS.DISABILITY_CERTIFICATES!, table);
    expect(good).toHaveLength(1);
    expect(good[0]).toMatchObject({
      line: 2,
      eventDate: '2020-03-04',
      payload: { name: '张三', certificate: `${A}12`, grade: 2, issuedAt: '2020-03-04' },
    });
    expect(bad.map((b) => b.line)).toEqual([3, 4]);
    expect(bad[0]!.reason).toMatch(/残疾等级.*；发证日期/);
    expect(bad[1]!.reason).toContain('晚于今天');
    expect(parseDateCell('2020年2月29日')).toBe('2020-02-29');
    expect(parseDateCell('2019-02-29')).toBeNull();
  });

  it('refuses a small xlsx that expands hugely, without unpacking it (memory stays flat)', async () => {
    const bomb = await xlsxBomb(1024); // about 1 MB that inflates to 1 GB
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const peakBefore = process.resourceUsage().maxRSS;
    const refused = await readTable(bomb, 'xlsx').then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(RejectedFile);
    expect((refused as Error).message).toMatch(/解压后超过 64 MB/);
    // The peak resident size of this process grew by less than one limit's worth (it was gigabytes).
    expect((process.resourceUsage().maxRSS - peakBefore) / 1024).toBeLessThan(IMPORT_LIMITS.maxInflatedBytes / 1024 / 1024);
    // The same construction under the limit is a readable workbook: the refusal is the size, not the shape.
    const small = await readTable(await xlsxBomb(2), 'xlsx');
    expect(small.header).toEqual(['身份证号', '姓名']);
    expect(await rowsOf(small)).toEqual([]);
  });

  it('refuses too many rows and overlong cells as the rows stream, naming the line', async () => {
    const limits = { ...IMPORT_LIMITS, maxRows: 3, maxCellChars: 20 };
    const four = await readTable(Buffer.from(`身份证号,姓名,死亡日期\n${`${A},x,2020-01-02\n`.repeat(4)}`), 'csv', limits);
    await expect(rowsOf(four)).rejects.toThrow(/超过 3 行/);
    const three = await readTable(Buffer.from(`身份证号,姓名,死亡日期\n${`${A},x,2020-01-02\n`.repeat(3)}`), 'csv', limits);
    expect(await rowsOf(three)).toHaveLength(3);
    const long = await readTable(
      Buffer.from(`身份证号,姓名,死亡日期\n${A},x,2020-01-02\n${A},${'长'.repeat(21)},2020-01-02\n`),
      'csv',
      limits,
    );
    await expect(rowsOf(long)).rejects.toThrow(/第 3 行有超过 20 字的单元格/);
    await expect(readTable(Buffer.from(`a\u0000b,c\n1,2\n`), 'csv')).rejects.toThrow(/不是文本 CSV/);
  });

  it('keeps the first 100 bad rows and counts all of them', async () => {
    const lines = Array.from({ length: 250 }, (_, i) => `${A},x,2020-02-${i % 2 ? '30' : '01'}`);
    const table = await readTable(Buffer.from(`身份证号,姓名,死亡日期\n${lines.join('\n')}\n`), 'csv');
    const result = await validateTable('DEATHS', DATASETS.DEATHS!, table);
    expect(result).toMatchObject({ total: 250, badCount: 125 });
    expect(result.good).toHaveLength(125);
    expect(result.bad).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(result.bad[0]).toMatchObject({ line: 3 });
    expect(result.bad.at(-1)).toMatchObject({ line: 1 + 2 * MAX_REPORTED_PROBLEMS });
  });
});
