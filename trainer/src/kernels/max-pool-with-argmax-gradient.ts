import {
  type GradConfig,
  MaxPoolWithArgmax,
  type MaxPoolWithArgmaxAttrs,
  type Tensor,
  type Tensor4D,
} from "@tensorflow/tfjs-core";
import { maxUnpool } from "../ops/max-unpool.ts";

/**
 * tfjs registers no gradient for MaxPoolWithArgmax, so ENet, which pools with argmax to
 * unpool later, could not train through its pooling. The gradient of the pooled values
 * is dy sent back to the argmax positions: exactly the unpooling of dy.
 */
export const maxPoolWithArgmaxGradConfig: GradConfig = {
  kernelName: MaxPoolWithArgmax,
  inputsToSave: ["x"],
  outputsToSave: [false, true],
  gradFunc: (dy, saved, attrs) => {
    const [x, indexes] = saved as [Tensor4D, Tensor4D];
    const dResult = (Array.isArray(dy) ? dy[0] : dy) as Tensor4D;
    const { includeBatchInIndex } = attrs as unknown as MaxPoolWithArgmaxAttrs;
    return { x: (): Tensor => maxUnpool(dResult, indexes, x.shape, includeBatchInIndex) };
  },
};
