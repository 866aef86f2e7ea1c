import {
  backend_util,
  Conv2DBackpropFilter,
  type Conv2DBackpropFilterAttrs,
  type KernelBackend,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from "@tensorflow/tfjs-core";
import { compose } from "./kernel-composer.ts";

/** Extra attribute the dilation-aware Conv2D gradient passes; absent means 1. */
export interface Conv2DBackpropFilterDilationAttr {
  dilations?: [number, number] | number;
}

/**
 * Filter gradient of an NHWC conv2d, computed as one forward conv2d so that it runs
 * on XNNPACK's packed GEMM instead of a scalar loop.
 *
 *   dW[kh,kw,ci,co] = sum_{n,oh,ow} xpad[n, oh*s + kh*d, ow*s + kw*d, ci] * dy[n,oh,ow,co]
 *
 * is a convolution of x with batch and channels swapped ([Ci,H,W,N]) against dy
 * rearranged as a filter ([OH,OW,N,Co]); the forward stride s becomes the dilation
 * and the forward dilation d becomes the stride. The output is [Ci,KH,KW,Co].
 */
export function conv2dBackpropFilterComposed(backendName: string): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, filterShape, dilations } =
      attrs as unknown as Conv2DBackpropFilterAttrs & Conv2DBackpropFilterDilationAttr;
    if (dataFormat !== "NHWC") {
      throw new Error(
        `Conv2DBackpropFilter (composed): only NHWC is supported, got ${dataFormat}.`,
      );
    }
    const info = backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filterShape,
      strides,
      dilations ?? 1,
      pad,
      dimRoundingMode,
    );
    if (info.outHeight !== dy.shape[1] || info.outWidth !== dy.shape[2]) {
      throw new Error(
        `Conv2DBackpropFilter (composed): dy is ${dy.shape} but the convolution of x ${x.shape} ` +
          `with filter ${filterShape} gives ${info.outShape}.`,
      );
    }
    // Rows and columns of the zero-padded input that the forward pass actually read.
    const usedHeight = (info.outHeight - 1) * info.strideHeight + info.effectiveFilterHeight;
    const usedWidth = (info.outWidth - 1) * info.strideWidth + info.effectiveFilterWidth;
    const padBottom = usedHeight - info.padInfo.top - info.inHeight;
    const padRight = usedWidth - info.padInfo.left - info.inWidth;

    return compose(backend as KernelBackend, backendName, (k) => {
      let input = x;
      if (padBottom < 0 || padRight < 0) {
        input = k.run(
          "Slice",
          { x },
          {
            begin: [0, 0, 0, 0],
            size: [
              info.batchSize,
              info.inHeight + Math.min(padBottom, 0),
              info.inWidth + Math.min(padRight, 0),
              info.inChannels,
            ],
          },
        );
      }
      const xT = k.run("Transpose", { x: input }, { perm: [3, 1, 2, 0] });
      const dyT = k.run("Transpose", { x: dy }, { perm: [1, 2, 0, 3] });
      const grad = k.run(
        "Conv2D",
        { x: xT, filter: dyT },
        {
          strides: [info.dilationHeight, info.dilationWidth],
          dilations: [info.strideHeight, info.strideWidth],
          pad: [
            [0, 0],
            [info.padInfo.top, Math.max(padBottom, 0)],
            [info.padInfo.left, Math.max(padRight, 0)],
            [0, 0],
          ],
          dataFormat: "NHWC",
        },
      );
      return k.run("Transpose", { x: grad }, { perm: [1, 2, 0, 3] });
    });
  };
}

export function conv2dBackpropFilterConfig(backendName: string): KernelConfig {
  return {
    kernelName: Conv2DBackpropFilter,
    backendName,
    kernelFunc: conv2dBackpropFilterComposed(backendName),
  };
}
