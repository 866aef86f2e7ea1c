import type * as tfl from "@tensorflow/tfjs-layers";
import { createAttentionUNet } from "./attention-unet.ts";
import { createENet } from "./enet.ts";
import { createUNet } from "./unet.ts";

/** The architectures a training run may name, as the API accepts them. */
export const ARCHITECTURES = ["unet", "attention-unet", "enet"] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export interface ModelSpec {
  architecture: Architecture;
  classes: number;
  /** U-Nets: filters at full resolution. ENet: channels out of the initial block (w). */
  baseFilters: number;
  /** U-Nets: poolings. ENet: middle stages of eight bottlenecks (2 in the paper). */
  depth: number;
  /** Side of the square input, fixed so that a wrong-sized batch fails at once. */
  imageSize: number;
}

export function isArchitecture(name: string): name is Architecture {
  return (ARCHITECTURES as readonly string[]).includes(name);
}

/** A network of the named architecture that outputs logits, as the project's losses take them. */
export function createModel(spec: ModelSpec): tfl.LayersModel {
  const size: [number, number] = [spec.imageSize, spec.imageSize];
  switch (spec.architecture) {
    case "unet":
      return createUNet({
        classes: spec.classes,
        baseFilters: spec.baseFilters,
        depth: spec.depth,
        size,
        outputActivation: "linear",
      });
    case "attention-unet":
      return createAttentionUNet({
        classes: spec.classes,
        baseFilters: spec.baseFilters,
        depth: spec.depth,
        size,
        outputActivation: "linear",
      });
    case "enet":
      return createENet({
        classes: spec.classes,
        width: spec.baseFilters,
        middleStages: spec.depth,
        size,
        outputActivation: "linear",
      });
    default:
      throw new Error(
        `createModel: unknown architecture "${String(spec.architecture)}"; use ${ARCHITECTURES.join(", ")}.`,
      );
  }
}
