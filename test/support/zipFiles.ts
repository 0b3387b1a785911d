/**
 * Reading and writing zip containers (.xlsx, .docx) entry by entry, for tests and the fuzzer that
 * build bombs, liars and mutated real files. `declaredSize` lets an entry's central directory lie.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { readCentralDirectory } from '../../src/server/http/zipGuard';

export interface ZipPart {
  name: string;
  data: Buffer;
  /** What the directories say the inflated size is; the real size when absent. */
  declaredSize?: number;
  /** Store instead of deflate. */
  stored?: boolean;
}

export function readZip(bytes: Uint8Array): ZipPart[] {
  const buf = Buffer.from(bytes);
  return readCentralDirectory(buf, 'zip', () => new Error('not a zip')).map((e) => {
    const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
    const raw = buf.subarray(start, start + e.compressedSize);
    return { name: e.name, data: e.method === 0 ? Buffer.from(raw) : inflateRawSync(raw) };
  });
}

export function writeZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const body = p.stored ? p.data : deflateRawSync(p.data);
    const size = p.declaredSize ?? p.data.length;
    const header = (signature: number, length: number) => {
      const h = Buffer.alloc(length);
      h.writeUInt32LE(signature, 0);
      return h;
    };
    const local = header(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(p.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc32(p.data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = header(0x02014b50, 46);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(p.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc32(p.data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
