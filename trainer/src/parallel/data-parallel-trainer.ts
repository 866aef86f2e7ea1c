import { Worker } from "node:worker_threads";
import { type BackendChoice, DEFAULT_BACKEND_ORDER } from "../backend/select-backend.ts";
import type { SavedTensor } from "../training/checkpoint-codec.ts";
import type { ReplicaSpec, StepContext } from "./replica.ts";
import { SharedBarrier } from "./shared-barrier.ts";
import type { ToMain, ToWorker } from "./worker-messages.ts";

/** A batch on the host: row-major values and shape, batch on axis 0. */
export interface HostTensor {
  data: Float32Array;
  shape: number[];
}

export interface DataParallelOptions {
  /** Worker threads, each training on a shard of every batch. */
  workers: number;
  replica: ReplicaSpec;
  /**
   * Backends each worker tries, in order; default: selectBackend's default order less webgpu,
   * which cannot serve the synchronous reads a worker makes between its barriers.
   */
  backends?: BackendChoice[];
  /** XNNPACK threads per worker on wasm (selectBackend's wasmThreads); default 1. */
  wasmThreads?: number;
}

const ENTRY = new URL("./typescript-worker-entry.mjs", import.meta.url);
const WORKER = new URL("./data-parallel-worker.ts", import.meta.url).href;

/**
 * Synchronous data-parallel training over worker threads: the wasm backend runs one
 * thread, so each worker holds a replica and trains on a shard of the batch; gradients
 * are averaged through shared memory and every replica applies the same update. For a
 * loss that is a mean over samples (no batch norm) this equals one worker on the whole
 * batch up to float rounding.
 */
export class DataParallelTrainer {
  private nextId = 0;
  private failure: Error | null = null;

  private constructor(
    private readonly workers: Worker[],
    readonly parameterCount: number,
  ) {}

  static async start(options: DataParallelOptions): Promise<DataParallelTrainer> {
    const world = options.workers;
    if (!Number.isInteger(world) || world < 1) {
      throw new Error(`DataParallelTrainer: workers must be a positive integer, got ${world}.`);
    }
    const workers = Array.from(
      { length: world },
      (_, rank) =>
        new Worker(ENTRY, {
          workerData: {
            entry: WORKER,
            rank,
            world,
            replica: options.replica,
            backends: options.backends ?? DEFAULT_BACKEND_ORDER.filter((b) => b !== "webgpu"),
            wasmThreads: options.wasmThreads ?? 1,
          },
        }),
    );
    try {
      const ready = await Promise.all(workers.map((w) => reply(w, "ready")));
      const counts = new Set(ready.map((r) => r.parameterCount));
      if (counts.size !== 1) {
        throw new Error(
          `DataParallelTrainer: replicas differ in size (${[...counts].join(", ")}).`,
        );
      }
      const parameterCount = ready[0]!.parameterCount;
      const attach: ToWorker = {
        type: "attach",
        gradients: new SharedArrayBuffer(world * parameterCount * 4),
        weights: new SharedArrayBuffer(parameterCount * 4),
        control: new SharedArrayBuffer(SharedBarrier.BYTES),
      };
      await Promise.all(
        workers.map((w) => {
          const done = reply(w, "attached");
          w.postMessage(attach);
          return done;
        }),
      );
      return new DataParallelTrainer(workers, parameterCount);
    } catch (error) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw error;
    }
  }

  get workerCount(): number {
    return this.workers.length;
  }

  /**
   * One synchronous step on the batch (x, y), split into near-equal shards along axis 0 (a batch
   * smaller than the world leaves some workers idle). Resolves to the batch's mean loss (shard
   * losses weighted by shard size).
   */
  async step(
    x: HostTensor,
    y: HostTensor,
    context: StepContext = { noiseSeed: 0, warmup: false },
  ): Promise<number> {
    if (this.failure) throw this.failure;
    const batch = x.shape[0] ?? 0;
    if (batch !== y.shape[0]) {
      throw new Error(`DataParallelTrainer: x has ${batch} samples but y has ${y.shape[0]}.`);
    }
    if (batch < 1) throw new Error("DataParallelTrainer: the batch is empty.");
    const id = this.nextId++;
    const shards = this.workers.map((_, rank) => {
      const start = Math.floor((rank * batch) / this.workers.length);
      const end = Math.floor(((rank + 1) * batch) / this.workers.length);
      return { start, end, share: (end - start) / batch };
    });
    try {
      const losses = await Promise.all(
        this.workers.map((w, rank) => {
          const { start, end, share } = shards[rank]!;
          const xs = slice(x, start, end);
          const ys = slice(y, start, end);
          const done = reply(w, "stepped");
          const message: ToWorker = {
            type: "step",
            id,
            x: xs.data,
            xShape: xs.shape,
            y: ys.data,
            yShape: ys.shape,
            share,
            context,
          };
          // slice() copied the rows into fresh ArrayBuffers, which can be handed over.
          w.postMessage(message, [xs.data.buffer as ArrayBuffer, ys.data.buffer as ArrayBuffer]);
          return done.then((r) => r.loss * share);
        }),
      );
      return losses.reduce((a, b) => a + b, 0);
    } catch (error) {
      // A worker that failed mid-step broke the barrier; the replicas may now differ.
      this.failure = error instanceof Error ? error : new Error(String(error));
      throw this.failure;
    }
  }

  /** The current weights (all replicas hold the same), variables concatenated in order. */
  async weights(): Promise<Float32Array> {
    const w = this.workers[0]!;
    const done = reply(w, "weights");
    w.postMessage({ type: "weights" } satisfies ToWorker);
    return (await done).weights;
  }

  /**
   * Sets every replica's weights (variables concatenated in order) and, unless null, its
   * optimizer state (as saveOptimizerState writes it), e.g. to start from a checkpoint.
   */
  async load(weights: Float32Array, optimizer: SavedTensor[] | null): Promise<void> {
    if (this.failure) throw this.failure;
    if (weights.length !== this.parameterCount) {
      throw new Error(
        `DataParallelTrainer: ${weights.length} weights given, the replicas have ${this.parameterCount}.`,
      );
    }
    await Promise.all(
      this.workers.map((w) => {
        const done = reply(w, "loaded");
        w.postMessage({ type: "load", weights, optimizer } satisfies ToWorker);
        return done;
      }),
    );
  }

  /** The optimizer's state (all replicas hold the same), as saveOptimizerState writes it. */
  async optimizerState(): Promise<SavedTensor[]> {
    const w = this.workers[0]!;
    const done = reply(w, "optimizer-state");
    w.postMessage({ type: "optimizer-state" } satisfies ToWorker);
    return (await done).state;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Rows [start, end) of axis 0, copied so the buffer can be transferred. */
function slice(t: HostTensor, start: number, end: number): HostTensor {
  const rowSize = t.shape.slice(1).reduce((a, b) => a * b, 1);
  if (t.data.length !== rowSize * (t.shape[0] ?? 0)) {
    throw new Error(`DataParallelTrainer: ${t.data.length} values do not fill shape [${t.shape}].`);
  }
  return {
    data: t.data.slice(start * rowSize, end * rowSize),
    shape: [end - start, ...t.shape.slice(1)],
  };
}

type Reply<T extends ToMain["type"]> = Extract<ToMain, { type: T }>;

/** The worker's next message, which must be of `type`; an error message or exit rejects. */
function reply<T extends ToMain["type"]>(worker: Worker, type: T): Promise<Reply<T>> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    const onMessage = (message: ToMain) => {
      cleanup();
      if (message.type === type) resolve(message as Reply<T>);
      else if (message.type === "error")
        reject(new Error(`Data-parallel worker: ${message.message}`));
      else reject(new Error(`Data-parallel worker: expected '${type}', got '${message.type}'.`));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`Data-parallel worker exited (code ${code}) while '${type}' was awaited.`));
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
  });
}
