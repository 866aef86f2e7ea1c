import { Worker } from "node:worker_threads";
import type { RunProgress } from "@crowdseg/db";
import type { ThreadOptions, ThreadTask } from "./job-handler.ts";

const entry = new URL("./thread-entry.js", import.meta.url);

type ThreadMessage =
  | { type: "progress"; progress: RunProgress }
  | { type: "event"; event: unknown }
  | { type: "result"; output: unknown }
  | { type: "error"; message: string; stack?: string };

/** Runs a task on a fresh worker thread; its failure rejects with the thread's own message. */
export function runInThread<Output>(
  task: ThreadTask,
  onProgress: (progress: RunProgress) => void = () => {},
  options: ThreadOptions = {},
): Promise<Output> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: task });
    let settled = false;
    worker.on("message", (message: ThreadMessage) => {
      if (message.type === "progress") onProgress(message.progress);
      else if (message.type === "event") options.onEvent?.(message.event);
      else if (message.type === "result") {
        settled = true;
        resolve(message.output as Output);
      } else {
        settled = true;
        const error = new Error(message.message);
        if (message.stack) error.stack = message.stack;
        reject(error);
      }
    });
    worker.on("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.on("exit", (code) => {
      if (!settled)
        reject(new Error(`worker thread for ${task.exportName} exited with code ${code}`));
    });
  });
}
