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
      /** This shard's fraction of the batch. */
      share: number;
    }
  | { type: "weights" };

export type ToMain =
  | { type: "ready"; parameterCount: number }
  | { type: "attached" }
  | { type: "stepped"; id: number; loss: number }
  | { type: "weights"; weights: Float32Array }
  | { type: "error"; message: string };
