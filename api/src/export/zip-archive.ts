import { crc32, deflateRawSync } from "node:zlib";

export interface ZipEntry {
  /** forward slashes; UTF-8 */
  name: string;
  data: Uint8Array;
  /** false for data that is already compressed (PNG, .nii.gz), where deflate only costs time */
  compress?: boolean;
}

const MAX_ENTRIES = 0xffff;
const MAX_BYTES = 0xffffffff;

/**
 * A plain (non-ZIP64) zip archive: enough for label exports, read by every unzip tool, and no
 * dependency. Entries are deflated unless told otherwise. Throws when the archive would need
 * ZIP64 (more than 65,535 entries or 4 GiB).
 */
export function zipArchive(entries: readonly ZipEntry[]): Uint8Array {
  if (entries.length > MAX_ENTRIES) {
    throw new RangeError(
      `a zip without ZIP64 holds at most ${MAX_ENTRIES} files, not ${entries.length}`,
    );
  }
  const { time, date } = dosTimestamp(new Date());
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const compress = entry.compress ?? true;
    const body = compress ? deflateRawSync(entry.data) : entry.data;
    const checksum = crc32(entry.data) >>> 0;
    const fields = {
      method: compress ? 8 : 0,
      time,
      date,
      checksum,
      compressed: body.length,
      size: entry.data.length,
      nameLength: name.length,
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommon(local, 4, fields);
    parts.push(local, name, body);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // made by: version 2.0
    writeCommon(header, 6, fields);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += local.length + name.length + body.length;
    if (offset > MAX_BYTES)
      throw new RangeError("the archive would exceed 4 GiB, which needs ZIP64");
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

/** The fields the local header (at +4) and the central header (at +6) share, in the same order. */
function writeCommon(
  buffer: Buffer,
  at: number,
  f: {
    method: number;
    time: number;
    date: number;
    checksum: number;
    compressed: number;
    size: number;
    nameLength: number;
  },
): void {
  buffer.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  buffer.writeUInt16LE(0x0800, at + 2); // names are UTF-8
  buffer.writeUInt16LE(f.method, at + 4);
  buffer.writeUInt16LE(f.time, at + 6);
  buffer.writeUInt16LE(f.date, at + 8);
  buffer.writeUInt32LE(f.checksum, at + 10);
  buffer.writeUInt32LE(f.compressed, at + 14);
  buffer.writeUInt32LE(f.size, at + 18);
  buffer.writeUInt16LE(f.nameLength, at + 22);
}

function dosTimestamp(when: Date): { time: number; date: number } {
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2),
    date: ((when.getFullYear() - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}
