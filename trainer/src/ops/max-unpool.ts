import * as tf from "@tensorflow/tfjs-core";

/**
 * ENet's max unpooling: puts each pooled value back at the position its max pooling took
 * it from (the argmax `indexes` of tf.maxPoolWithArgmax) in a zero tensor of `outputShape`
 * [N,H,W,C]. Values that share a position (overlapping windows) add up.
 *
 * Built from ScatterNd and, for the gradient, GatherV2, which every backend has; the
 * gradient reaches `values` only (indexes are integers).
 *
 * @param includeBatchInIndex as given to maxPoolWithArgmax: whether indexes count from
 *   the start of the batch ((n*H + y)*W + x)*C + c, or from the start of each image.
 */
export function maxUnpool(
  values: tf.Tensor4D,
  indexes: tf.Tensor4D,
  outputShape: [number, number, number, number],
  includeBatchInIndex: boolean,
): tf.Tensor4D {
  if (!tf.util.arraysEqual(values.shape, indexes.shape)) {
    throw new Error(
      `maxUnpool: values ${values.shape} and indexes ${indexes.shape} differ in shape.`,
    );
  }
  if (indexes.dtype !== "int32")
    throw new Error(`maxUnpool: indexes must be int32, got ${indexes.dtype}.`);
  if (values.shape[0] !== outputShape[0] || values.shape[3] !== outputShape[3]) {
    throw new Error(
      `maxUnpool: output ${outputShape} must keep the batch and channels of ${values.shape}.`,
    );
  }
  const [n, h, w, c] = outputShape;
  const flatIndexes = tf.tidy(() => {
    if (includeBatchInIndex) return tf.reshape(indexes, [-1]);
    const perImage = values.size / n;
    const imageStart = tf.mul(tf.range(0, n, 1, "int32"), tf.scalar(h * w * c, "int32"));
    return tf.reshape(
      tf.add(tf.reshape(indexes, [n, perImage]), tf.reshape(imageStart, [n, 1])),
      [-1],
    );
  });
  const unpool = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const v = args[0] as tf.Tensor;
    const save = args[1] as tf.GradSaveFunc;
    save([flatIndexes]);
    const value = tf.reshape(
      tf.scatterND(tf.reshape(flatIndexes, [-1, 1]), tf.reshape(v, [-1]), [n * h * w * c]),
      outputShape,
    );
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) =>
      tf.reshape(tf.gather(tf.reshape(dy, [-1]), saved[0]!), values.shape);
    return { value, gradFunc };
  });
  const out = unpool(values) as tf.Tensor4D;
  flatIndexes.dispose();
  return out;
}
