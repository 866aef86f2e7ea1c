/**
 * Test support: writes NIfTI-1 files field by field, independently of `writeNifti`, so the
 * reader can be checked on every datatype, both byte orders and deliberately broken headers.
 */
export interface NiftiFixture {
  /** The whole dim[] prefix, dim[0] first: [3, width, height, depth]. */
  dim: number[];
  datatype: number;
  values: ArrayLike<number>;
  littleEndian?: boolean;
  pixdim?: [number, number, number];
  sclSlope?: number;
  sclInter?: number;
  magic?: string;
  voxOffset?: number;
  description?: string;
}

const SETTERS: Record<
  number,
  { bytes: number; set: (v: DataView, o: number, x: number, le: boolean) => void }
> = {
  2: { bytes: 1, set: (v, o, x) => v.setUint8(o, x) },
  256: { bytes: 1, set: (v, o, x) => v.setInt8(o, x) },
  4: { bytes: 2, set: (v, o, x, le) => v.setInt16(o, x, le) },
  512: { bytes: 2, set: (v, o, x, le) => v.setUint16(o, x, le) },
  8: { bytes: 4, set: (v, o, x, le) => v.setInt32(o, x, le) },
  16: { bytes: 4, set: (v, o, x, le) => v.setFloat32(o, x, le) },
  64: { bytes: 8, set: (v, o, x, le) => v.setFloat64(o, x, le) },
  128: { bytes: 3, set: (v, o, x) => v.setUint8(o, x) },
};

export function buildNifti(fixture: NiftiFixture): Uint8Array {
  const le = fixture.littleEndian ?? true;
  const setter = SETTERS[fixture.datatype];
  if (setter === undefined)
    throw new Error(`fixture has no writer for datatype ${fixture.datatype}`);
  const voxOffset = fixture.voxOffset ?? 352;
  // A broken vox_offset below the header still needs room for the whole header.
  const file = new Uint8Array(Math.max(voxOffset, 352) + fixture.values.length * setter.bytes);
  const view = new DataView(file.buffer);
  view.setInt32(0, 348, le);
  for (let i = 0; i < 8; i++) view.setInt16(40 + 2 * i, fixture.dim[i] ?? 1, le);
  view.setInt16(70, fixture.datatype, le);
  view.setInt16(72, setter.bytes * 8, le);
  const pixdim = fixture.pixdim ?? [1, 1, 1];
  for (let i = 0; i < 3; i++) view.setFloat32(80 + 4 * i, pixdim[i]!, le);
  view.setFloat32(108, voxOffset, le);
  view.setFloat32(112, fixture.sclSlope ?? 0, le);
  view.setFloat32(116, fixture.sclInter ?? 0, le);
  const description = fixture.description ?? "";
  for (let i = 0; i < description.length; i++) file[148 + i] = description.charCodeAt(i);
  const magic = fixture.magic ?? "n+1\0";
  for (let i = 0; i < 4; i++) file[344 + i] = magic.charCodeAt(i);
  for (let i = 0; i < fixture.values.length; i++) {
    setter.set(view, voxOffset + i * setter.bytes, fixture.values[i]!, le);
  }
  return file;
}
