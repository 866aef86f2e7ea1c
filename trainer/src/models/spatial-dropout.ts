import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { spatialDropout2d } from "../ops/spatial-dropout.ts";

/**
 * The key under which the training loop passes a per-step seed to noise layers through
 * `model.apply(x, { training: true, noiseSeed })`, so a resumed run draws the same dropout masks.
 */
export const NOISE_SEED_KWARG = "noiseSeed";

export interface SpatialDropout2DArgs {
  /** Share of channels dropped. */
  rate: number;
  /** Distinguishes this layer's masks from the other dropout layers' in the same step. */
  salt: number;
  name?: string;
}

/**
 * Spatial dropout (Tompson et al. 2015), as ENet uses it: whole channels of an N × H × W × C map
 * are zeroed with probability `rate` and the rest scaled by 1/(1 − rate); identity at inference.
 * tfjs-layers has only the 1D form; this wraps ops/spatial-dropout.ts as a layer. Masks come
 * from the step's noise seed when given.
 */
export class SpatialDropout2D extends tfl.layers.Layer {
  static readonly className = "SpatialDropout2D";
  private readonly rate: number;
  private readonly salt: number;

  constructor(args: SpatialDropout2DArgs) {
    super(args.name === undefined ? {} : { name: args.name });
    if (!(args.rate >= 0 && args.rate < 1)) {
      throw new Error(`SpatialDropout2D: rate must be in [0, 1), got ${args.rate}.`);
    }
    this.rate = args.rate;
    this.salt = args.salt;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    return inputShape as tfl.Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
    if (kwargs.training !== true) return tf.clone(x);
    const stepSeed = kwargs[NOISE_SEED_KWARG];
    const seed =
      typeof stepSeed === "number" ? Math.imul(stepSeed ^ this.salt, 0x9e3779b1) >>> 0 : undefined;
    return spatialDropout2d(x, this.rate, seed);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, salt: this.salt };
  }
}
