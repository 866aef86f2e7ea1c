import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

export interface DilatedConv2DArgs {
  filters: number;
  /** Square kernel side. */
  kernelSize: number;
  dilation: number;
  name?: string;
}

/**
 * A 'same'-padded, stride-1, bias-free dilated convolution (ENet's dilated bottlenecks), as a
 * plain tf.conv2d. tfjs-layers' conv2d runs through tf.fused.conv2d, whose gradient refuses any
 * dilation above 1 on every backend; the unfused Conv2D has the project's dilation-aware
 * gradient (kernels/conv2d-gradient.ts).
 */
export class DilatedConv2D extends tfl.layers.Layer {
  static readonly className = "DilatedConv2D";
  private readonly filters: number;
  private readonly kernelSize: number;
  private readonly dilation: number;
  private kernel: tfl.LayerVariable | null = null;

  constructor(args: DilatedConv2DArgs) {
    super(args.name === undefined ? {} : { name: args.name });
    for (const [key, value] of [
      ["filters", args.filters],
      ["kernelSize", args.kernelSize],
      ["dilation", args.dilation],
    ] as const) {
      if (!Number.isInteger(value) || value < 1) {
        throw new Error(`DilatedConv2D: ${key} must be an integer >= 1, got ${value}.`);
      }
    }
    this.filters = args.filters;
    this.kernelSize = args.kernelSize;
    this.dilation = args.dilation;
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const channels = (inputShape as tfl.Shape)[3];
    if (typeof channels !== "number") {
      throw new Error("DilatedConv2D: the input's channel count must be known.");
    }
    this.kernel = this.addWeight(
      "kernel",
      [this.kernelSize, this.kernelSize, channels, this.filters],
      "float32",
      tfl.initializers.heNormal({}),
    );
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const shape = inputShape as tfl.Shape;
    return [...shape.slice(0, -1), this.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
      const kernel = this.kernel!.read() as tf.Tensor4D;
      return tf.conv2d(x, kernel, 1, "same", "NHWC", this.dilation);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernelSize: this.kernelSize,
      dilation: this.dilation,
    };
  }
}
