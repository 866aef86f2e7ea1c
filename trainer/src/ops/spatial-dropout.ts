import * as tf from "@tensorflow/tfjs-core";

/**
 * Spatial dropout (Tompson et al. 2015), ENet's regulariser: drops whole feature maps
 * of an NHWC tensor, each (image, channel) with probability `rate`, and scales the kept
 * ones by 1/(1-rate) so the expectation is unchanged. Neighbouring pixels of a map are
 * strongly correlated, so dropping single pixels (ordinary dropout) regularises little.
 * For training only; at inference skip the call.
 */
export function spatialDropout2d(x: tf.Tensor4D, rate: number, seed?: number): tf.Tensor4D {
  if (!(rate >= 0 && rate < 1))
    throw new Error(`spatialDropout2d: rate must be in [0, 1), got ${rate}.`);
  if (rate === 0) return tf.clone(x);
  return tf.tidy(() => {
    const [n, , , c] = x.shape;
    const keep = 1 - rate;
    // floor(keep + U[0,1)) is 1 with probability keep.
    const mask = tf.floor(tf.add(tf.randomUniform([n, 1, 1, c], 0, 1, "float32", seed), keep));
    return tf.mul(x, tf.div(mask, keep));
  });
}
