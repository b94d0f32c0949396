// File reading and row validation without a database: encodings, header
// aliases, date formats, certificate numbers and rejection reasons.
import { describe, expect, it } from 'vitest';
import { readTable, RejectedFile } from '../../services/crosscheck/parse.ts';
import { DATASETS, parseDateCell, validateRows } from '../../services/crosscheck/validate.ts';
import { residentIdCheckChar } from '../../kernel/identifiers/index.ts';

const id = (first17: string) => first17 + residentIdCheckChar(first17);
const A = id('34132419800101001');

describe('reading department files', () => {
  it('reads GB18030 CSV (Excel on Chinese Windows) as well as UTF-8 with a BOM', async () => {
    // "身份证号,姓名,死亡日期" in GBK, then one data line.
    const header = Buffer.from('c9edb7ddd6a4bac52cd0d5c3fb2ccbc0cdf6c8d5c6da0a', 'hex');
    const gbk = Buffer.concat([header, Buffer.from(`${A},x,2020-01-02\n`)]);
    expect((await readTable(gbk, 'csv')).header).toEqual(['身份证号', '姓名', '死亡日期']);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`身份证号,姓名,死亡日期\n${A},张三,2020-01-02\n`)]);
    const table = await readTable(bom, 'csv');
    expect(table.header[0]).toBe('身份证号');
    expect(table.rows).toEqual([{ line: 2, cells: [A, '张三', '2020-01-02'] }]);
  });

  it('rejects unreadable content and a missing required column', async () => {
    await expect(readTable(Buffer.from('PK\u0003\u0004garbage'), 'xlsx')).rejects.toBeInstanceOf(RejectedFile);
    await expect(readTable(Buffer.from('"a,b\n'), 'csv')).rejects.toBeInstanceOf(RejectedFile);
    const table = await readTable(Buffer.from(`name,died_at\nx,2020-01-01\n`), 'csv');
    expect(() => validateRows('DEATHS', DATASETS.DEATHS!, table)).toThrow(/身份证号/);
  });

  it('accepts English aliases, several date formats and reports each bad value', async () => {
    const table = await readTable(Buffer.from(
      `id_number,name,certificate,grade,issue_date\n${A},张三,${A}12,二级,2020.3.4\n${A},李四,${A}15,5,2020-02-30\n${A},王五,X1,1,2099-01-01\n`), 'csv');
    const { good, bad } = validateRows('DISABILITY_CERTIFICATES', DATASETS.DISABILITY_CERTIFICATES!, table);
    expect(good).toHaveLength(1);
    expect(good[0]).toMatchObject({ line: 2, eventDate: '2020-03-04', payload: { name: '张三', certificate: `${A}12`, grade: 2, issuedAt: '2020-03-04' } });
    expect(bad.map((b) => b.line)).toEqual([3, 4]);
    expect(bad[0]!.reason).toMatch(/残疾等级.*；发证日期/);
    expect(bad[1]!.reason).toContain('晚于今天');
    expect(parseDateCell('2020年2月29日')).toBe('2020-02-29');
    expect(parseDateCell('2019-02-29')).toBeNull();
  });
});
