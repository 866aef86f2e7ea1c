import { createHash } from "node:crypto";
import { existsSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { BackendWasm, getThreadsCount, setThreadsCount } from "@tensorflow/tfjs-backend-wasm";
import * as tf from "@tensorflow/tfjs-core";

const require = createRequire(import.meta.url);

interface EmscriptenModule {
  cwrap(name: string, returns: string | null, args: string[]): (...args: number[]) => number;
  tfjs?: Record<string, (...args: number[]) => number>;
}

type ThreadedFactory = (config: Record<string, unknown>) => Promise<EmscriptenModule>;

/**
 * Replaces the 'wasm' backend by tfjs-backend-wasm's threaded SIMD build, so that
 * XNNPACK spreads each convolution and GEMM over `threads` threads. tfjs uses that build
 * in browsers only; in Node three things stand in the way, handled here:
 *  - the pthread worker script ships as a string meant for a Blob URL, which Node's
 *    Worker cannot load, so it is written to a file in the temp directory;
 *  - the build's static initialiser halves os.cpus().length, assuming two hardware
 *    threads per core, and caps the pool by the result (1 on this 2-core machine), so
 *    the core count is doubled while the module initialises;
 *  - tfjs-backend-wasm picks the build itself, so the backend is registered anew.
 * Call before the wasm backend is first used; tensors already on it would be lost.
 * Only one wasm module can serve a process (the kernels bind to the last one set up).
 */
export async function registerThreadedWasm(threads: number): Promise<void> {
  if (!Number.isInteger(threads) || threads < 2) {
    throw new Error(`registerThreadedWasm: threads must be an integer >= 2, got ${threads}.`);
  }
  const module = await instantiate();
  setThreadsCount(threads);
  // findBackend() would start initialising the single-threaded build; ask for the factory.
  if (tf.findBackendFactory("wasm") != null) tf.removeBackend("wasm");
  tf.registerBackend("wasm", () => new BackendWasm(module as never), 2);
}

/** XNNPACK's thread count once the wasm backend is initialised. */
export function wasmThreadsInUse(): number {
  return getThreadsCount();
}

async function instantiate(): Promise<EmscriptenModule> {
  const dir = path.join(
    path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")),
    "wasm-out",
  );
  const mainScript = path.join(dir, "tfjs-backend-wasm-threaded-simd.js");
  const factory = require(mainScript) as ThreadedFactory;
  const workerScript = pthreadWorkerFile(dir);
  // The same object the wasm glue's require("os") returns (an ESM namespace is frozen).
  const os = require("node:os") as { cpus: () => unknown[] };
  const cpus = os.cpus;
  os.cpus = () => [...cpus(), ...cpus()];
  let module: EmscriptenModule;
  try {
    module = await factory({
      locateFile: (file: string) =>
        file.endsWith(".worker.js") ? workerScript : path.join(dir, file),
      mainScriptUrlOrBlob: mainScript,
    });
  } finally {
    os.cpus = cpus;
  }
  // The bridge tfjs-backend-wasm's own init() would have attached.
  module.tfjs = {
    init: module.cwrap("init", null, []),
    initWithThreadsCount: module.cwrap("init_with_threads_count", null, ["number"]),
    getThreadsCount: module.cwrap("get_threads_count", "number", []),
    registerTensor: module.cwrap("register_tensor", null, ["number", "number", "number"]),
    disposeData: module.cwrap("dispose_data", null, ["number"]),
    dispose: module.cwrap("dispose", null, []),
  };
  return module;
}

/** The pthread worker script as a file, named by its content so concurrent runs agree. */
function pthreadWorkerFile(dir: string): string {
  const { wasmWorkerContents } = require(
    path.join(dir, "tfjs-backend-wasm-threaded-simd.worker.js"),
  ) as {
    wasmWorkerContents: string;
  };
  // As tfjs does before making its Blob: the string holds newlines that were escapes.
  const source = wasmWorkerContents.replace(/\n/g, "\\n");
  const hash = createHash("sha256").update(source).digest("hex").slice(0, 16);
  const file = path.join(tmpdir(), `tfjs-backend-wasm-pthread-${hash}.cjs`);
  if (!existsSync(file)) {
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, source);
    renameSync(partial, file);
  }
  return file;
}
