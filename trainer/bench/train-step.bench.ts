/**
 * bench:train — milliseconds per U-Net training step (batch 8, 4 classes, base 16,
 * Adam, soft-target cross-entropy on logits) at 64x64 and 128x128 on the backend
 * selectBackend() picks, on one thread and data-parallel over worker threads (the wasm
 * backend runs one thread each). Where /usr/bin/python3 has torch, the same network in
 * PyTorch on one thread runs in a child process as the yardstick.
 *
 * Other processes share this machine's cores, and their load comes and goes within
 * seconds. So the configurations take turns, one step each per round, and each timing
 * line says how many cores other processes kept busy meanwhile. The last line printed is
 * one JSON object for the last size, for the faster of the two configurations.
 *
 * Configurations: one thread; BENCH_WORKERS data-parallel worker threads; one worker
 * thread whose XNNPACK runs BENCH_WASM_THREADS threads (tfjs-backend-wasm's threaded
 * build, which a process can only load instead of the plain one, hence the worker).
 *
 * Environment: BENCH_SIZES=64,128  BENCH_STEPS=5  BENCH_WARMUP=2  BENCH_WORKERS=2
 * BENCH_WASM_THREADS=2 (1 leaves that configuration out)
 * CROWDSEG_BACKEND=wasm|cpu|webgpu|tfjs-node|tfjs-node-gpu forces one backend. On webgpu the
 * worker-thread configurations are left out: their workers read tensors synchronously, which
 * webgpu cannot serve in Node.
 * BENCH_PROFILE=1 also prints where one single-thread step spends its time, per kernel.
 */
import * as tf from "@tensorflow/tfjs-core";
import {
  BACKEND_CHOICES,
  type BackendChoice,
  isBackendChoice,
  selectBackend,
} from "../src/backend/select-backend.ts";
import { DataParallelTrainer, type HostTensor } from "../src/parallel/data-parallel-trainer.ts";
import { type ModelReplicaOptions, modelReplica } from "../src/parallel/model-replica.ts";
import { withMachineLoad } from "./machine-load.ts";
import { median } from "./median.ts";
import { profileKernels } from "./profile-kernels.ts";
import { TorchPeer } from "./torch-peer.ts";

const BATCH = 8;
const CLASSES = 4;
const BASE = 16;

const sizes = (process.env.BENCH_SIZES ?? "64,128").split(",").map(Number);
const steps = Number(process.env.BENCH_STEPS ?? 5);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const workerCount = Number(process.env.BENCH_WORKERS ?? 2);
const wasmThreads = Number(process.env.BENCH_WASM_THREADS ?? 2);
const forced = process.env.CROWDSEG_BACKEND || undefined;
if (forced !== undefined && !isBackendChoice(forced)) {
  throw new Error(`CROWDSEG_BACKEND is "${forced}"; use ${BACKEND_CHOICES.join(", ")}.`);
}

interface Result {
  model: "unet";
  size: number;
  batch: number;
  backend: BackendChoice;
  /** Worker threads training data-parallel (1: no data parallelism). */
  workers: number;
  /** XNNPACK threads per worker. */
  threads: number;
  msPerStep: number;
  slicesPerSec: number;
  peakRssMB: number;
  torchMsPerStep: number | null;
}

type Step = () => Promise<unknown>;

function replicaOptions(size: number): ModelReplicaOptions {
  return {
    model: { architecture: "unet", classes: CLASSES, baseFilters: BASE, depth: 4, imageSize: size },
    loss: "ce",
    learningRate: 1e-3,
  };
}

/** data() rather than dataSync() throughout: the webgpu backend cannot read synchronously in Node. */
async function read(tensor: tf.Tensor): Promise<Float32Array> {
  return Float32Array.from(await tensor.data().finally(() => tensor.dispose()));
}

async function syntheticBatch(size: number): Promise<{ x: HostTensor; y: HostTensor }> {
  const x = tf.randomNormal([BATCH, size, size, 1], 0, 1, "float32", 1);
  const y = tf.tidy(() =>
    tf.oneHot(tf.randomUniform([BATCH, size, size], 0, CLASSES, "int32", 2), CLASSES),
  );
  return {
    x: { data: await read(x), shape: [BATCH, size, size, 1] },
    y: { data: await read(y), shape: [BATCH, size, size, CLASSES] },
  };
}

/** Warms every configuration up, then times one step of each per round. */
async function takeTurns(
  configs: Map<string, Step>,
  helperCpuSeconds: () => number,
): Promise<{ times: Map<string, number[]>; otherCores: number | null }> {
  for (let i = 0; i < warmup; i++) for (const step of configs.values()) await step();
  const times = new Map([...configs.keys()].map((k) => [k, [] as number[]]));
  const { otherCores } = await withMachineLoad(async () => {
    for (let i = 0; i < steps; i++) {
      for (const [name, step] of configs) {
        const start = performance.now();
        const reported = await step();
        // The PyTorch peer reports its own step time, without the pipe's round trip.
        times
          .get(name)!
          .push(
            typeof reported === "number" && name.startsWith("PyTorch")
              ? reported
              : performance.now() - start,
          );
      }
    }
  }, helperCpuSeconds);
  return { times, otherCores };
}

const selection = await selectBackend(forced ? { candidates: [forced] } : {});
const skipped = selection.skipped.map((s) => s.name).join(", ");
console.log(`backend: ${selection.name}${skipped ? ` (skipped: ${skipped})` : ""}`);
let last: Result | undefined;
for (const size of sizes) {
  console.log(`unet ${size}x${size}, batch ${BATCH}, ${CLASSES} classes, base ${BASE}:`);
  const data = await syntheticBatch(size);
  const replica = modelReplica(replicaOptions(size));
  const x = tf.tensor(data.x.data, data.x.shape);
  const y = tf.tensor(data.y.data, data.y.shape);
  const minimize = () =>
    tf.tidy(
      () =>
        replica.optimizer.minimize(
          () => replica.loss(x, y, { noiseSeed: 0, warmup: false }),
          true,
        )!,
    );
  const singleStep = async () => (await read(minimize()))[0];
  const configs = new Map<string, Step>([["1 thread", singleStep]]);
  const trainer =
    workerCount > 1 && selection.name !== "webgpu"
      ? await DataParallelTrainer.start({
          workers: workerCount,
          backends: [selection.name],
          replica: {
            module: new URL("../src/parallel/model-replica.ts", import.meta.url).href,
            exportName: "modelReplica",
            options: replicaOptions(size),
          },
        })
      : null;
  if (trainer) configs.set(`${workerCount} worker threads`, () => trainer.step(data.x, data.y));
  const threaded =
    wasmThreads > 1 && selection.name === "wasm"
      ? await DataParallelTrainer.start({
          workers: 1,
          backends: ["wasm"],
          wasmThreads,
          replica: {
            module: new URL("../src/parallel/model-replica.ts", import.meta.url).href,
            exportName: "modelReplica",
            options: replicaOptions(size),
          },
        })
      : null;
  if (threaded) configs.set(`${wasmThreads} XNNPACK threads`, () => threaded.step(data.x, data.y));
  const torch = await TorchPeer.start({ size, batch: BATCH, classes: CLASSES, base: BASE, warmup });
  if (typeof torch === "string") console.log(`  (no PyTorch comparison: ${torch})`);
  else configs.set(`PyTorch ${torch.version}, 1 thread`, () => torch.step());

  const { times, otherCores } = await takeTurns(configs, () =>
    typeof torch === "string" ? 0 : torch.cpuSeconds,
  );
  const load =
    otherCores == null
      ? ""
      : ` (other processes kept ${otherCores.toFixed(2)} cores busy meanwhile)`;
  for (const [name, t] of times) {
    console.log(
      `  ${`${name}:`.padEnd(28)} ${Math.round(median(t))} ms/step (steps ${t.map((v) => v.toFixed(0)).join(", ")})`,
    );
  }
  console.log(`  turns taken${load}`);

  const torchTimes =
    typeof torch === "string" ? null : [...times].find(([k]) => k.startsWith("PyTorch"))?.[1];
  const candidates = [...times].filter(([k]) => !k.startsWith("PyTorch"));
  const [bestName, bestTimes] = candidates.sort((a, b) => median(a[1]) - median(b[1]))[0]!;
  const msPerStep = median(bestTimes);
  last = {
    model: "unet",
    size,
    batch: BATCH,
    backend: selection.name,
    workers: bestName === `${workerCount} worker threads` ? workerCount : 1,
    threads: bestName === `${wasmThreads} XNNPACK threads` ? wasmThreads : 1,
    msPerStep: Math.round(msPerStep),
    slicesPerSec: Math.round((BATCH / msPerStep) * 10_000) / 10,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    torchMsPerStep: torchTimes ? Math.round(median(torchTimes)) : null,
  };
  if (torchTimes) {
    // Ratio per round, then the median: robust to load that changes between rounds.
    const ratios = bestTimes.map((t, i) => t / torchTimes[i]!);
    console.log(
      `  => ${bestName}: ${(msPerStep / median(torchTimes)).toFixed(2)}x PyTorch's 1-thread step (median of per-round ratios ${median(ratios).toFixed(2)}x)`,
    );
  }
  console.log(
    `  => ${last.msPerStep} ms/step, ${last.slicesPerSec} slices/s; peak RSS of this process so far ${last.peakRssMB} MB (all replicas)`,
  );

  if (process.env.BENCH_PROFILE === "1") {
    console.log(`  where one single-thread step at ${size}x${size} spends its time:`);
    for (const line of profileKernels(() => minimize().dispose())) console.log(`    ${line}`);
  }
  if (typeof torch !== "string") torch.close();
  await trainer?.close();
  await threaded?.close();
  tf.dispose([x, y, ...replica.variables]);
  replica.optimizer.dispose();
}
console.log(JSON.stringify(last));
