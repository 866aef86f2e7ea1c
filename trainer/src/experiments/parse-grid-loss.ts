import { isLossName, LOSS_NAMES, type LossParameters } from "../training/create-loss.ts";
import type { GridLoss } from "./run-grid.ts";

const SYMBOLS: Record<keyof LossParameters, string> = { q: "q", alpha: "α", beta: "β", gamma: "γ" };

/**
 * A grid loss from the command line: a loss name, optionally followed by parameters and the
 * epochs of cross-entropy warm-up, as in "nce+rce:alpha=10:beta=0.1:warmup=5" (labelled
 * "nce+rce (α=10, β=0.1, CE warm-up 5)" in the report).
 */
export function parseGridLoss(text: string): GridLoss {
  const [name, ...parameters] = text.split(":");
  if (name === undefined || !isLossName(name)) {
    throw new Error(`unknown loss "${name}"; use ${LOSS_NAMES.join(", ")}`);
  }
  if (parameters.length === 0) return name;
  const options: LossParameters = {};
  let warmupEpochs: number | undefined;
  for (const parameter of parameters) {
    const [key, value] = parameter.split("=");
    if (key !== "q" && key !== "alpha" && key !== "beta" && key !== "gamma" && key !== "warmup") {
      throw new Error(
        `loss "${text}": unknown parameter "${key}"; use q, alpha, beta, gamma, warmup`,
      );
    }
    const number = Number(value);
    if (value === undefined || value === "" || !Number.isFinite(number)) {
      throw new Error(`loss "${text}": ${key} needs a number, got "${value ?? ""}"`);
    }
    if (key === "warmup") {
      if (!Number.isInteger(number) || number < 0) {
        throw new Error(`loss "${text}": warmup needs a whole number of epochs, got "${value}"`);
      }
      warmupEpochs = number;
    } else options[key] = number;
  }
  const label = [
    ...Object.entries(options).map(
      ([key, value]) => `${SYMBOLS[key as keyof LossParameters]}=${value}`,
    ),
    ...(warmupEpochs === undefined ? [] : [`CE warm-up ${warmupEpochs}`]),
  ].join(", ");
  return {
    name,
    options,
    ...(warmupEpochs === undefined ? {} : { warmupEpochs }),
    label: `${name} (${label})`,
  };
}
