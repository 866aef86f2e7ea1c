import { argmaxLabels } from "@crowdseg/fusion";
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { classMajor } from "../dataset/prepare-slice.ts";
import { resampleProbabilities } from "../dataset/resample-probabilities.ts";

export interface VolumeToPredict {
  /** The volume's own grid, which the labels come back on. */
  width: number;
  height: number;
  depth: number;
  /** depth × size × size network inputs, prepared as for training. */
  images: Float32Array;
}

/**
 * Hard labels for a volume on its own grid: the model's class probabilities at the network's
 * size are resampled back to the slice's size as probabilities, and only then turned into labels
 * (ties to the lower class), so a boundary lands where the probabilities cross rather than on the
 * coarse grid's pixel edges. Probabilities are read with data(), which the webgpu backend needs
 * in Node.
 */
export async function predictVolume(
  model: tfl.LayersModel,
  volume: VolumeToPredict,
  options: { size: number; classes: number; batchSize: number },
): Promise<Uint8Array> {
  const { size, classes, batchSize } = options;
  const plane = size * size;
  const slicePixels = volume.width * volume.height;
  if (volume.images.length !== volume.depth * plane) {
    throw new RangeError(
      `predictVolume: ${volume.images.length} input values for ${volume.depth} slices of ${size}×${size}.`,
    );
  }
  const labels = new Uint8Array(volume.depth * slicePixels);
  for (let start = 0; start < volume.depth; start += batchSize) {
    const n = Math.min(batchSize, volume.depth - start);
    const probabilities = tf.tidy(() => {
      const x = tf.tensor4d(volume.images.subarray(start * plane, (start + n) * plane), [
        n,
        size,
        size,
        1,
      ]);
      return tf.softmax(model.predict(x) as tf.Tensor);
    });
    const values = (await probabilities
      .data()
      .finally(() => probabilities.dispose())) as Float32Array;
    for (let i = 0; i < n; i++) {
      const planes = classMajor(
        values.subarray(i * plane * classes, (i + 1) * plane * classes),
        classes,
      );
      const onSlice = resampleProbabilities(
        planes,
        { classes, width: size, height: size },
        { width: volume.width, height: volume.height },
      );
      labels.set(argmaxLabels(onSlice, { numClasses: classes }), (start + i) * slicePixels);
    }
  }
  return labels;
}
