/**
 * bench:train — milliseconds per U-Net training step (batch 8, 4 classes, base 16, Adam,
 * categorical cross-entropy) at 64x64 and 128x128 on the backend selectBackend() picks,
 * with the same network in PyTorch on one thread as the yardstick when /usr/bin/python3
 * has torch. The last line printed is one JSON object for the 128x128 run.
 *
 * Options (environment): BENCH_SIZES=64,128  BENCH_STEPS=5  BENCH_WARMUP=2
 * CROWDSEG_BACKEND=wasm|cpu|tfjs-node|tfjs-node-gpu forces one backend.
 * BENCH_PROFILE=1 also prints the time per kernel of one step.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as tf from "@tensorflow/tfjs-core";
import { type BackendChoice, selectBackend } from "../src/backend/select-backend.ts";
import { createUNet } from "../src/models/unet.ts";

const BATCH = 8;
const CLASSES = 4;
const BASE = 16;
const PYTHON = "/usr/bin/python3";

const sizes = (process.env.BENCH_SIZES ?? "64,128").split(",").map(Number);
const steps = Number(process.env.BENCH_STEPS ?? 5);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const forced = process.env.CROWDSEG_BACKEND as BackendChoice | undefined;

interface Result {
  model: "unet";
  size: number;
  batch: number;
  backend: BackendChoice;
  msPerStep: number;
  slicesPerSec: number;
  peakRssMB: number;
  torchMsPerStep: number | null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function peakRssMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Median ms per step of the PyTorch peer, or null where torch is not installed. */
function torchStep(size: number): number | null {
  if (!existsSync(PYTHON)) return null;
  const script = fileURLToPath(new URL("./unet-torch.py", import.meta.url));
  const run = spawnSync(
    PYTHON,
    [
      script,
      "--size",
      String(size),
      "--batch",
      String(BATCH),
      "--classes",
      String(CLASSES),
      "--base",
      String(BASE),
      "--steps",
      String(steps),
      "--warmup",
      String(warmup),
    ],
    { encoding: "utf8", env: { ...process.env, OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" } },
  );
  if (run.status !== 0) {
    const why = run.stderr.includes("No module named 'torch'")
      ? "torch is not installed"
      : run.stderr.trim().split("\n").pop();
    console.log(`  (no PyTorch comparison: ${why})`);
    return null;
  }
  const last = run.stdout.trim().split("\n").pop() ?? "";
  const parsed = JSON.parse(last) as { msPerStep: number; params: number };
  return parsed.msPerStep;
}

function trainStep(
  model: ReturnType<typeof createUNet>,
  optimizer: tf.Optimizer,
  x: tf.Tensor,
  y: tf.Tensor,
): number {
  return tf.tidy(() => {
    const loss = optimizer.minimize(() => {
      const p = model.apply(x, { training: true }) as tf.Tensor;
      // Categorical cross-entropy on the softmax output, clipped like Keras does.
      return tf.neg(
        tf.mean(tf.sum(tf.mul(y, tf.log(tf.clipByValue(p, 1e-7, 1))), -1)),
      ) as tf.Scalar;
    }, true);
    return loss!.dataSync()[0]!;
  });
}

async function profileStep(
  model: ReturnType<typeof createUNet>,
  optimizer: tf.Optimizer,
  x: tf.Tensor,
  y: tf.Tensor,
) {
  const info = await tf.profile(() => {
    trainStep(model, optimizer, x, y);
  });
  const byKernel = new Map<string, { ms: number; calls: number }>();
  for (const k of info.kernels) {
    const ms = typeof k.kernelTimeMs === "number" ? k.kernelTimeMs : 0;
    const entry = byKernel.get(k.name) ?? { ms: 0, calls: 0 };
    entry.ms += ms;
    entry.calls += 1;
    byKernel.set(k.name, entry);
  }
  const total = [...byKernel.values()].reduce((s, e) => s + e.ms, 0);
  console.log(`  kernel profile of one step (${total.toFixed(0)} ms inside kernels):`);
  for (const [name, e] of [...byKernel.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 20)) {
    console.log(
      `    ${name.padEnd(24)} ${e.ms.toFixed(1).padStart(8)} ms ${String(e.calls).padStart(4)} calls ${((100 * e.ms) / total).toFixed(1).padStart(5)}%`,
    );
  }
}

async function benchSize(backend: BackendChoice, size: number): Promise<Result> {
  const model = createUNet({ classes: CLASSES, baseFilters: BASE, size: [size, size] });
  const optimizer = tf.train.adam(1e-3);
  const x = tf.randomNormal([BATCH, size, size, 1], 0, 1, "float32", 1);
  const y = tf.oneHot(tf.randomUniform([BATCH, size, size], 0, CLASSES, "int32", 2), CLASSES);
  for (let i = 0; i < warmup; i++) trainStep(model, optimizer, x, y);
  const times: number[] = [];
  for (let i = 0; i < steps; i++) {
    const start = performance.now();
    trainStep(model, optimizer, x, y);
    times.push(performance.now() - start);
  }
  if (process.env.BENCH_PROFILE === "1") await profileStep(model, optimizer, x, y);
  tf.dispose([x, y]);
  optimizer.dispose();
  model.dispose();
  const msPerStep = median(times);
  const rss = peakRssMB();
  const torchMsPerStep = torchStep(size);
  const result: Result = {
    model: "unet",
    size,
    batch: BATCH,
    backend,
    msPerStep: Math.round(msPerStep),
    slicesPerSec: Math.round((BATCH / msPerStep) * 1000 * 10) / 10,
    peakRssMB: rss,
    torchMsPerStep: torchMsPerStep == null ? null : Math.round(torchMsPerStep),
  };
  const ratio =
    torchMsPerStep == null
      ? ""
      : `; PyTorch 1 thread ${result.torchMsPerStep} ms, ratio ${(msPerStep / torchMsPerStep).toFixed(2)}x`;
  console.log(
    `unet ${size}x${size} batch ${BATCH} on ${backend}: ${result.msPerStep} ms/step ` +
      `(steps ${times.map((t) => t.toFixed(0)).join(", ")}), ${result.slicesPerSec} slices/s, ` +
      `peak RSS ${rss} MB${ratio}`,
  );
  return result;
}

const selection = await selectBackend(forced ? { candidates: [forced] } : {});
console.log(
  `backend: ${selection.name}${selection.skipped.length ? ` (skipped: ${selection.skipped.map((s) => s.name).join(", ")})` : ""}`,
);
let last: Result | undefined;
for (const size of sizes) last = await benchSize(selection.name, size);
console.log(JSON.stringify(last));
