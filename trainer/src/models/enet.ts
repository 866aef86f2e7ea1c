import * as tfl from "@tensorflow/tfjs-layers";
import { ChannelZeroPad } from "./channel-zero-pad.ts";
import { DilatedConv2D } from "./dilated-conv2d.ts";
import { MaxUnpooling2D } from "./max-unpooling.ts";
import { SpatialDropout2D } from "./spatial-dropout.ts";

export interface ENetOptions {
  /** Output classes C (background included). */
  classes: number;
  /** Image channels; 1 for MRI. Default 1. */
  inputChannels?: number;
  /** Channels w out of the initial block; stage 1 has 4w, stages 2–3 have 8w. Default 16. */
  width?: number;
  /** Regular bottlenecks after bottleneck 1.0. Default 4. */
  stage1Bottlenecks?: number;
  /** Stages of eight 8w bottlenecks (the paper's stages 2 and 3). Default 2. */
  middleStages?: number;
  /** Bottlenecks narrow their input by this factor. Default 4. */
  projectionRatio?: number;
  /** Spatial dropout rates [stage 1, later stages]. Default [0.01, 0.1]. */
  dropout?: [number, number];
  /** Fixed input height and width (multiples of 8), or null for any such size. Default null. */
  size?: [number, number] | null;
  /** 'softmax' gives class probabilities; 'linear' gives logits. Default 'softmax'. */
  outputActivation?: "softmax" | "linear";
  /** Prefix for layer names. Default 'enet'. */
  name?: string;
}

type Conv = "regular" | "asymmetric" | { dilation: number };

/** The eight bottlenecks of ENet's stages 2 and 3 (after 2.0), in the paper's order. */
const MIDDLE_STAGE: readonly Conv[] = [
  "regular",
  { dilation: 2 },
  "asymmetric",
  { dilation: 4 },
  "regular",
  { dilation: 8 },
  "asymmetric",
  { dilation: 16 },
];

/**
 * ENet (Paszke et al., 2016), the small, fast encoder–decoder of the expert/non-expert study:
 *
 * - initial block: a 3×3 stride-2 conv with w − c filters beside a 2×2 max pool of the c input
 *   channels, concatenated to w, then batch norm and PReLU;
 * - bottleneck 1.0 (downsampling to 4w) and `stage1Bottlenecks` regular ones, dropout 0.01;
 * - bottleneck 2.0 (downsampling to 8w), then `middleStages` × [regular, dilated 2, asymmetric
 *   5, dilated 4, regular, dilated 8, asymmetric 5, dilated 16], dropout 0.1;
 * - bottleneck 4.0 (upsampling to 4w, unpooling with 2.0's pooling) and two regular ones;
 *   bottleneck 5.0 (upsampling to w, 1.0's pooling) and one regular one;
 * - a 2×2 stride-2 transposed conv to C classes.
 *
 * A bottleneck's extension branch is 1×1 projection to P = channels/ratio (2×2 stride 2 when
 * downsampling), the main conv (3×3, dilated 3×3, 5×1 then 1×5, or 3×3 transposed stride 2),
 * 1×1 expansion, each followed by batch norm (and PReLU but the last), then spatial dropout.
 * Convs before batch norm have no bias. The main branch is the identity, a max pool padded with
 * zero channels (downsampling), or a 1×1 conv + batch norm unpooled with the encoder's pooling
 * (upsampling); the sum goes through a PReLU. PReLUs have one slope per channel.
 * Max unpooling is MaxUnpooling2D (recovered positions, not stored indices: see there); dilated
 * convs are DilatedConv2D (tfjs-layers' conv2d has no gradient for them).
 */
export function createENet(options: ENetOptions): tfl.LayersModel {
  const classes = options.classes;
  const inputChannels = options.inputChannels ?? 1;
  const width = options.width ?? 16;
  const stage1 = options.stage1Bottlenecks ?? 4;
  const middleStages = options.middleStages ?? 2;
  const ratio = options.projectionRatio ?? 4;
  const [earlyDrop, lateDrop] = options.dropout ?? [0.01, 0.1];
  const size = options.size ?? null;
  const prefix = options.name ?? "enet";
  for (const [key, value, min] of [
    ["classes", classes, 1],
    ["inputChannels", inputChannels, 1],
    ["width", width, inputChannels + 1],
    ["stage1Bottlenecks", stage1, 0],
    ["middleStages", middleStages, 0],
    ["projectionRatio", ratio, 1],
  ] as const) {
    if (!Number.isInteger(value) || value < min) {
      throw new Error(`createENet: ${key} must be an integer >= ${min}, got ${value}.`);
    }
  }
  if (size?.some((s) => !Number.isInteger(s) || s % 8 !== 0 || s === 0)) {
    throw new Error(`createENet: size ${size} must be positive multiples of 8 (three poolings).`);
  }

  let dropoutSalt = 0;
  const apply = (layer: tfl.layers.Layer, x: tfl.SymbolicTensor | tfl.SymbolicTensor[]) =>
    layer.apply(x) as tfl.SymbolicTensor;
  const conv = (
    x: tfl.SymbolicTensor,
    filters: number,
    kernelSize: number | [number, number],
    name: string,
    extra: { strides?: number } = {},
  ) =>
    apply(
      tfl.layers.conv2d({ filters, kernelSize, padding: "same", useBias: false, name, ...extra }),
      x,
    );
  const norm = (x: tfl.SymbolicTensor, name: string) =>
    apply(tfl.layers.batchNormalization({ momentum: 0.9, epsilon: 1e-3, name: `${name}_bn` }), x);
  const prelu = (x: tfl.SymbolicTensor, name: string) =>
    apply(tfl.layers.prelu({ sharedAxes: [1, 2], name: `${name}_prelu` }), x);
  const dropout = (x: tfl.SymbolicTensor, rate: number, name: string) =>
    apply(new SpatialDropout2D({ rate, salt: ++dropoutSalt, name: `${name}_dropout` }), x);
  const expand = (x: tfl.SymbolicTensor, channels: number, rate: number, name: string) =>
    dropout(norm(conv(x, channels, 1, `${name}_expand`), `${name}_expand`), rate, name);
  const merge = (main: tfl.SymbolicTensor, ext: tfl.SymbolicTensor, name: string) =>
    prelu(apply(tfl.layers.add({ name: `${name}_add` }), [main, ext]), `${name}_out`);

  const regular = (
    x: tfl.SymbolicTensor,
    channels: number,
    kind: Conv,
    rate: number,
    name: string,
  ) => {
    const p = Math.max(1, Math.floor(channels / ratio));
    let ext = prelu(norm(conv(x, p, 1, `${name}_project`), `${name}_project`), `${name}_project`);
    if (kind === "asymmetric") {
      ext = conv(conv(ext, p, [5, 1], `${name}_conv5x1`), p, [1, 5], `${name}_conv1x5`);
    } else {
      ext =
        kind === "regular"
          ? conv(ext, p, 3, `${name}_conv`)
          : apply(
              new DilatedConv2D({
                filters: p,
                kernelSize: 3,
                dilation: kind.dilation,
                name: `${name}_conv`,
              }),
              ext,
            );
    }
    ext = prelu(norm(ext, `${name}_conv`), `${name}_conv`);
    return merge(x, expand(ext, channels, rate, name), name);
  };
  const downsampling = (x: tfl.SymbolicTensor, channels: number, rate: number, name: string) => {
    const p = Math.max(1, Math.floor(channels / ratio));
    const pooled = apply(tfl.layers.maxPooling2d({ poolSize: 2, name: `${name}_pool` }), x);
    const main = apply(new ChannelZeroPad({ channels, name: `${name}_pad` }), pooled);
    let ext = conv(x, p, 2, `${name}_project`, { strides: 2 });
    ext = prelu(norm(ext, `${name}_project`), `${name}_project`);
    ext = prelu(norm(conv(ext, p, 3, `${name}_conv`), `${name}_conv`), `${name}_conv`);
    return merge(main, expand(ext, channels, rate, name), name);
  };
  const upsampling = (
    x: tfl.SymbolicTensor,
    poolInput: tfl.SymbolicTensor,
    channels: number,
    rate: number,
    name: string,
  ) => {
    const inChannels = x.shape[3] as number;
    const p = Math.max(1, Math.floor(inChannels / ratio));
    const reduced = norm(conv(x, channels, 1, `${name}_main`), `${name}_main`);
    const main = apply(new MaxUnpooling2D({ name: `${name}_unpool` }), [reduced, poolInput]);
    let ext = prelu(norm(conv(x, p, 1, `${name}_project`), `${name}_project`), `${name}_project`);
    ext = apply(
      tfl.layers.conv2dTranspose({
        filters: p,
        kernelSize: 3,
        strides: 2,
        padding: "same",
        useBias: false,
        name: `${name}_deconv`,
      }),
      ext,
    );
    ext = prelu(norm(ext, `${name}_deconv`), `${name}_deconv`);
    return merge(main, expand(ext, channels, rate, name), name);
  };

  const input = tfl.input({
    shape: [size?.[0] ?? null, size?.[1] ?? null, inputChannels],
    name: `${prefix}_input`,
  });
  const initialConv = conv(input, width - inputChannels, 3, `${prefix}_initial_conv`, {
    strides: 2,
  });
  const initialPool = apply(
    tfl.layers.maxPooling2d({ poolSize: 2, name: `${prefix}_initial_pool` }),
    input,
  );
  let x = apply(tfl.layers.concatenate({ name: `${prefix}_initial_concat` }), [
    initialConv,
    initialPool,
  ]);
  x = prelu(norm(x, `${prefix}_initial`), `${prefix}_initial`);

  const stage1Input = x;
  x = downsampling(x, 4 * width, earlyDrop, `${prefix}_b1_0`);
  for (let i = 1; i <= stage1; i++)
    x = regular(x, 4 * width, "regular", earlyDrop, `${prefix}_b1_${i}`);
  const stage2Input = x;
  x = downsampling(x, 8 * width, lateDrop, `${prefix}_b2_0`);
  for (let stage = 2; stage < 2 + middleStages; stage++) {
    for (const [i, kind] of MIDDLE_STAGE.entries()) {
      x = regular(x, 8 * width, kind, lateDrop, `${prefix}_b${stage}_${i + 1}`);
    }
  }
  x = upsampling(x, stage2Input, 4 * width, lateDrop, `${prefix}_b4_0`);
  for (const i of [1, 2]) x = regular(x, 4 * width, "regular", lateDrop, `${prefix}_b4_${i}`);
  x = upsampling(x, stage1Input, width, lateDrop, `${prefix}_b5_0`);
  x = regular(x, width, "regular", lateDrop, `${prefix}_b5_1`);
  const output = apply(
    tfl.layers.conv2dTranspose({
      filters: classes,
      kernelSize: 2,
      strides: 2,
      padding: "valid",
      activation: options.outputActivation ?? "softmax",
      name: `${prefix}_fullconv`,
    }),
    x,
  );
  return tfl.model({ inputs: input, outputs: output, name: prefix });
}
