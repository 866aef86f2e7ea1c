import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runAcdcExperiment } from "./run-acdc-experiment.ts";

const ACDC = new URL("../../../../shared/data/acdc", import.meta.url).pathname;

describe("the ACDC experiment, reduced to a smoke test", () => {
  let out = "";
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it("imports real patients, simulates and fuses a crowd, runs the 2 × 2 grid and writes the report", async () => {
    out = await mkdtemp(path.join(tmpdir(), "crowdseg-acdc-"));
    const lines: string[] = [];
    const result = await runAcdcExperiment({
      acdcDir: ACDC,
      outDir: out,
      patients: { train: 1, validation: 1, test: 2 },
      imageSize: 32,
      epochs: 1,
      batchSize: 8,
      learningRate: 1e-3,
      baseFilters: 4,
      depth: 2,
      seed: 1,
      ratersPerSlice: 3,
      augment: false,
      fusionMethod: "majority-vote",
      losses: ["ce", "nce+rce"],
      architectures: ["unet"],
      backends: ["wasm"],
      command: "test",
      log: (line) => lines.push(line),
    });
    expect(result.results.map((r) => `${r.labelSource}/${r.loss}/${r.status}`)).toEqual([
      "expert/ce/succeeded",
      "expert/nce+rce/succeeded",
      "majority-vote of 3 crowd labels/ce/succeeded",
      "majority-vote of 3 crowd labels/nce+rce/succeeded",
    ]);
    // The crowd labels only the training and validation patients, 3 labels per slice.
    const crowd = result.results[2]!.labelsUsed.crowd;
    const expert = result.results[0]!.labelsUsed.expert;
    expect(crowd).toBe(3 * expert);
    expect(result.fusionMetrics.meanDice as number).toBeGreaterThan(0.7);
    // Two test patients: Dice per structure on their four volumes, in voxels.
    const metrics = result.results[0]!.metrics!;
    expect(metrics.testVolumes).toBe(4);
    expect((metrics.test as { distanceUnit: string }).distanceUnit).toBe("voxels");
    const markdown = await readFile(result.files.markdown, "utf8");
    expect(markdown).toContain("| expert | ce | unet |");
    expect(markdown).toContain("volumes are in voxels");
    expect(await readFile(result.files.html, "utf8")).toContain("<svg");
    expect(lines[0]).toMatch(/importing 4 ACDC patients \(1 train, 1 validation, 2 test\)/);
  });
});
