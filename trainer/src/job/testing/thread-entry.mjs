// A worker thread starts without tsx's loader (Node 20 ignores --import in a Worker), so this
// registers it, then runs the task like the API's thread runner: fn(input, report, emit).
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const port = parentPort;
try {
  const module = await import(workerData.module);
  const output = await module[workerData.exportName](
    workerData.input,
    (progress) => port.postMessage({ type: "progress", progress }),
    (event) => port.postMessage({ type: "event", event }),
  );
  port.postMessage({ type: "result", output });
} catch (error) {
  port.postMessage({
    type: "error",
    message: error instanceof Error ? error.message : String(error),
  });
}
