// A zip (xlsx) is measured before anything unpacks it: its entries must lie
// end to end as its central directory says (what a streaming reader walks is
// what was measured), use stored or deflate, and inflate — counted, output
// discarded, so memory stays flat — to at most `maxBytes` in total. A small
// file that expands to gigabytes stops at the limit.
import { createInflateRaw } from 'node:zlib';

export class ZipRefused extends Error {}

interface Entry {
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

const u16 = (b: Buffer, at: number) => b.readUInt16LE(at);
const u32 = (b: Buffer, at: number) => b.readUInt32LE(at);

function centralDirectory(zip: Buffer): { entries: Entry[]; offset: number } {
  // End of central directory: the last 22 bytes plus at most a 64 KB comment.
  let eocd = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 65_535); at--) {
    if (u32(zip, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefused('not a zip file');
  const count = u16(zip, eocd + 10);
  const offset = u32(zip, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipRefused('zip64 is not supported');
  const entries: Entry[] = [];
  for (let i = 0, at = offset; i < count; i++) {
    if (at + 46 > zip.length || u32(zip, at) !== 0x02014b50) throw new ZipRefused('broken central directory');
    entries.push({ flags: u16(zip, at + 8), method: u16(zip, at + 10), compressedSize: u32(zip, at + 20), localOffset: u32(zip, at + 42) });
    at += 46 + u16(zip, at + 28) + u16(zip, at + 30) + u16(zip, at + 32);
  }
  return { entries: entries.sort((a, b) => a.localOffset - b.localOffset), offset };
}

/** Inflates one deflate stream, counting; rejects past `budget` or when the stream does not end inside its slice. */
function inflatedSize(data: Buffer, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    let size = 0;
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        inflater.destroy();
        reject(new ZipRefused('too large when decompressed'));
      }
    });
    inflater.on('error', () => reject(new ZipRefused('corrupt compressed data')));
    inflater.on('end', () => resolve(size));
    inflater.end(data);
  });
}

/** Total decompressed bytes of the zip, or ZipRefused (malformed, unsupported, or over `maxBytes`). */
export async function assertInflatesWithin(zip: Buffer, maxBytes: number): Promise<number> {
  const { entries, offset } = centralDirectory(zip);
  let position = 0;
  let total = 0;
  for (const entry of entries) {
    if (entry.localOffset !== position || u32(zip, position) !== 0x04034b50)
      throw new ZipRefused('entries do not match the central directory');
    const start = position + 30 + u16(zip, position + 26) + u16(zip, position + 28);
    const data = zip.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) throw new ZipRefused('truncated entry');
    if (entry.method === 0) total += data.length;
    else if (entry.method === 8) total += await inflatedSize(data, maxBytes - total);
    else throw new ZipRefused(`compression method ${entry.method} is not supported`);
    if (total > maxBytes) throw new ZipRefused('too large when decompressed');
    position = start + entry.compressedSize;
    // A data descriptor (flag bit 3) follows the data: optional signature, crc, two sizes.
    if (entry.flags & 0x8) position += position + 4 <= zip.length && u32(zip, position) === 0x08074b50 ? 16 : 12;
  }
  if (position !== offset) throw new ZipRefused('entries do not match the central directory');
  return total;
}
