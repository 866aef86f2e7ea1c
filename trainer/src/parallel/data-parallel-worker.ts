/**
 * One data-parallel worker: builds its replica, then for every step computes the
 * gradient of its shard, averages it with the other workers' through shared memory, and
 * applies the same update they all apply, so the replicas stay identical.
 */
import { parentPort, workerData } from "node:worker_threads";
import * as tf from "@tensorflow/tfjs-core";
import { type BackendChoice, selectBackend } from "../backend/select-backend.ts";
import { loadOptimizerState, saveOptimizerState } from "../training/checkpoint.ts";
import { assignFlatWeights, readFlatWeights } from "./flat-weights.ts";
import type { Replica, ReplicaFactory, ReplicaSpec } from "./replica.ts";
import { SharedBarrier } from "./shared-barrier.ts";
import type { ToMain, ToWorker } from "./worker-messages.ts";

interface WorkerInit {
  rank: number;
  world: number;
  replica: ReplicaSpec;
  backends: BackendChoice[];
  wasmThreads: number;
}

const port = parentPort;
if (port == null) throw new Error("data-parallel-worker must run in a worker thread.");
const init = workerData as WorkerInit;
const send = (message: ToMain) => port.postMessage(message);

let replica: Replica;
let barrier: SharedBarrier;
let gradients: Float32Array; // [world][parameters], this worker writes its own row
let average: Float32Array;
let weightsBuffer: Float32Array;
let parameterCount = 0;

async function build(): Promise<void> {
  await selectBackend({ candidates: init.backends, wasmThreads: init.wasmThreads });
  const module = (await import(init.replica.module)) as Record<string, unknown>;
  const factory = module[init.replica.exportName];
  if (typeof factory !== "function") {
    throw new Error(`${init.replica.module} exports no function '${init.replica.exportName}'.`);
  }
  replica = await (factory as ReplicaFactory)(init.replica.options);
  parameterCount = replica.variables.reduce((n, v) => n + v.size, 0);
}

/** Rank 0's initial weights become everyone's, so the replicas start identical. */
async function attach(message: Extract<ToWorker, { type: "attach" }>): Promise<void> {
  barrier = new SharedBarrier(message.control, init.world);
  gradients = new Float32Array(message.gradients);
  weightsBuffer = new Float32Array(message.weights);
  average = new Float32Array(parameterCount);
  if (init.rank === 0) await readFlatWeights(replica.variables, weightsBuffer);
  barrier.wait();
  if (init.rank !== 0) assignFlatWeights(replica.variables, weightsBuffer);
  barrier.wait();
}

function step(message: Extract<ToWorker, { type: "step" }>): number {
  // Alone, there is nothing to average: skip the round trip through shared memory.
  if (init.world === 1) {
    return tf.tidy(() => {
      const x = tf.tensor(message.x, message.xShape);
      const y = tf.tensor(message.y, message.yShape);
      return replica.optimizer
        .minimize(() => replica.loss(x, y, message.context), true, replica.variables)!
        .dataSync()[0]!;
    });
  }
  const mine = gradients.subarray(init.rank * parameterCount, (init.rank + 1) * parameterCount);
  // A batch smaller than the world leaves this worker nothing: it adds a zero gradient.
  if (message.share === 0) mine.fill(0);
  const loss =
    message.share === 0
      ? 0
      : tf.tidy(() => {
          const x = tf.tensor(message.x, message.xShape);
          const y = tf.tensor(message.y, message.yShape);
          const { value, grads } = tf.variableGrads(
            () => replica.loss(x, y, message.context),
            replica.variables,
          );
          let offset = 0;
          for (const v of replica.variables) {
            const g = grads[v.name];
            if (g == null) throw new Error(`No gradient for variable ${v.name}.`);
            // Pre-scaled by this shard's share of the batch, so the rows simply add up.
            const data = g.dataSync() as Float32Array;
            for (let i = 0; i < data.length; i++) mine[offset + i] = data[i]! * message.share;
            offset += v.size;
          }
          return value.dataSync()[0]!;
        });
  barrier.wait();
  average.set(gradients.subarray(0, parameterCount));
  for (let r = 1; r < init.world; r++) {
    const row = gradients.subarray(r * parameterCount, (r + 1) * parameterCount);
    for (let i = 0; i < parameterCount; i++) average[i] = average[i]! + row[i]!;
  }
  // No worker may overwrite its row for the next step before everyone has summed this one.
  barrier.wait();
  tf.tidy(() => {
    const named: Record<string, tf.Tensor> = {};
    let offset = 0;
    for (const v of replica.variables) {
      named[v.name] = tf.tensor(average.subarray(offset, offset + v.size), v.shape);
      offset += v.size;
    }
    replica.optimizer.applyGradients(named);
  });
  return loss;
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case "attach":
      await attach(message);
      send({ type: "attached" });
      break;
    case "step":
      send({ type: "stepped", id: message.id, loss: step(message) });
      break;
    case "weights":
      send({ type: "weights", weights: await readFlatWeights(replica.variables) });
      break;
    case "load":
      // Every worker gets the same weights and state, so no barrier is needed.
      assignFlatWeights(replica.variables, message.weights);
      if (message.optimizer !== null)
        await loadOptimizerState(replica.optimizer, message.optimizer);
      send({ type: "loaded" });
      break;
    case "optimizer-state":
      send({ type: "optimizer-state", state: await saveOptimizerState(replica.optimizer) });
      break;
  }
}

// One message at a time: a load's await must not let the next step overtake it.
let queue = Promise.resolve();
port.on("message", (message: ToWorker) => {
  queue = queue.then(() =>
    handle(message).catch((error: unknown) => {
      barrier?.break();
      send({ type: "error", message: error instanceof Error ? error.message : String(error) });
    }),
  );
});

build().then(
  () => send({ type: "ready", parameterCount }),
  (error: unknown) =>
    send({ type: "error", message: error instanceof Error ? error.message : String(error) }),
);
