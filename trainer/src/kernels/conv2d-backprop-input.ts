import {
  backend_util,
  Conv2DBackpropInput,
  type Conv2DBackpropInputAttrs,
  type KernelBackend,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from "@tensorflow/tfjs-core";
import type { Conv2DBackpropFilterDilationAttr } from "./conv2d-backprop-filter.ts";
import { compose, type KernelComposer } from "./kernel-composer.ts";
import { rotateFilter } from "./rotate-filter.ts";
import { asWasmHeapBackend, float32View, type WasmHeapBackend } from "./wasm-heap.ts";

/**
 * Input gradient of an NHWC conv2d (also the forward pass of conv2dTranspose), as one
 * forward conv2d so that it runs on XNNPACK instead of the wasm backend's scalar loop
 * (about 10x slower on U-Net shapes).
 *
 *   dx[n,ih,iw,ci] = sum_{kh,kw,co} dy[n,oh,ow,co] * W[kh,kw,ci,co],  ih = oh*s + kh*d - padTop
 *
 * For stride 1 this is a convolution of dy, padded by (KH-1)*d - padTop on top, with the
 * filter rotated by 180 degrees and its in/out channels swapped, at the same dilation.
 * For stride s, dy first gets s-1 zeros inserted between its rows and columns.
 */
export function conv2dBackpropInputComposed(backendName: string): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, inputShape, dilations } =
      attrs as unknown as Conv2DBackpropInputAttrs & Conv2DBackpropFilterDilationAttr;
    if (dataFormat !== "NHWC") {
      throw new Error(`Conv2DBackpropInput (composed): only NHWC is supported, got ${dataFormat}.`);
    }
    const info = backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      strides,
      dilations ?? 1,
      pad,
      dimRoundingMode,
    );
    if (info.outHeight !== dy.shape[1] || info.outWidth !== dy.shape[2]) {
      throw new Error(
        `Conv2DBackpropInput (composed): dy is ${dy.shape} but a convolution of ${inputShape} ` +
          `with filter ${filter.shape} gives ${info.outShape}.`,
      );
    }
    if (tilesWithoutOverlap(info)) {
      return compose(backend as KernelBackend, backendName, (k) =>
        transposedConvByTiles(
          k,
          asWasmHeapBackend(backend, "Conv2DBackpropInput"),
          dy,
          filter,
          info,
        ),
      );
    }
    return compose(backend as KernelBackend, backendName, (k) => {
      const spread = insertStrideZeros(k, dy, info.strideHeight, info.strideWidth);
      const spreadHeight = (info.outHeight - 1) * info.strideHeight + 1;
      const spreadWidth = (info.outWidth - 1) * info.strideWidth + 1;
      // Padding of the spread dy so that a stride-1 convolution with the rotated filter
      // yields exactly the input's height and width; negative amounts crop instead.
      const top = info.effectiveFilterHeight - 1 - info.padInfo.top;
      const left = info.effectiveFilterWidth - 1 - info.padInfo.left;
      const bottom = info.inHeight + info.effectiveFilterHeight - 1 - spreadHeight - top;
      const right = info.inWidth + info.effectiveFilterWidth - 1 - spreadWidth - left;
      const cropped = cropNegative(k, spread, spreadHeight, spreadWidth, top, bottom, left, right);
      const rotated = k.track(
        rotateFilter(asWasmHeapBackend(backend, "Conv2DBackpropInput"), filter),
      );
      return k.run(
        "Conv2D",
        { x: cropped, filter: rotated },
        {
          strides: [1, 1],
          dilations: [info.dilationHeight, info.dilationWidth],
          pad: [
            [0, 0],
            [Math.max(top, 0), Math.max(bottom, 0)],
            [Math.max(left, 0), Math.max(right, 0)],
            [0, 0],
          ],
          dataFormat: "NHWC",
        },
      );
    });
  };
}

/**
 * Stride equal to the kernel, no padding, no dilation, no leftover rows or columns: U-Net's
 * 2x2 stride-2 up-convolution. Each dy pixel then owns a KHxKW tile of dx, so the whole
 * kernel is one GEMM, dy [P, Co] x filter [Co, KH*KW*Ci], and a rearrangement of its rows
 * into tiles; the general path would multiply (s^2 - 1)/s^2 zeros.
 */
function tilesWithoutOverlap(info: backend_util.Conv2DInfo): boolean {
  const p = info.padInfo;
  return (
    info.strideHeight === info.filterHeight &&
    info.strideWidth === info.filterWidth &&
    info.dilationHeight === 1 &&
    info.dilationWidth === 1 &&
    p.top === 0 &&
    p.bottom === 0 &&
    p.left === 0 &&
    p.right === 0 &&
    info.inHeight === info.outHeight * info.strideHeight &&
    info.inWidth === info.outWidth * info.strideWidth
  );
}

function transposedConvByTiles(
  k: KernelComposer,
  heap: WasmHeapBackend,
  dy: TensorInfo,
  filter: TensorInfo,
  info: backend_util.Conv2DInfo,
): TensorInfo {
  const { batchSize: n, outHeight: h, outWidth: w, filterHeight: kh, filterWidth: kw } = info;
  const ci = info.inChannels;
  const co = info.outChannels;
  const tile = kh * kw * ci;
  // filter [KH,KW,Ci,Co] as [KH*KW*Ci, Co], transposed so that Co is the GEMM's inner dimension.
  const weights = k.run("Transpose", { x: k.reshape(filter, [tile, co]) }, { perm: [1, 0] });
  const rows = k.run(
    "BatchMatMul",
    { a: k.reshape(dy, [n * h * w, co]), b: weights },
    { transposeA: false, transposeB: false },
  );
  const out = k.track(heap.makeOutput([n, h * kh, w * kw, ci], "float32"));
  const src = float32View(heap, rows, "Conv2DBackpropInput");
  const dst = float32View(heap, out, "Conv2DBackpropInput");
  const outRow = w * kw * ci;
  // Each tile row is a contiguous run in both; typed-array copies beat an element loop.
  const run = kw * ci;
  let from = 0;
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < h; i++) {
      const rowBase = (b * h * kh + i * kh) * outRow;
      for (let j = 0; j < w; j++) {
        for (let a = 0; a < kh; a++, from += run) {
          dst.set(src.subarray(from, from + run), rowBase + a * outRow + j * run);
        }
      }
    }
  }
  return out;
}

/** dy with s-1 zero rows (columns) after each row (column); trailing zeros are cut by the caller. */
function insertStrideZeros(
  k: KernelComposer,
  dy: TensorInfo,
  strideHeight: number,
  strideWidth: number,
): TensorInfo {
  if (strideHeight === 1 && strideWidth === 1) return dy;
  const [n, h, w, c] = dy.shape as [number, number, number, number];
  const padded = k.run(
    "PadV2",
    { x: k.reshape(dy, [n, h, 1, w, 1, c]) },
    {
      paddings: [
        [0, 0],
        [0, 0],
        [0, strideHeight - 1],
        [0, 0],
        [0, strideWidth - 1],
        [0, 0],
      ],
      constantValue: 0,
    },
  );
  return k.reshape(padded, [n, h * strideHeight, w * strideWidth, c]);
}

/**
 * Keeps rows [max(-top,0), usedHeight - max(-bottom,0)) and the same for columns, where
 * usedHeight is the meaningful extent of the spread dy (the rest of it is trailing zeros).
 */
function cropNegative(
  k: KernelComposer,
  x: TensorInfo,
  usedHeight: number,
  usedWidth: number,
  top: number,
  bottom: number,
  left: number,
  right: number,
): TensorInfo {
  const [n, h, w, c] = x.shape as [number, number, number, number];
  const rowStart = Math.max(-top, 0);
  const colStart = Math.max(-left, 0);
  const rows = usedHeight - rowStart - Math.max(-bottom, 0);
  const cols = usedWidth - colStart - Math.max(-right, 0);
  if (rowStart === 0 && colStart === 0 && rows === h && cols === w) return x;
  if (rows <= 0 || cols <= 0) {
    throw new Error(`Conv2DBackpropInput (composed): padding crops away all of dy (${x.shape}).`);
  }
  return k.run("Slice", { x }, { begin: [0, rowStart, colStart, 0], size: [n, rows, cols, c] });
}

export function conv2dBackpropInputConfig(backendName: string): KernelConfig {
  return {
    kernelName: Conv2DBackpropInput,
    backendName,
    kernelFunc: conv2dBackpropInputComposed(backendName),
  };
}
