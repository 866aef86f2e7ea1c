import type { SavedTensor } from "../training/checkpoint-codec.ts";
import type { StepContext } from "./replica.ts";

/** Messages between the data-parallel trainer and its workers. */
export type ToWorker =
  | {
      type: "attach";
      gradients: SharedArrayBuffer;
      weights: SharedArrayBuffer;
      control: SharedArrayBuffer;
    }
  | {
      type: "step";
      id: number;
      x: Float32Array;
      xShape: number[];
      y: Float32Array;
      yShape: number[];
      /** This shard's fraction of the batch; 0 for a worker a short batch leaves idle. */
      share: number;
      context: StepContext;
    }
  | { type: "weights" }
  | { type: "load"; weights: Float32Array; optimizer: SavedTensor[] | null }
  | { type: "optimizer-state" };

export type ToMain =
  | { type: "ready"; parameterCount: number }
  | { type: "attached" }
  | { type: "stepped"; id: number; loss: number }
  | { type: "weights"; weights: Float32Array }
  | { type: "loaded" }
  | { type: "optimizer-state"; state: SavedTensor[] }
  | { type: "error"; message: string };
