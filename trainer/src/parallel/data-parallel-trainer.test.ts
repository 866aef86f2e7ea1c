import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createModel, type ModelSpec } from "../models/create-model.ts";
import { initializeWeights } from "../models/initialize-weights.ts";
import {
  relativeError,
  seededInts,
  seededValues,
  useBackend,
} from "../testing/backend-comparison.ts";
import type { TrainingCheckpoint } from "../training/checkpoint-codec.ts";
import { createLoss } from "../training/create-loss.ts";
import { discSamples } from "../training/testing/disc-samples.ts";
import { type TrainOptions, train } from "../training/train.ts";
import { DataParallelTrainer, type HostTensor } from "./data-parallel-trainer.ts";
import { assignFlatWeights, readFlatWeights } from "./flat-weights.ts";
import { type ModelReplicaOptions, modelReplica } from "./model-replica.ts";

const OPTIONS: ModelReplicaOptions = {
  model: { architecture: "unet", classes: 3, baseFilters: 4, depth: 2, imageSize: 16 },
  loss: "ce",
  learningRate: 0.05,
  // Adam would hide a wrongly scaled average: its update barely depends on the scale.
  optimizer: "sgd",
};
const SPEC = {
  module: new URL("./model-replica.ts", import.meta.url).href,
  exportName: "modelReplica",
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
    const reference = modelReplica(OPTIONS);
    assignFlatWeights(reference.variables, initial);
    const referenceLosses = batches.map((b) =>
      tf.tidy(() => {
        const x = tf.tensor(b.x.data, b.x.shape);
        const y = tf.tensor(b.y.data, b.y.shape);
        return reference.optimizer
          .minimize(() => reference.loss(x, y, { noiseSeed: 0, warmup: false }), true)!
          .dataSync()[0]!;
      }),
    );
    const single = await readFlatWeights(reference.variables);
    for (let i = 0; i < losses.length; i++) expect(losses[i]).toBeCloseTo(referenceLosses[i]!, 4);
    // The weights moved, and moved the same way.
    expect(relativeError(parallel, initial)).toBeGreaterThan(1e-3);
    expect(relativeError(parallel, single)).toBeLessThan(1e-4);
  });

  it("trains a run's epochs, warm-up and resume included, as train does on one thread", async () => {
    await useBackend("wasm");
    const model: ModelSpec = {
      architecture: "unet",
      classes: 3,
      baseFilters: 4,
      depth: 2,
      imageSize: 32,
    };
    const options: ModelReplicaOptions = { model, loss: "nce+rce", learningRate: 3e-3 };
    const trainOptions: TrainOptions = {
      loss: createLoss("nce+rce"),
      warmup: { epochs: 1, loss: createLoss("ce") },
      epochs: 3,
      batchSize: 8,
      learningRate: 3e-3,
      seed: 3,
    };
    // 17 slices: every epoch ends on a batch of one, which leaves the second worker idle.
    const trainSet = discSamples(17, 32, 1);
    const validation = discSamples(4, 32, 2);
    const fresh = () => {
      const m = createModel(model);
      initializeWeights(m, 11);
      return m;
    };
    const single = fresh();
    const singleResult = await train(single, trainSet, validation, trainOptions);

    const pair = await DataParallelTrainer.start({
      workers: 2,
      replica: { module: SPEC.module, exportName: "modelReplica", options },
      backends: ["wasm"],
    });
    try {
      const first = fresh();
      let afterTwo: TrainingCheckpoint | null = null;
      await train(first, trainSet, validation, {
        ...trainOptions,
        epochs: 2,
        remote: pair,
        onCheckpoint: (c) => {
          afterTwo = c;
        },
      });
      first.dispose();
      // Resumed from the checkpoint (weights and Adam's moments) on the same workers.
      const resumed = createModel(model);
      initializeWeights(resumed, 99);
      const result = await train(resumed, trainSet, validation, {
        ...trainOptions,
        remote: pair,
        resumeFrom: afterTwo,
      });
      expect(result.history.map((h) => h.loss)).toHaveLength(3);
      for (const [i, h] of result.history.entries()) {
        expect(h.loss).toBeCloseTo(singleResult.history[i]!.loss, 4);
      }
      const flat = (m: typeof single) =>
        readFlatWeights(m.trainableWeights.map((w) => w.read() as tf.Variable));
      expect(relativeError(await flat(resumed), await flat(single))).toBeLessThan(1e-4);
      // The model ends on its best epoch; the checkpoint holds the last one's weights. The test
      // can fail: the third epoch moved them away from where the second left them.
      const last = checkpointWeights(result.checkpoint);
      expect(relativeError(last, checkpointWeights(singleResult.checkpoint))).toBeLessThan(1e-4);
      expect(relativeError(last, checkpointWeights(afterTwo!))).toBeGreaterThan(1e-3);
      resumed.dispose();
    } finally {
      single.dispose();
      await pair.close();
    }
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

/** A checkpoint's trainable weights, concatenated (the U-Net has no other weights). */
function checkpointWeights(checkpoint: TrainingCheckpoint): Float32Array {
  return Float32Array.from(checkpoint.weights.flatMap((w) => [...w.values]));
}
