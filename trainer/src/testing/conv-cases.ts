import { backend_util, type conv2d } from "@tensorflow/tfjs-core";
import { seededInts } from "./backend-comparison.ts";

export type ConvPadding = Parameters<typeof conv2d>[3];

export interface ConvCase {
  xShape: [number, number, number, number];
  filterShape: [number, number, number, number];
  strides: [number, number];
  dilations: [number, number];
  pad: ConvPadding;
  /** Shape of the convolution's output, i.e. of dy. */
  dyShape: [number, number, number, number];
}

export interface ConvCaseOptions {
  /** Generate dilated (stride 1) cases instead of strided (dilation 1) ones. */
  dilated?: boolean;
}

/**
 * Random convolution geometries, odd sizes and asymmetric kernels included, with
 * 'same', 'valid' and explicit (asymmetric) padding. Seeded so failures replay.
 */
export function randomConvCases(
  count: number,
  seed: number,
  options: ConvCaseOptions = {},
): ConvCase[] {
  const cases: ConvCase[] = [];
  for (let i = 0; cases.length < count; i++) {
    const r = seededInts(14, 0, 1000, seed * 7919 + i);
    const pick = (k: number, lo: number, hi: number) => lo + (r[k]! % (hi - lo + 1));
    const xShape: ConvCase["xShape"] = [
      pick(0, 1, 3),
      pick(1, 3, 17),
      pick(2, 3, 17),
      pick(3, 1, 7),
    ];
    const filterShape: ConvCase["filterShape"] = [
      pick(4, 1, 5),
      pick(5, 1, 5),
      xShape[3],
      pick(6, 1, 7),
    ];
    const strides: [number, number] = options.dilated ? [1, 1] : [pick(7, 1, 3), pick(8, 1, 3)];
    const dilations: [number, number] = options.dilated ? [pick(7, 1, 3), pick(8, 2, 3)] : [1, 1];
    const padKind = pick(9, 0, 2);
    const pad: ConvPadding =
      padKind === 0
        ? "same"
        : padKind === 1
          ? "valid"
          : [
              [0, 0],
              [pick(10, 0, 2), pick(11, 0, 2)],
              [pick(12, 0, 2), pick(13, 0, 2)],
              [0, 0],
            ];
    const info = backend_util.computeConv2DInfo(xShape, filterShape, strides, dilations, pad);
    if (info.outHeight < 1 || info.outWidth < 1) continue;
    const dyShape = info.outShape as ConvCase["dyShape"];
    cases.push({ xShape, filterShape, strides, dilations, pad, dyShape });
  }
  return cases;
}

export function describeCase(c: ConvCase): string {
  return `x ${c.xShape} w ${c.filterShape} s ${c.strides} d ${c.dilations} pad ${JSON.stringify(c.pad)}`;
}
