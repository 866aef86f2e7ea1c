import { gzipSync } from "node:zlib";
import { ImagingError } from "./imaging-error.ts";

/** What `writeNifti` stores; the typed array's type picks the NIfTI datatype. */
export interface NiftiWritable {
  width: number;
  height: number;
  depth: number;
  /** File order: x fastest, then y, then z. */
  data: Uint8Array | Int16Array | Float32Array;
  /** Voxel size in millimetres; defaults to 1 on every axis. */
  spacing?: [number, number, number];
}

export interface WriteNiftiOptions {
  /** Produce a .nii.gz instead of a .nii. */
  gzip?: boolean;
  description?: string;
  /** Stored so readers rescale, e.g. 1/255 for a uint8-quantized probability volume. */
  sclSlope?: number;
  sclInter?: number;
}

const HEADER_BYTES = 348;
const VOX_OFFSET = 352;
const MAX_DIM = 32767;
const DESCRIPTION_BYTES = 80;
const NIFTI_XFORM_SCANNER_ANAT = 1;
const NIFTI_UNITS_MM = 2;

/**
 * Writes a little-endian single-file NIfTI-1 volume whose qform and sform both map voxel
 * (i, j, k) to (i·dx, j·dy, k·dz) mm: CrowdSeg keeps no patient orientation, so this is the
 * honest transform, and viewers still show the right voxel size.
 */
export function writeNifti(volume: NiftiWritable, options: WriteNiftiOptions = {}): Uint8Array {
  const { width, height, depth, data } = volume;
  for (const [axis, size] of [
    ["width", width],
    ["height", height],
    ["depth", depth],
  ] as const) {
    if (!Number.isInteger(size) || size < 1 || size > MAX_DIM) {
      throw new ImagingError(
        "invalid_argument",
        `NIfTI ${axis} must be a whole number in 1..${MAX_DIM}, got ${size}`,
      );
    }
  }
  const voxels = width * height * depth;
  if (data.length !== voxels) {
    throw new ImagingError(
      "size_mismatch",
      `volume is ${width}×${height}×${depth} = ${voxels} voxels but its data has ${data.length} values`,
    );
  }
  const spacing = volume.spacing ?? [1, 1, 1];
  if (!spacing.every((s) => Number.isFinite(s) && s > 0)) {
    throw new ImagingError(
      "invalid_argument",
      `NIfTI spacing must be three positive numbers, got [${spacing.join(", ")}]`,
    );
  }
  const slope = options.sclSlope ?? 1;
  const inter = options.sclInter ?? 0;
  if (!Number.isFinite(slope) || slope === 0 || !Number.isFinite(inter)) {
    throw new ImagingError(
      "invalid_argument",
      `scl_slope must be a non-zero finite number and scl_inter finite, got ${slope} and ${inter}`,
    );
  }

  const datatype = datatypeOf(data);
  const file = new Uint8Array(VOX_OFFSET + voxels * datatype.bytes);
  const view = new DataView(file.buffer);
  const le = true;
  view.setInt32(0, HEADER_BYTES, le);
  for (const [i, d] of [3, width, height, depth, 1, 1, 1, 1].entries()) {
    view.setInt16(40 + 2 * i, d, le);
  }
  view.setInt16(70, datatype.code, le);
  view.setInt16(72, datatype.bytes * 8, le);
  // pixdim[0] is qfac: +1 keeps a right-handed identity rotation.
  for (const [i, p] of [1, spacing[0], spacing[1], spacing[2], 1, 1, 1, 1].entries()) {
    view.setFloat32(76 + 4 * i, p, le);
  }
  view.setFloat32(108, VOX_OFFSET, le);
  view.setFloat32(112, slope, le);
  view.setFloat32(116, inter, le);
  view.setUint8(123, NIFTI_UNITS_MM);
  writeDescription(file, options.description ?? "");
  view.setInt16(252, NIFTI_XFORM_SCANNER_ANAT, le);
  view.setInt16(254, NIFTI_XFORM_SCANNER_ANAT, le);
  // Quaternion b, c, d and offsets stay 0: identity rotation at the origin.
  view.setFloat32(280, spacing[0], le);
  view.setFloat32(296 + 4 * 1, spacing[1], le);
  view.setFloat32(312 + 4 * 2, spacing[2], le);
  file.set([0x6e, 0x2b, 0x31, 0x00], 344); // "n+1\0"
  // Bytes 348..351 stay 0: no header extensions.

  writeVoxels(view, data);
  return options.gzip ? new Uint8Array(gzipSync(file)) : file;
}

function datatypeOf(data: NiftiWritable["data"]): { code: number; bytes: number } {
  if (data instanceof Uint8Array) return { code: 2, bytes: 1 };
  if (data instanceof Int16Array) return { code: 4, bytes: 2 };
  if (data instanceof Float32Array) return { code: 16, bytes: 4 };
  throw new ImagingError(
    "invalid_argument",
    "NIfTI data must be a Uint8Array, Int16Array or Float32Array",
  );
}

function writeVoxels(view: DataView, data: NiftiWritable["data"]): void {
  const n = data.length;
  if (data instanceof Uint8Array) {
    new Uint8Array(view.buffer, VOX_OFFSET, n).set(data);
  } else if (data instanceof Int16Array) {
    for (let i = 0; i < n; i++) view.setInt16(VOX_OFFSET + 2 * i, data[i]!, true);
  } else {
    for (let i = 0; i < n; i++) view.setFloat32(VOX_OFFSET + 4 * i, data[i]!, true);
  }
}

// The field is a fixed 80-byte, NUL-terminated Latin-1 string: longer text is cut, other
// characters become "?", because the description is informational and must not block an export.
function writeDescription(file: Uint8Array, description: string): void {
  const chars = Array.from(description.slice(0, DESCRIPTION_BYTES - 1), (c) => {
    const code = c.charCodeAt(0);
    return code < 256 ? code : 0x3f;
  });
  file.set(chars.slice(0, DESCRIPTION_BYTES - 1), 148);
}
