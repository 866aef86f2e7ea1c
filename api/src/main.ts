import { loadConfig } from "./config.ts";
import { startServer } from "./start-server.ts";

const startedAt = performance.now();
const config = loadConfig();
const server = await startServer(config);
console.log(
  `CrowdSeg API listening on ${server.url} (ready in ${Math.round(performance.now() - startedAt)} ms)`,
);
console.log(`  health:  ${server.url}/health`);
console.log(`  studies: ${server.url}/api/studies`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
