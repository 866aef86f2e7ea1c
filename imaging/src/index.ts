export { type AutoWindowOptions, autoWindow } from "./auto-window.ts";
export { decodeLabelPng, type LabelPng } from "./decode-label-png.ts";
export { type DecodedPng, type DecodePngOptions, decodePng } from "./decode-png.ts";
export { encodePng8, encodeRgbaPng } from "./encode-png.ts";
export { ImagingError, type ImagingErrorCode } from "./imaging-error.ts";
export type { NiftiDatatypeName } from "./nifti-datatype.ts";
export type { PngColorType, PngHeader } from "./png-pixels.ts";
export { type NiftiVolume, type ReadNiftiOptions, readNifti } from "./read-nifti.ts";
export { type NiftiLabelVolume, readNiftiLabels } from "./read-nifti-labels.ts";
export {
  decodeRle,
  encodeRle,
  type LabelRle,
  type RleCheckOptions,
  validateRle,
} from "./rle.ts";
export { type IntensityWindow, windowToUint8 } from "./window-to-uint8.ts";
export { type NiftiWritable, type WriteNiftiOptions, writeNifti } from "./write-nifti.ts";
