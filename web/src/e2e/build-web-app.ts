import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "vite";

const webRoot = path.resolve(import.meta.dirname, "../..");

let built: Promise<string> | undefined;

/**
 * Builds the app as production does, into a folder of its own: tests must not race each other,
 * or a developer's `vite build`, over web/dist. Once per test file (a build takes under a second).
 */
export function buildWebApp(): Promise<string> {
  built ??= (async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), "crowdseg-web-"));
    await build({
      configFile: path.join(webRoot, "vite.config.ts"),
      logLevel: "warn",
      build: { outDir, emptyOutDir: true },
    });
    return outDir;
  })();
  return built;
}
