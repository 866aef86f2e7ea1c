import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

/** Appends zero channels up to `channels`: ENet's downsampling shortcut widens this way, with no weights. */
export class ChannelZeroPad extends tfl.layers.Layer {
  static readonly className = "ChannelZeroPad";
  private readonly channels: number;

  constructor(args: { channels: number; name?: string }) {
    super(args.name === undefined ? {} : { name: args.name });
    this.channels = args.channels;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const shape = inputShape as tfl.Shape;
    return [...shape.slice(0, -1), this.channels];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
      const extra = this.channels - x.shape[3];
      if (extra < 0) {
        throw new Error(
          `ChannelZeroPad: ${x.shape[3]} channels cannot be padded to ${this.channels}.`,
        );
      }
      return tf.pad(x, [
        [0, 0],
        [0, 0],
        [0, 0],
        [0, extra],
      ]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), channels: this.channels };
  }
}
