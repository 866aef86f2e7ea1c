/**
 * bench:webgpu — milliseconds per U-Net training step on the webgpu backend (tfjs-backend-webgpu
 * through Dawn's Vulkan backend, npm `webgpu`), with the network, batch and loss of bench:train:
 * batch 8, 4 classes, base 16, Adam 1e-3, soft-target cross-entropy on logits. Each step reads its
 * loss back with data(): the webgpu backend cannot serve dataSync() in Node. bench:train times
 * webgpu too, where selectBackend picks it; this one adds where the time goes. Exits with the
 * reason where Dawn finds no hardware adapter.
 *
 * Also prints the GPU time of one step's kernels (tf.time; timestamp queries) and the process's
 * CPU time per step: on an H100 the step is bound by the CPU that records and submits its ~1,070
 * dispatches, not by the GPU.
 *
 * Environment: BENCH_SIZES=64,128  BENCH_STEPS=20  BENCH_WARMUP=3
 */
import * as tf from "@tensorflow/tfjs-core";
import { selectBackend } from "../src/backend/select-backend.ts";
import { crossEntropyLoss } from "../src/losses/cross-entropy.ts";
import { createUNet } from "../src/models/unet.ts";
import { median } from "./median.ts";

const BATCH = 8;
const CLASSES = 4;
const BASE = 16;

const sizes = (process.env.BENCH_SIZES ?? "64,128").split(",").map(Number);
const steps = Number(process.env.BENCH_STEPS ?? 20);
const warmup = Number(process.env.BENCH_WARMUP ?? 3);

let selection: Awaited<ReturnType<typeof selectBackend>>;
try {
  selection = await selectBackend({ candidates: ["webgpu"] });
} catch (error) {
  console.log(`no webgpu here: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.log(`backend: ${selection.tfBackend}`);

const results = [];
for (const size of sizes) {
  const model = createUNet({
    classes: CLASSES,
    baseFilters: BASE,
    size: [size, size],
    outputActivation: "linear",
  });
  const loss = crossEntropyLoss();
  const optimizer = tf.train.adam(1e-3);
  const x = tf.randomNormal([BATCH, size, size, 1], 0, 1, "float32", 1);
  const y = tf.tidy(() =>
    tf.oneHot(tf.randomUniform([BATCH, size, size], 0, CLASSES, "int32", 2), CLASSES),
  );
  const run = () =>
    optimizer.minimize(() => loss(y, model.apply(x, { training: true }) as tf.Tensor), true)!;
  const step = async () => {
    const cost = run();
    const value = (await cost.data())[0]!;
    cost.dispose();
    return value;
  };

  for (let i = 0; i < warmup; i++) await step();
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  let last = 0;
  for (let i = 0; i < steps; i++) {
    const start = performance.now();
    last = await step();
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const timing = await tf.time(() => run().dispose());
  const result = {
    backend: selection.name,
    size,
    batch: BATCH,
    msPerStep: Math.round(median(times)),
    cpuMsPerStep: Math.round((cpu.user + cpu.system) / 1000 / steps),
    gpuKernelMsPerStep: typeof timing.kernelMs === "number" ? Math.round(timing.kernelMs) : null,
    loss: Number(last.toFixed(4)),
  };
  console.log(
    `unet ${size}x${size}: ${result.msPerStep} ms/step (median of ${steps}; steps ` +
      `${times.map((t) => t.toFixed(0)).join(", ")}); CPU ${result.cpuMsPerStep} ms/step, ` +
      `GPU kernels ${result.gpuKernelMsPerStep} ms/step`,
  );
  results.push(result);
  tf.dispose([x, y]);
  model.dispose();
  optimizer.dispose();
}
console.log(JSON.stringify(results));
// npm webgpu's README warns that a live navigator.gpu can keep Node from exiting.
process.exit(0);
