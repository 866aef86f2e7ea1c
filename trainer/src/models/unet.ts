import * as tfl from "@tensorflow/tfjs-layers";

export interface UNetOptions {
  /** Output classes C (background included). */
  classes: number;
  /** Image channels; 1 for MRI. Default 1. */
  inputChannels?: number;
  /** Filters at full resolution; doubles at every downsampling. Default 16. */
  baseFilters?: number;
  /** Number of 2x2 max-pool downsamplings. Default 4. */
  depth?: number;
  /**
   * Fixed input height and width, or null for any size divisible by 2^depth.
   * Default null.
   */
  size?: [number, number] | null;
  /** 'softmax' gives class probabilities; 'linear' gives logits. Default 'softmax'. */
  outputActivation?: "softmax" | "linear";
  /** Prefix for layer names, so two networks can live in one graph. Default 'unet'. */
  name?: string;
}

/**
 * The U-Net of Ronneberger et al. (2015) for 2D slices, with 'same' padding so that the
 * output has the input's size.
 *
 * Layout (depth d, base width f): at each of the d encoder levels two 3x3 conv+bias+ReLU
 * with f*2^level filters, then 2x2 max pooling; a bottleneck of two 3x3 convs with f*2^d
 * filters; at each decoder level a 2x2 stride-2 transposed conv (with bias, no activation)
 * to f*2^level filters, concatenation [skip, upsampled], two 3x3 conv+bias+ReLU; a 1x1
 * conv to C classes and softmax. No batch norm, no dropout.
 *
 * With d = 4, f = 16, one input channel and 4 classes this has 1,940,868 parameters, the
 * count the trainer issue gives: "4 levels" means four poolings (five resolutions, 16 to
 * 256 filters). Three poolings would give 481,796; batch norm would add 2 trainable
 * parameters per conv channel.
 */
export function createUNet(options: UNetOptions): tfl.LayersModel {
  return buildUNet(options, { caller: "createUNet", defaultName: "unet", minDepth: 0 });
}

/** How a U-Net variant differs from the plain one (see createAttentionUNet). */
export interface UNetVariant {
  /** the factory's name, for error messages */
  caller: string;
  defaultName: string;
  minDepth: number;
  /** reshapes a skip connection before concatenation, given the decoder feature one level coarser */
  gateSkip?: (
    skip: tfl.SymbolicTensor,
    coarse: tfl.SymbolicTensor,
    level: number,
    filters: number,
    prefix: string,
  ) => tfl.SymbolicTensor;
}

/** The one U-Net builder: encoder, bottleneck, decoder with optional gated skips, 1×1 head. */
export function buildUNet(options: UNetOptions, variant: UNetVariant): tfl.LayersModel {
  const classes = options.classes;
  const inputChannels = options.inputChannels ?? 1;
  const base = options.baseFilters ?? 16;
  const depth = options.depth ?? 4;
  const size = options.size ?? null;
  const prefix = options.name ?? variant.defaultName;
  for (const [key, value, min] of [
    ["classes", classes, 1],
    ["inputChannels", inputChannels, 1],
    ["baseFilters", base, 1],
    ["depth", depth, variant.minDepth],
  ] as const) {
    if (!Number.isInteger(value) || value < min) {
      throw new Error(`${variant.caller}: ${key} must be an integer >= ${min}, got ${value}.`);
    }
  }
  if (size?.some((s) => !Number.isInteger(s) || s % 2 ** depth !== 0 || s === 0)) {
    throw new Error(
      `${variant.caller}: size ${size} must be positive multiples of 2^depth = ${2 ** depth}.`,
    );
  }

  const input = tfl.input({
    shape: [size?.[0] ?? null, size?.[1] ?? null, inputChannels],
    name: `${prefix}_input`,
  });
  const apply = (layer: tfl.layers.Layer, x: tfl.SymbolicTensor | tfl.SymbolicTensor[]) =>
    layer.apply(x) as tfl.SymbolicTensor;
  const convBlock = (x: tfl.SymbolicTensor, filters: number, name: string) => {
    let y = x;
    for (const i of [1, 2]) {
      y = apply(
        tfl.layers.conv2d({
          filters,
          kernelSize: 3,
          padding: "same",
          activation: "relu",
          kernelInitializer: "heNormal",
          name: `${prefix}_${name}_conv${i}`,
        }),
        y,
      );
    }
    return y;
  };

  let x = input;
  const skips: tfl.SymbolicTensor[] = [];
  for (let level = 0; level < depth; level++) {
    x = convBlock(x, base * 2 ** level, `enc${level}`);
    skips.push(x);
    x = apply(tfl.layers.maxPooling2d({ poolSize: 2, name: `${prefix}_pool${level}` }), x);
  }
  x = convBlock(x, base * 2 ** depth, "bottleneck");
  for (let level = depth - 1; level >= 0; level--) {
    const filters = base * 2 ** level;
    const skip = variant.gateSkip
      ? variant.gateSkip(skips[level]!, x, level, filters, prefix)
      : skips[level]!;
    const up = apply(
      tfl.layers.conv2dTranspose({
        filters,
        kernelSize: 2,
        strides: 2,
        padding: "valid",
        name: `${prefix}_up${level}`,
      }),
      x,
    );
    x = apply(tfl.layers.concatenate({ name: `${prefix}_concat${level}` }), [skip, up]);
    x = convBlock(x, filters, `dec${level}`);
  }
  const output = apply(
    tfl.layers.conv2d({
      filters: classes,
      kernelSize: 1,
      activation: options.outputActivation ?? "softmax",
      name: `${prefix}_head`,
    }),
    x,
  );
  return tfl.model({ inputs: input, outputs: output, name: prefix });
}
