/**
 * bench:train — milliseconds per U-Net training step (batch 8, 4 classes, base 16,
 * Adam, soft-target cross-entropy on logits) at 64x64 and 128x128 on the backend
 * selectBackend() picks: on one thread, and data-parallel over worker threads (the wasm
 * backend runs one thread each). Where /usr/bin/python3 has torch, the same network in
 * PyTorch on one thread is timed in the same run as the yardstick. The last line printed
 * is one JSON object for the last size, for the faster of the two configurations.
 *
 * Environment: BENCH_SIZES=64,128  BENCH_STEPS=5  BENCH_WARMUP=2  BENCH_WORKERS=2
 * CROWDSEG_BACKEND=wasm|cpu|tfjs-node|tfjs-node-gpu forces one backend.
 * BENCH_PROFILE=1 also prints where one single-thread step spends its time, per kernel.
 *
 * Other processes share this machine's cores; each timing line says how many cores they
 * kept busy meanwhile, because that, not the code, is often what moved the number.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as tf from "@tensorflow/tfjs-core";
import { type BackendChoice, selectBackend } from "../src/backend/select-backend.ts";
import { DataParallelTrainer, type HostTensor } from "../src/parallel/data-parallel-trainer.ts";
import { type UNetReplicaOptions, unetReplica } from "../src/parallel/unet-replica.ts";
import { withMachineLoad } from "./machine-load.ts";
import { profileKernels } from "./profile-kernels.ts";

const BATCH = 8;
const CLASSES = 4;
const BASE = 16;
const PYTHON = "/usr/bin/python3";

const sizes = (process.env.BENCH_SIZES ?? "64,128").split(",").map(Number);
const steps = Number(process.env.BENCH_STEPS ?? 5);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const workerCount = Number(process.env.BENCH_WORKERS ?? 2);
const forced = process.env.CROWDSEG_BACKEND as BackendChoice | undefined;

interface Timing {
  msPerStep: number;
  stepsMs: number[];
  otherCores: number | null;
}

interface Result {
  model: "unet";
  size: number;
  batch: number;
  backend: BackendChoice;
  workers: number;
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

const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

function replicaOptions(size: number): UNetReplicaOptions {
  return { unet: { classes: CLASSES, baseFilters: BASE, size: [size, size] }, learningRate: 1e-3 };
}

function syntheticBatch(size: number): { x: HostTensor; y: HostTensor } {
  const x = tf.tidy(() => tf.randomNormal([BATCH, size, size, 1], 0, 1, "float32", 1).dataSync());
  const y = tf.tidy(() =>
    tf.oneHot(tf.randomUniform([BATCH, size, size], 0, CLASSES, "int32", 2), CLASSES).dataSync(),
  );
  return {
    x: { data: Float32Array.from(x), shape: [BATCH, size, size, 1] },
    y: { data: Float32Array.from(y), shape: [BATCH, size, size, CLASSES] },
  };
}

async function timeSteps(step: () => Promise<unknown> | unknown): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await step();
  const { result: stepsMs, otherCores } = await withMachineLoad(async () => {
    const times: number[] = [];
    for (let i = 0; i < steps; i++) {
      const start = performance.now();
      await step();
      times.push(performance.now() - start);
    }
    return times;
  });
  return { msPerStep: median(stepsMs), stepsMs, otherCores };
}

async function singleThread(size: number, data: { x: HostTensor; y: HostTensor }): Promise<Timing> {
  const replica = unetReplica(replicaOptions(size));
  const x = tf.tensor(data.x.data, data.x.shape);
  const y = tf.tensor(data.y.data, data.y.shape);
  const step = () =>
    tf.tidy(() => replica.optimizer.minimize(() => replica.loss(x, y), true)!.dataSync()[0]);
  const timing = await timeSteps(step);
  if (process.env.BENCH_PROFILE === "1") {
    console.log(`  where one single-thread step at ${size}x${size} spends its time:`);
    for (const line of profileKernels(step)) console.log(`    ${line}`);
  }
  tf.dispose([x, y, ...replica.variables]);
  replica.optimizer.dispose();
  return timing;
}

async function dataParallel(
  size: number,
  data: { x: HostTensor; y: HostTensor },
  backend: BackendChoice,
): Promise<Timing> {
  const trainer = await DataParallelTrainer.start({
    workers: workerCount,
    backends: [backend],
    replica: {
      module: new URL("../src/parallel/unet-replica.ts", import.meta.url).href,
      exportName: "unetReplica",
      options: replicaOptions(size),
    },
  });
  try {
    return await timeSteps(() => trainer.step(data.x, data.y));
  } finally {
    await trainer.close();
  }
}

/** Median ms per step of the PyTorch peer, or null where torch is not installed. */
function torchStep(size: number): Timing | null {
  if (!existsSync(PYTHON)) return null;
  const script = fileURLToPath(new URL("./unet-torch.py", import.meta.url));
  const args = [
    script,
    "--size",
    String(size),
    "--batch",
    String(BATCH),
    "--classes",
    String(CLASSES),
  ];
  args.push("--base", String(BASE), "--steps", String(steps), "--warmup", String(warmup));
  const env = { ...process.env, OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };
  const run = spawnSync(PYTHON, args, { encoding: "utf8", env });
  if (run.status !== 0) {
    const why = run.stderr.includes("No module named 'torch'")
      ? "torch is not installed"
      : run.stderr.trim().split("\n").pop();
    console.log(`  (no PyTorch comparison: ${why})`);
    return null;
  }
  const parsed = JSON.parse(run.stdout.trim().split("\n").pop() ?? "") as {
    msPerStep: number;
    stepsMs: number[];
    otherCores: number | null;
  };
  return { msPerStep: parsed.msPerStep, stepsMs: parsed.stepsMs, otherCores: parsed.otherCores };
}

function describe(label: string, t: Timing): string {
  const load =
    t.otherCores == null ? "" : `; other processes kept ${t.otherCores.toFixed(2)} cores busy`;
  return `  ${label.padEnd(22)} ${Math.round(t.msPerStep)} ms/step (steps ${t.stepsMs.map((s) => s.toFixed(0)).join(", ")})${load}`;
}

const selection = await selectBackend(forced ? { candidates: [forced] } : {});
const skipped = selection.skipped.map((s) => s.name).join(", ");
console.log(`backend: ${selection.name}${skipped ? ` (skipped: ${skipped})` : ""}`);
let last: Result | undefined;
for (const size of sizes) {
  console.log(`unet ${size}x${size}, batch ${BATCH}, ${CLASSES} classes, base ${BASE}:`);
  const data = syntheticBatch(size);
  const single = await singleThread(size, data);
  console.log(describe("1 thread:", single));
  let best = { timing: single, workers: 1 };
  if (workerCount > 1) {
    const parallel = await dataParallel(size, data, selection.name);
    console.log(describe(`${workerCount} worker threads:`, parallel));
    if (parallel.msPerStep < single.msPerStep) best = { timing: parallel, workers: workerCount };
  }
  const torch = torchStep(size);
  if (torch) console.log(describe("PyTorch, 1 thread:", torch));
  const msPerStep = best.timing.msPerStep;
  last = {
    model: "unet",
    size,
    batch: BATCH,
    backend: selection.name,
    workers: best.workers,
    msPerStep: Math.round(msPerStep),
    slicesPerSec: Math.round((BATCH / msPerStep) * 10_000) / 10,
    peakRssMB: peakRssMB(),
    torchMsPerStep: torch ? Math.round(torch.msPerStep) : null,
  };
  const ratio = torch
    ? `, ${(msPerStep / torch.msPerStep).toFixed(2)}x PyTorch's 1-thread step`
    : "";
  console.log(
    `  => ${last.msPerStep} ms/step with ${best.workers} worker(s), ${last.slicesPerSec} slices/s, peak RSS ${last.peakRssMB} MB${ratio}`,
  );
}
console.log(JSON.stringify(last));
