import {
  backend_util,
  Conv2D,
  type Conv2DAttrs,
  Conv2DBackpropFilter,
  type Conv2DBackpropFilterAttrs,
  Conv2DBackpropInput,
  type Conv2DBackpropInputAttrs,
  conv2d,
  engine,
  type GradConfig,
  type NamedAttrMap,
  pad,
  reverse,
  slice,
  type Tensor,
  type Tensor4D,
  transpose,
} from "@tensorflow/tfjs-core";

/**
 * Conv2D gradient that also covers dilated convolutions (ENet's dilated bottlenecks),
 * which tfjs-core's own gradient rejects. Undilated convolutions keep the standard
 * Conv2DBackpropInput/Filter kernels, so native backends still use theirs.
 *
 * The dilated case (tfjs allows dilation only with stride 1) is written with forward
 * conv2d ops, which every backend has:
 *   dx = conv2d(dy padded by effK-1-pad, filter rotated 180 degrees with in/out swapped,
 *               same dilation)
 *   dW = conv2d(x as [Ci,H,W,N], dy as a [OH,OW,N,Co] filter, stride = dilation)
 */
export const conv2dGradConfig: GradConfig = {
  kernelName: Conv2D,
  inputsToSave: ["x", "filter"],
  gradFunc: (dy, saved, attrs) => {
    const [x, filter] = saved as [Tensor4D, Tensor4D];
    const dy4 = dy as Tensor4D;
    const {
      strides,
      pad: padding,
      dataFormat,
      dilations,
      dimRoundingMode,
    } = attrs as unknown as Conv2DAttrs;
    const info = backend_util.computeConv2DInfo(
      x.shape,
      filter.shape,
      strides,
      dilations,
      padding,
      dimRoundingMode,
      false,
      backend_util.convertConv2DDataFormat(dataFormat),
    );
    if (info.dilationHeight === 1 && info.dilationWidth === 1) {
      const inputAttrs: Conv2DBackpropInputAttrs = {
        strides,
        pad: padding,
        dataFormat,
        dimRoundingMode,
        inputShape: x.shape,
      };
      const filterAttrs: Conv2DBackpropFilterAttrs = {
        strides,
        pad: padding,
        dataFormat,
        dimRoundingMode,
        filterShape: filter.shape,
      };
      // tfjs-core does not export its conv2DBackprop* ops, so run the kernels the same way.
      return {
        x: () =>
          engine().runKernel(
            Conv2DBackpropInput,
            { dy: dy4, filter },
            inputAttrs as unknown as NamedAttrMap,
          ) as Tensor,
        filter: () =>
          engine().runKernel(
            Conv2DBackpropFilter,
            { x, dy: dy4 },
            filterAttrs as unknown as NamedAttrMap,
          ) as Tensor,
      };
    }
    if (dataFormat !== "NHWC") {
      throw new Error(`Gradient of a dilated conv2d: only NHWC is supported, got ${dataFormat}.`);
    }
    if (info.strideHeight !== 1 || info.strideWidth !== 1) {
      throw new Error("Gradient of a dilated conv2d: stride must be 1 (as tfjs requires).");
    }
    return {
      x: () => dilatedInputGradient(dy4, filter, info),
      filter: () => dilatedFilterGradient(x, dy4, info),
    };
  },
};

function dilatedInputGradient(
  dy: Tensor4D,
  filter: Tensor4D,
  info: backend_util.Conv2DInfo,
): Tensor {
  const top = info.effectiveFilterHeight - 1 - info.padInfo.top;
  const left = info.effectiveFilterWidth - 1 - info.padInfo.left;
  const bottom = info.inHeight + info.effectiveFilterHeight - 1 - info.outHeight - top;
  const right = info.inWidth + info.effectiveFilterWidth - 1 - info.outWidth - left;
  const rowStart = Math.max(-top, 0);
  const colStart = Math.max(-left, 0);
  const cropped = slice(
    dy,
    [0, rowStart, colStart, 0],
    [
      -1,
      info.outHeight - rowStart - Math.max(-bottom, 0),
      info.outWidth - colStart - Math.max(-right, 0),
      -1,
    ],
  );
  const padded = pad(cropped, [
    [0, 0],
    [Math.max(top, 0), Math.max(bottom, 0)],
    [Math.max(left, 0), Math.max(right, 0)],
    [0, 0],
  ]);
  const rotated = transpose(reverse(filter, [0, 1]), [0, 1, 3, 2]);
  return conv2d(padded, rotated, 1, "valid", "NHWC", [info.dilationHeight, info.dilationWidth]);
}

function dilatedFilterGradient(x: Tensor4D, dy: Tensor4D, info: backend_util.Conv2DInfo): Tensor {
  const usedHeight = info.outHeight - 1 + info.effectiveFilterHeight;
  const usedWidth = info.outWidth - 1 + info.effectiveFilterWidth;
  const bottom = usedHeight - info.padInfo.top - info.inHeight;
  const right = usedWidth - info.padInfo.left - info.inWidth;
  const cropped = slice(
    x,
    [0, 0, 0, 0],
    [-1, info.inHeight + Math.min(bottom, 0), info.inWidth + Math.min(right, 0), -1],
  );
  const padded = pad(cropped, [
    [0, 0],
    [info.padInfo.top, Math.max(bottom, 0)],
    [info.padInfo.left, Math.max(right, 0)],
    [0, 0],
  ]);
  const grad = conv2d(
    transpose(padded, [3, 1, 2, 0]),
    transpose(dy, [1, 2, 0, 3]),
    [info.dilationHeight, info.dilationWidth],
    "valid",
  );
  return transpose(grad, [1, 2, 0, 3]);
}
