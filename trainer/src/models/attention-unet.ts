import type * as tfl from "@tensorflow/tfjs-layers";
import { attentionGate } from "./attention-gate.ts";
import { buildUNet, type UNetOptions } from "./unet.ts";

/** The U-Net's options; layer names default to the prefix 'attunet'. */
export type AttentionUNetOptions = UNetOptions;

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
  return buildUNet(options, {
    caller: "createAttentionUNet",
    defaultName: "attunet",
    minDepth: 1,
    gateSkip: (skip, coarse, level, filters, prefix) =>
      attentionGate(skip, coarse, {
        interFilters: Math.ceil(filters / 2),
        skipFilters: filters,
        name: `${prefix}_gate${level}`,
      }),
  });
}
