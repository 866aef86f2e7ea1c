import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  createDatabase,
  DirectoryBlobStore,
  fusionRuns,
  migrate,
  type Storage,
} from "@crowdseg/db";
import { runFusionJob } from "@crowdseg/fusion";
import type { RaterKind } from "@crowdseg/phantom";
import { eq } from "drizzle-orm";
import type { BackendChoice } from "../backend/select-backend.ts";
import type { Architecture } from "../models/create-model.ts";
import { readAcdcSplit, spreadPick } from "./acdc-patients.ts";
import { type GridReport, gridReport } from "./grid-report.ts";
import { importAcdcStudy } from "./import-acdc-study.ts";
import { type GridLoss, type GridResult, runGrid } from "./run-grid.ts";
import { simulateCrowd } from "./simulate-crowd.ts";

/** The crowd of fusion's ACDC evaluation: no expert among them, two bad raters. */
export const ACDC_CROWD: readonly RaterKind[] = [
  "careful",
  "careful",
  "over",
  "under",
  "sloppy",
  "skipper",
  "spammer",
];

export interface AcdcExperimentOptions {
  acdcDir: string;
  /** A fresh folder: the embedded database (pg/), blobs/ and the report files go here. */
  outDir: string;
  /** Patients taken (spread evenly) from the published train, val and test lists. */
  patients: { train: number; validation: number; test: number };
  imageSize: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  baseFilters: number;
  depth: number;
  seed: number;
  /** Flips, rotations and intensity changes while training (augmentSample's defaults). */
  augment: boolean;
  /** Crowd labels per slice, from ACDC_CROWD. */
  ratersPerSlice: number;
  fusionMethod: string;
  losses: readonly GridLoss[];
  architectures: readonly Architecture[];
  backends?: readonly BackendChoice[];
  /** The command line, for the report. */
  command: string;
  log?: (line: string) => void;
}

export interface AcdcExperimentResult {
  report: GridReport;
  results: GridResult[];
  files: { markdown: string; html: string; json: string };
  wallSeconds: number;
  fusionMetrics: Record<string, unknown>;
}

/**
 * The ACDC experiment end to end: a fresh study of ACDC patients (expert labels as reference),
 * a simulated non-expert crowd labelling the training and validation patients, a fusion run of
 * their labels, then the grid (expert labels vs fused labels × the losses × the models), each
 * run tested on the held-out test patients against the expert, and the report written out.
 */
export async function runAcdcExperiment(
  options: AcdcExperimentOptions,
): Promise<AcdcExperimentResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  await mkdir(options.outDir, { recursive: true });
  const handle = await createDatabase({ dataDir: options.outDir });
  try {
    await migrate(handle);
    const storage: Storage = {
      db: handle.db,
      blobs: new DirectoryBlobStore(path.join(options.outDir, "blobs")),
    };

    const published = await readAcdcSplit(options.acdcDir);
    const split = {
      train: spreadPick(published.train, options.patients.train),
      validation: spreadPick(published.validation, options.patients.validation),
      test: spreadPick(published.test, options.patients.test),
    };
    const all = [...split.train, ...split.validation, ...split.test];
    log(
      `importing ${all.length} ACDC patients (${split.train.length} train, ${split.validation.length} validation, ${split.test.length} test)`,
    );
    const study = await importAcdcStudy(storage, {
      acdcDir: options.acdcDir,
      patients: all,
      name: `ACDC experiment ${new Date().toISOString()}`,
      ratersPerSlice: options.ratersPerSlice,
    });
    log(`  ${study.volumes} volumes, ${study.slices} slices (${elapsed()})`);

    const labelled = [...split.train, ...split.validation];
    const crowd = await simulateCrowd(storage, {
      studyId: study.studyId,
      patients: labelled,
      crowd: ACDC_CROWD,
      perSlice: options.ratersPerSlice,
      seed: options.seed,
      emailPrefix: `acdc-${study.studyId}`,
    });
    log(
      `simulated crowd: ${crowd.raters.length} raters (${ACDC_CROWD.join(", ")}), ${crowd.annotations} labels (${elapsed()})`,
    );

    const [fusion] = await storage.db
      .insert(fusionRuns)
      .values({ studyId: study.studyId, method: options.fusionMethod, status: "running" })
      .returning();
    const fusionMetrics = await runFusionJob({
      storage,
      runId: fusion!.id,
      reportProgress: () => {},
      runInThread: async (task) => {
        const module = (await import(task.module)) as Record<
          string,
          (input: unknown, report: () => void) => unknown
        >;
        return module[task.exportName]!(task.input, () => {}) as never;
      },
    });
    await storage.db
      .update(fusionRuns)
      .set({ status: "succeeded", metrics: fusionMetrics, finishedAt: new Date() })
      .where(eq(fusionRuns.id, fusion!.id));
    log(
      `fusion (${options.fusionMethod}) done: ${JSON.stringify(fusionMetrics.meanDice ?? null)} mean Dice of the fused labels to the expert (${elapsed()})`,
    );

    const hyperparameters = {
      epochs: options.epochs,
      imageSize: options.imageSize,
      batchSize: options.batchSize,
      learningRate: options.learningRate,
      baseFilters: options.baseFilters,
      depth: options.depth,
      seed: options.seed,
      augment: options.augment,
      // Few epochs: every one counts, and the best one is kept.
      patience: null,
      split,
    };
    const results = await runGrid(storage, {
      studyId: study.studyId,
      labelSources: [
        { name: "expert", source: { kind: "reference" } },
        {
          name: `${options.fusionMethod} of ${options.ratersPerSlice} crowd labels`,
          source: { kind: "fusion", fusionRunId: fusion!.id },
        },
      ],
      losses: options.losses,
      architectures: options.architectures,
      hyperparameters,
      ...(options.backends === undefined ? {} : { backends: options.backends }),
      onProgress: (cell, p) => {
        if (p.validationDice !== undefined) {
          log(
            `  ${cell.labelSource} / ${cell.loss} / ${cell.architecture}: epoch ${p.epoch}, loss ${p.loss?.toFixed(4)}, ` +
              `validation Dice ${p.validationDice.toFixed(3)} (${elapsed()})`,
          );
        }
      },
      onCellDone: (r) =>
        log(
          `run ${r.runId} ${r.labelSource} / ${r.loss} / ${r.architecture}: ${r.status}${r.error ? ` (${r.error})` : ""} in ${r.wallSeconds.toFixed(0)} s`,
        ),
    });

    const wallSeconds = (performance.now() - started) / 1000;
    const report = gridReport(results, {
      title: "ACDC: expert labels vs fused crowd labels",
      notes: [
        `command: ${options.command}`,
        `wall time ${wallSeconds.toFixed(0)} s for import, crowd simulation, fusion and ${results.length} training runs, on a shared 2-core machine under load from other work`,
        `patients: ${split.train.length} train, ${split.validation.length} validation, ${split.test.length} test (spread over ACDC's published lists); ${study.slices} slices`,
        `image size ${options.imageSize}×${options.imageSize}, ${options.epochs} epoch(s), batch ${options.batchSize}, Adam ${options.learningRate}, base filters ${options.baseFilters}, depth ${options.depth}, seed ${options.seed}, augmentation ${options.augment ? "on" : "off"}`,
        `crowd: ${ACDC_CROWD.join(", ")}; ${options.ratersPerSlice} labels per slice; fused with ${options.fusionMethod}`,
        "ACDC's shared copy has no voxel size: volumes are in voxels, HD95 in pixels within slices; EF is unitless",
      ],
    });
    const files = {
      markdown: path.join(options.outDir, "report.md"),
      html: path.join(options.outDir, "report.html"),
      json: path.join(options.outDir, "report.json"),
    };
    await writeFile(files.markdown, report.markdown);
    await writeFile(files.html, report.html);
    await writeFile(files.json, report.json);
    return { report, results, files, wallSeconds, fusionMetrics };
  } finally {
    await handle.close();
  }
}
