// Plain JavaScript on purpose: a worker thread starts without any TypeScript loader (Node 20
// ignores --import in a Worker's execArgv), so this file registers tsx for the thread first.
import { register } from "tsx/esm/api";

register();
await import("./run-thread-task.ts");
