import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

/**
 * Max unpooling (2×2) for ENet's decoder, inputs [values, poolInput]: `values` (N × H/2 × W/2 × C)
 * is placed at the position where 2×2 max pooling of `poolInput` (N × H × W × C) found each
 * maximum, zeros elsewhere.
 *
 * tfjs has no max-pool-with-argmax that autodiff can pass through, so the positions are
 * recovered instead of stored: a pixel held its window's maximum where it is ≥ the pooled map
 * upsampled back (nearest). The comparison is a GreaterEqual, whose registered gradient is
 * zero, so the mask acts as the constant it is almost everywhere and gradients flow only
 * through `values`. One difference from a stored argmax: where a window has tied maxima (exact
 * float equality, rare after a learned layer) every tied pixel receives the value, not one.
 */
export class MaxUnpooling2D extends tfl.layers.Layer {
  static readonly className = "MaxUnpooling2D";

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const [values, poolInput] = inputShape as tfl.Shape[];
    if (values === undefined || poolInput === undefined) {
      throw new Error("MaxUnpooling2D: needs inputs [values, poolInput].");
    }
    return [poolInput[0] ?? null, poolInput[1] ?? null, poolInput[2] ?? null, values[3] ?? null];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const [values, poolInput] = inputs as tf.Tensor4D[];
      if (values === undefined || poolInput === undefined) {
        throw new Error("MaxUnpooling2D: needs inputs [values, poolInput].");
      }
      const [, height, width] = poolInput.shape;
      if (height % 2 !== 0 || width % 2 !== 0 || values.shape[3] !== poolInput.shape[3]) {
        throw new Error(
          `MaxUnpooling2D: values [${values.shape}] cannot be unpooled onto [${poolInput.shape}].`,
        );
      }
      const pooled = tf.maxPool(poolInput, 2, 2, "valid");
      const atMaximum = tf.cast(
        tf.greaterEqual(poolInput, tf.image.resizeNearestNeighbor(pooled, [height, width])),
        "float32",
      );
      return tf.mul(atMaximum, tf.image.resizeNearestNeighbor(values, [height, width]));
    });
  }
}
