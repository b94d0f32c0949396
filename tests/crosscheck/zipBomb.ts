// A well-formed xlsx whose worksheet inflates to `inflatedMb` megabytes (blank
// space between two rows, valid XML) from about a thousandth of that: the
// deflate stream repeats one fully-flushed block of 1 MB of spaces.
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>身份证号</t></is></c><c r="B1" t="inlineStr"><is><t>姓名</t></is></c></row>';
const SHEET_TAIL = '</sheetData></worksheet>';

const PARTS: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

/** Raw deflate of head + `megabytes` × 1 MB of spaces + tail, without ever holding the inflated text. */
async function bombStream(megabytes: number): Promise<{ data: Buffer; size: number; crc: number }> {
  const deflater = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflater.on('data', (c: Buffer) => chunks.push(c));
  // Flushed output arrives as 'data' after the flush callback: wait a turn of the event loop too.
  const flushed = () => new Promise<void>((resolve) => deflater.flush(constants.Z_FULL_FLUSH, () => setImmediate(resolve)));
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  deflater.write(SHEET_HEAD);
  await flushed();
  const before = chunks.length;
  deflater.write(spaces);
  await flushed();
  const block = Buffer.concat(chunks.splice(before));
  for (let i = 0; i < megabytes; i++) chunks.push(block);
  const done = new Promise((resolve) => deflater.once('end', resolve));
  deflater.end(SHEET_TAIL);
  await done;
  let crc = crc32(SHEET_HEAD);
  for (let i = 0; i < megabytes; i++) crc = crc32(spaces, crc);
  crc = crc32(SHEET_TAIL, crc);
  return {
    data: Buffer.concat(chunks),
    size: Buffer.byteLength(SHEET_HEAD) + megabytes * spaces.length + Buffer.byteLength(SHEET_TAIL),
    crc,
  };
}

/** A zip of stored-as-deflate entries (no zip64: sizes are taken modulo 2^32, as a bomb's would be). */
function zip(entries: { name: string; data: Buffer; size: number; crc: number }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(e.crc >>> 0, 14);
    header.writeUInt32LE(e.data.length, 18);
    header.writeUInt32LE(e.size % 2 ** 32, 22);
    header.writeUInt16LE(name.length, 26);
    locals.push(header, name, e.data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.size % 2 ** 32, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export async function xlsxBomb(inflatedMb: number): Promise<Buffer> {
  const parts = Object.entries(PARTS).map(([name, text]) => ({
    name,
    data: deflateRawSync(text),
    size: Buffer.byteLength(text),
    crc: crc32(text),
  }));
  return zip([...parts, { name: 'xl/worksheets/sheet1.xml', ...(await bombStream(inflatedMb)) }]);
}
