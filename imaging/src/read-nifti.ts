import { gunzipSync, constants as zlibConstants } from "node:zlib";
import { describeLeadingBytes } from "./describe-leading-bytes.ts";
import { ImagingError } from "./imaging-error.ts";
import {
  describeUnsupportedDatatype,
  findNiftiDatatype,
  type NiftiDatatype,
  type NiftiDatatypeName,
  SUPPORTED_DATATYPE_NAMES,
} from "./nifti-datatype.ts";

/**
 * A NIfTI-1 image as the rest of CrowdSeg sees it: one frame, intensities scaled by the header's
 * scl_slope/scl_inter, voxels in file order (x fastest, then y, then z).
 */
export interface NiftiVolume {
  width: number;
  height: number;
  depth: number;
  data: Float32Array;
  /** Voxel size from pixdim[1..3]; a zero, negative or missing entry reads as 1. */
  spacing: [number, number, number];
  /** The stored voxel type, before scaling. */
  datatype: NiftiDatatypeName;
  /** The slope and intercept that were applied: 1 and 0 when the header asks for none. */
  sclSlope: number;
  sclInter: number;
  description: string;
}

export interface ReadNiftiOptions {
  /** Refuse headers claiming more voxels than this, before allocating anything. */
  maxVoxels?: number;
}

const HEADER_BYTES = 348;
const DEFAULT_MAX_VOXELS = 2 ** 28;
// Headroom over the voxel data for header extensions when capping gunzip output.
const EXTENSION_ALLOWANCE_BYTES = 16 * 1024 * 1024;
// Stays below Node's Buffer limit on every supported platform.
const MAX_INFLATED_BYTES = 2 ** 31 - 1;

interface Inflated {
  bytes: Uint8Array;
  gzipped: boolean;
  /** The gzip stream ended early; `bytes` holds what could be decompressed. */
  cutOff: boolean;
}

export function readNifti(bytes: Uint8Array, options: ReadNiftiOptions = {}): NiftiVolume {
  const maxVoxels = options.maxVoxels ?? DEFAULT_MAX_VOXELS;
  const inflated = inflateIfGzipped(bytes, maxVoxels);
  const file = inflated.bytes;
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const sourceName = inflated.gzipped ? "the decompressed file" : "the file";

  const littleEndian = detectEndianness(view, file, inflated);
  if (file.length < HEADER_BYTES) {
    throw new ImagingError(
      "nifti_truncated",
      `${sourceName} has only ${file.length} bytes, but a NIfTI-1 header alone is ${HEADER_BYTES}` +
        cutOffNote(inflated),
    );
  }
  checkMagic(file);

  const dims = readDims(view, littleEndian);
  const datatype = readDatatype(view, littleEndian);
  const voxels = dims.width * dims.height * dims.depth;
  const shape = `${dims.width}×${dims.height}×${dims.depth}`;
  if (voxels > maxVoxels) {
    throw new ImagingError(
      "image_too_large",
      `NIfTI header claims ${shape} = ${voxels} voxels, more than the limit of ${maxVoxels}`,
    );
  }

  const voxOffset = view.getFloat32(108, littleEndian);
  if (!Number.isInteger(voxOffset) || voxOffset < HEADER_BYTES) {
    throw new ImagingError(
      "nifti_bad_header",
      `NIfTI header has vox_offset ${voxOffset}; a single-file .nii needs a whole number ≥ ${HEADER_BYTES}`,
    );
  }
  const neededBytes = voxels * datatype.bytes;
  if (voxOffset + neededBytes > file.length) {
    throw new ImagingError(
      "nifti_truncated",
      `NIfTI header says ${shape} ${datatype.name} voxels (${neededBytes} bytes) from offset ${voxOffset}, ` +
        `but ${sourceName} has only ${file.length} bytes${cutOffNote(inflated)}`,
    );
  }
  if (inflated.cutOff) {
    throw new ImagingError(
      "nifti_truncated",
      "the gzip stream is cut off before its end, so the upload is incomplete and cannot be verified",
    );
  }

  const { slope, inter } = readScaling(view, littleEndian);
  const data = new Float32Array(voxels);
  readScaledVoxels(view, { offset: voxOffset, datatype, littleEndian, slope, inter }, data);

  return {
    width: dims.width,
    height: dims.height,
    depth: dims.depth,
    data,
    spacing: readSpacing(view, littleEndian),
    datatype: datatype.name,
    sclSlope: slope,
    sclInter: inter,
    description: readDescription(file),
  };
}

function inflateIfGzipped(bytes: Uint8Array, maxVoxels: number): Inflated {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    return { bytes, gzipped: false, cutOff: false };
  }
  const maxOutputLength = Math.min(
    MAX_INFLATED_BYTES,
    maxVoxels * 8 + HEADER_BYTES + EXTENSION_ALLOWANCE_BYTES,
  );
  try {
    return { bytes: gunzipSync(bytes, { maxOutputLength }), gzipped: true, cutOff: false };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "Z_BUF_ERROR") {
      // Keep what decompresses, so the message can say how much of the volume is there.
      const partial = gunzipSync(bytes, {
        maxOutputLength,
        finishFlush: zlibConstants.Z_SYNC_FLUSH,
      });
      return { bytes: partial, gzipped: true, cutOff: true };
    }
    if (code === "ERR_BUFFER_TOO_LARGE") {
      throw new ImagingError(
        "image_too_large",
        `the .nii.gz decompresses to more than ${maxOutputLength} bytes, over the limit for ${maxVoxels} voxels`,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImagingError("nifti_corrupt", `the .nii.gz is not a valid gzip stream: ${reason}`);
  }
}

function cutOffNote(inflated: Inflated): string {
  return inflated.cutOff ? " (the gzip stream is cut off: the upload is incomplete)" : "";
}

function detectEndianness(view: DataView, file: Uint8Array, inflated: Inflated): boolean {
  if (file.length >= 4) {
    if (view.getInt32(0, true) === HEADER_BYTES) return true;
    if (view.getInt32(0, false) === HEADER_BYTES) return false;
    if (view.getInt32(0, true) === 540 || view.getInt32(0, false) === 540) {
      throw new ImagingError(
        "nifti_bad_header",
        "this is a NIfTI-2 file (sizeof_hdr 540); only NIfTI-1 is supported, save it as NIfTI-1",
      );
    }
  }
  if (inflated.cutOff && file.length < 4) {
    throw new ImagingError(
      "nifti_truncated",
      `the gzip stream is cut off after ${file.length} decompressed bytes, before the NIfTI header`,
    );
  }
  const what = inflated.gzipped ? "gzip data that is not NIfTI-1" : "not a NIfTI-1 file";
  throw new ImagingError(
    "not_an_image",
    `upload is ${what}: expected sizeof_hdr 348 in the first 4 bytes, found ${describeLeadingBytes(file)}`,
  );
}

function checkMagic(file: Uint8Array): void {
  const magic = file.subarray(344, 348);
  const text = String.fromCharCode(...magic);
  if (text === "n+1\0") return;
  if (text === "ni1\0") {
    throw new ImagingError(
      "nifti_bad_header",
      'this is the header of a two-file NIfTI pair (magic "ni1", data in a separate .img); ' +
        "upload a single-file .nii or .nii.gz instead",
    );
  }
  throw new ImagingError(
    "nifti_bad_header",
    `NIfTI magic is ${JSON.stringify(text)} instead of "n+1\\0" (an Analyze 7.5 header, or a damaged file)`,
  );
}

function readDims(
  view: DataView,
  littleEndian: boolean,
): { width: number; height: number; depth: number } {
  const dim = Array.from({ length: 8 }, (_, i) => view.getInt16(40 + 2 * i, littleEndian));
  const rank = dim[0]!;
  if (rank < 2 || rank > 4) {
    throw new ImagingError(
      "nifti_bad_header",
      `NIfTI header has dim[0] = ${rank}; only 2-D, 3-D, or 4-D with a single frame are supported`,
    );
  }
  for (let axis = 1; axis <= rank; axis++) {
    if (dim[axis]! <= 0) {
      throw new ImagingError(
        "nifti_bad_header",
        `NIfTI header has dim[${axis}] = ${dim[axis]}; every dimension must be positive`,
      );
    }
  }
  if (rank === 4 && dim[4] !== 1) {
    throw new ImagingError(
      "nifti_bad_header",
      `NIfTI file is 4-D with ${dim[4]} frames; only one frame is supported, split the series into volumes`,
    );
  }
  return { width: dim[1]!, height: dim[2]!, depth: rank >= 3 ? dim[3]! : 1 };
}

function readDatatype(view: DataView, littleEndian: boolean): NiftiDatatype {
  const code = view.getInt16(70, littleEndian);
  const datatype = findNiftiDatatype(code);
  if (datatype === undefined) {
    throw new ImagingError(
      "nifti_unsupported_datatype",
      `NIfTI voxel type ${describeUnsupportedDatatype(code)} is not supported; ` +
        `use one of ${SUPPORTED_DATATYPE_NAMES.join(", ")}`,
    );
  }
  return datatype;
}

function readScaling(view: DataView, littleEndian: boolean): { slope: number; inter: number } {
  const slope = view.getFloat32(112, littleEndian);
  const inter = view.getFloat32(116, littleEndian);
  // The standard: slope 0 means "no scaling". NaN/Infinity are treated the same, as nibabel does.
  if (slope === 0 || !Number.isFinite(slope)) return { slope: 1, inter: 0 };
  return { slope, inter: Number.isFinite(inter) ? inter : 0 };
}

function readSpacing(view: DataView, littleEndian: boolean): [number, number, number] {
  const spacingAt = (index: number): number => {
    const value = Math.abs(view.getFloat32(76 + 4 * index, littleEndian));
    return Number.isFinite(value) && value > 0 ? value : 1;
  };
  return [spacingAt(1), spacingAt(2), spacingAt(3)];
}

function readDescription(file: Uint8Array): string {
  const field = file.subarray(148, 228);
  const end = field.indexOf(0);
  return new TextDecoder("latin1").decode(end === -1 ? field : field.subarray(0, end)).trim();
}

interface VoxelLayout {
  offset: number;
  datatype: NiftiDatatype;
  littleEndian: boolean;
  slope: number;
  inter: number;
}

// Scales in double precision before the Float32 store, so int32 data keeps what float32 can hold.
function readScaledVoxels(view: DataView, layout: VoxelLayout, out: Float32Array): void {
  const { offset, datatype, littleEndian, slope: a, inter: b } = layout;
  const n = out.length;
  // One loop per type keeps the type switch out of the per-voxel path.
  switch (datatype.name) {
    case "uint8":
      for (let i = 0; i < n; i++) out[i] = view.getUint8(offset + i) * a + b;
      return;
    case "int8":
      for (let i = 0; i < n; i++) out[i] = view.getInt8(offset + i) * a + b;
      return;
    case "int16":
      for (let i = 0; i < n; i++) out[i] = view.getInt16(offset + 2 * i, littleEndian) * a + b;
      return;
    case "uint16":
      for (let i = 0; i < n; i++) out[i] = view.getUint16(offset + 2 * i, littleEndian) * a + b;
      return;
    case "int32":
      for (let i = 0; i < n; i++) out[i] = view.getInt32(offset + 4 * i, littleEndian) * a + b;
      return;
    case "float32":
      for (let i = 0; i < n; i++) out[i] = view.getFloat32(offset + 4 * i, littleEndian) * a + b;
      return;
    case "float64":
      for (let i = 0; i < n; i++) out[i] = view.getFloat64(offset + 8 * i, littleEndian) * a + b;
      return;
  }
}
