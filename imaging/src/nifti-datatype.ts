/** The NIfTI-1 voxel types this package reads, keyed by the header's `datatype` code. */
export type NiftiDatatypeName =
  | "uint8"
  | "int8"
  | "int16"
  | "uint16"
  | "int32"
  | "float32"
  | "float64";

export interface NiftiDatatype {
  code: number;
  name: NiftiDatatypeName;
  bytes: number;
}

const SUPPORTED: readonly NiftiDatatype[] = [
  { code: 2, name: "uint8", bytes: 1 },
  { code: 256, name: "int8", bytes: 1 },
  { code: 4, name: "int16", bytes: 2 },
  { code: 512, name: "uint16", bytes: 2 },
  { code: 8, name: "int32", bytes: 4 },
  { code: 16, name: "float32", bytes: 4 },
  { code: 64, name: "float64", bytes: 8 },
];

// Named so that a rejection says "RGB24" rather than "datatype 128".
const UNSUPPORTED_NAMES: ReadonlyMap<number, string> = new Map([
  [0, "unknown (0)"],
  [1, "binary (1 bit)"],
  [32, "complex64"],
  [128, "RGB24"],
  [768, "uint32"],
  [1024, "int64"],
  [1280, "uint64"],
  [1536, "float128"],
  [1792, "complex128"],
  [2048, "complex256"],
  [2304, "RGBA32"],
]);

export function findNiftiDatatype(code: number): NiftiDatatype | undefined {
  return SUPPORTED.find((d) => d.code === code);
}

export function findNiftiDatatypeByName(name: NiftiDatatypeName): NiftiDatatype {
  const found = SUPPORTED.find((d) => d.name === name);
  if (found === undefined) throw new Error(`unknown NIfTI datatype name ${name}`);
  return found;
}

export function describeUnsupportedDatatype(code: number): string {
  return UNSUPPORTED_NAMES.get(code) ?? `code ${code}`;
}

export const SUPPORTED_DATATYPE_NAMES: readonly NiftiDatatypeName[] = SUPPORTED.map((d) => d.name);
