import { crossEntropyLoss } from "../losses/cross-entropy.ts";
import { crossEntropyDiceLoss } from "../losses/cross-entropy-dice.ts";
import { generalizedCrossEntropyLoss } from "../losses/generalized-cross-entropy.ts";
import type { LossFunction } from "../losses/loss-function.ts";
import { nceRceLoss } from "../losses/nce-rce.ts";
import { nflMaeLoss } from "../losses/nfl-mae.ts";
import { softDiceLoss } from "../losses/soft-dice.ts";

/** The loss names a training run may carry, as the API accepts them. */
export const LOSS_NAMES = ["ce", "dice", "ce+dice", "gce", "nce+rce", "nfl+mae"] as const;
export type LossName = (typeof LOSS_NAMES)[number];

/** Parameters of the noise-robust losses; each loss reads the ones it has. */
export interface LossParameters {
  /** GCE's q in (0, 1]. */
  q?: number;
  /** Weight of the active term (NCE, NFL). */
  alpha?: number;
  /** Weight of the passive term (RCE, MAE). */
  beta?: number;
  /** Focal exponent of NFL. */
  gamma?: number;
}

export function isLossName(name: string): name is LossName {
  return (LOSS_NAMES as readonly string[]).includes(name);
}

/** The loss a run names, built with the run's parameters (undefined ones keep each loss's default). */
export function createLoss(name: LossName, parameters: LossParameters = {}): LossFunction {
  const defined = Object.fromEntries(
    Object.entries(parameters).filter(([, value]) => value !== undefined),
  ) as LossParameters;
  switch (name) {
    case "ce":
      return crossEntropyLoss();
    case "dice":
      return softDiceLoss();
    case "ce+dice":
      return crossEntropyDiceLoss();
    case "gce":
      return generalizedCrossEntropyLoss(defined.q === undefined ? {} : { q: defined.q });
    case "nce+rce": {
      const { alpha, beta } = defined;
      return nceRceLoss({
        ...(alpha === undefined ? {} : { alpha }),
        ...(beta === undefined ? {} : { beta }),
      });
    }
    case "nfl+mae":
      return nflMaeLoss(defined);
    default:
      throw new Error(`createLoss: unknown loss "${String(name)}"; use ${LOSS_NAMES.join(", ")}.`);
  }
}
