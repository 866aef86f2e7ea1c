import * as tfl from "@tensorflow/tfjs-layers";
import { attentionGate } from "./attention-gate.ts";

export interface AttentionUNetOptions {
  /** Output classes C (background included). */
  classes: number;
  /** Image channels; 1 for MRI. Default 1. */
  inputChannels?: number;
  /** Filters at full resolution; doubles at every downsampling. Default 16. */
  baseFilters?: number;
  /** Number of 2×2 max-pool downsamplings. Default 4. */
  depth?: number;
  /** Fixed input height and width, or null for any size divisible by 2^depth. Default null. */
  size?: [number, number] | null;
  /** 'softmax' gives class probabilities; 'linear' gives logits. Default 'softmax'. */
  outputActivation?: "softmax" | "linear";
  /** Prefix for layer names. Default 'attunet'. */
  name?: string;
}

/**
 * Attention U-Net (Oktay et al., MIDL 2018): the U-Net of createUNet (same encoder, bottleneck,
 * transposed-conv upsampling and decoder blocks, 'same' padding, no batch norm) with an additive
 * attention gate on every skip connection, gated by the decoder feature one level coarser, so
 * that the decoder takes only the skip features the coarse context marks as relevant.
 *
 * Parameters: the U-Net's, plus per level l (F = base·2^l, gate channels F_g = 2F, F_int = ⌈F/2⌉)
 * 4·F·F_int + (2F + 1)·F_int + F_int + 1 + (F + 1)·F.
 */
export function createAttentionUNet(options: AttentionUNetOptions): tfl.LayersModel {
  const classes = options.classes;
  const inputChannels = options.inputChannels ?? 1;
  const base = options.baseFilters ?? 16;
  const depth = options.depth ?? 4;
  const size = options.size ?? null;
  const prefix = options.name ?? "attunet";
  for (const [key, value, min] of [
    ["classes", classes, 1],
    ["inputChannels", inputChannels, 1],
    ["baseFilters", base, 1],
    ["depth", depth, 1],
  ] as const) {
    if (!Number.isInteger(value) || value < min) {
      throw new Error(`createAttentionUNet: ${key} must be an integer >= ${min}, got ${value}.`);
    }
  }
  if (size?.some((s) => !Number.isInteger(s) || s % 2 ** depth !== 0 || s === 0)) {
    throw new Error(
      `createAttentionUNet: size ${size} must be positive multiples of 2^depth = ${2 ** depth}.`,
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
    const gated = attentionGate(skips[level]!, x, {
      interFilters: Math.ceil(filters / 2),
      skipFilters: filters,
      name: `${prefix}_gate${level}`,
    });
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
    x = apply(tfl.layers.concatenate({ name: `${prefix}_concat${level}` }), [gated, up]);
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
