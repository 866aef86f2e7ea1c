import { parentPort, workerData } from "node:worker_threads";
import type { ThreadTask } from "./job-handler.ts";

// Runs one ThreadTask and exits: `fn(input, report, emit)`, both callbacks posting to the parent.
const task = workerData as ThreadTask;
const port = parentPort!;
try {
  const module = (await import(task.module)) as Record<string, unknown>;
  const fn = module[task.exportName];
  if (typeof fn !== "function") {
    throw new Error(`${task.module} has no exported function "${task.exportName}"`);
  }
  const output = await fn(
    task.input,
    (progress: unknown) => port.postMessage({ type: "progress", progress }),
    (event: unknown) => port.postMessage({ type: "event", event }),
  );
  port.postMessage({ type: "result", output });
} catch (error) {
  port.postMessage({
    type: "error",
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
}
