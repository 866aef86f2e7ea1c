import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  relativeError,
  seededInts,
  seededValues,
  useBackend,
} from "../testing/backend-comparison.ts";
import { DataParallelTrainer, type HostTensor } from "./data-parallel-trainer.ts";
import { type UNetReplicaOptions, unetReplica } from "./unet-replica.ts";

const OPTIONS: UNetReplicaOptions = {
  unet: { classes: 3, baseFilters: 4, depth: 2 },
  learningRate: 0.05,
  // Adam would hide a wrongly scaled average: its update barely depends on the scale.
  optimizer: "sgd",
};
const SPEC = {
  module: new URL("./unet-replica.ts", import.meta.url).href,
  exportName: "unetReplica",
  options: OPTIONS,
};

function batch(seed: number): { x: HostTensor; y: HostTensor } {
  const n = 4;
  const labels = seededInts(n * 16 * 16, 0, 2, seed + 1);
  const y = new Float32Array(n * 16 * 16 * 3);
  labels.forEach((label, pixel) => {
    y[pixel * 3 + label] = 1;
  });
  return {
    x: { data: seededValues(n * 16 * 16, seed), shape: [n, 16, 16, 1] },
    y: { data: y, shape: [n, 16, 16, 3] },
  };
}

describe("DataParallelTrainer", () => {
  let trainer: DataParallelTrainer;
  beforeAll(async () => {
    trainer = await DataParallelTrainer.start({ workers: 2, replica: SPEC, backends: ["wasm"] });
  });
  afterAll(() => trainer.close());

  it("matches one replica trained on the whole batch, up to float rounding", async () => {
    const initial = await trainer.weights();
    const batches = [batch(10), batch(20), batch(30)];
    const losses: number[] = [];
    for (const b of batches) losses.push(await trainer.step(b.x, b.y));
    const parallel = await trainer.weights();

    await useBackend("wasm");
    const reference = unetReplica(OPTIONS);
    let offset = 0;
    for (const v of reference.variables) {
      v.assign(tf.tensor(initial.subarray(offset, offset + v.size), v.shape));
      offset += v.size;
    }
    const referenceLosses = batches.map((b) =>
      tf.tidy(() => {
        const x = tf.tensor(b.x.data, b.x.shape);
        const y = tf.tensor(b.y.data, b.y.shape);
        return reference.optimizer.minimize(() => reference.loss(x, y), true)!.dataSync()[0]!;
      }),
    );
    const single = new Float32Array(trainer.parameterCount);
    offset = 0;
    for (const v of reference.variables) {
      single.set(v.dataSync() as Float32Array, offset);
      offset += v.size;
    }
    for (let i = 0; i < losses.length; i++) expect(losses[i]).toBeCloseTo(referenceLosses[i]!, 4);
    // The weights moved, and moved the same way.
    expect(relativeError(parallel, initial)).toBeGreaterThan(1e-3);
    expect(relativeError(parallel, single)).toBeLessThan(1e-4);
  });

  it("rejects a batch smaller than the number of workers", async () => {
    const b = batch(40);
    const one = { data: b.x.data.slice(0, 256), shape: [1, 16, 16, 1] };
    await expect(
      trainer.step(one, { data: b.y.data.slice(0, 768), shape: [1, 16, 16, 3] }),
    ).rejects.toThrow(/batch of 1 cannot feed 2 workers/);
  });

  it("reports a worker's failure instead of hanging, and refuses further steps", async () => {
    const broken = await DataParallelTrainer.start({
      workers: 2,
      replica: SPEC,
      backends: ["wasm"],
    });
    try {
      const b = batch(50);
      // Labels for 4 classes against a 3-class network: the loss throws in both workers.
      const wrong = { data: new Float32Array(4 * 16 * 16 * 4), shape: [4, 16, 16, 4] };
      await expect(broken.step(b.x, wrong)).rejects.toThrow(/Data-parallel worker: .*differ/);
      await expect(broken.step(b.x, b.y)).rejects.toThrow(/differ/);
    } finally {
      await broken.close();
    }
  });

  it("fails to start with a clear message when the replica factory is missing", async () => {
    await expect(
      DataParallelTrainer.start({
        workers: 1,
        replica: { ...SPEC, exportName: "nope" },
        backends: ["wasm"],
      }),
    ).rejects.toThrow(/exports no function 'nope'/);
  });
});
