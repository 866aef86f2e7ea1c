import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, DirectoryBlobStore, migrate } from "@crowdseg/db";
import { sql } from "drizzle-orm";
import { checkInvariants } from "./check-invariants.ts";
import { createBenchStudy } from "./create-bench-study.ts";
import { summarize } from "./latency-summary.ts";

/**
 * `pnpm bench:api`: N simulated raters loop next-task → submit against the API on PostgreSQL,
 * then the database is checked for k violations, repeated slices and lost submissions.
 *
 *   DATABASE_URL  server to create the scratch database on (default postgres://postgres@127.0.0.1:5432/postgres)
 *   RATERS        comma-separated concurrency levels (default 100,500); each gets a fresh study
 *   SLICES        slices per study (default 10000), 16×16 pixels, k = 3, 10 % gold at gold rate 0.1
 *   DURATION_S    measured seconds per level (default 10), after WARMUP_S (default 2)
 *   WORKERS       API processes behind one port (default 2); POOL connections each (default 16)
 *   API_NODE_FLAGS extra node flags for the API processes, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
 */
const adminUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const levels = (process.env.RATERS ?? "100,500").split(",").map(Number);
const sliceCount = Number(process.env.SLICES ?? 10_000);
const durationMs = Number(process.env.DURATION_S ?? 10) * 1000;
const warmupMs = Number(process.env.WARMUP_S ?? 2) * 1000;
const workers = Number(process.env.WORKERS ?? 2);
const poolSize = Number(process.env.POOL ?? 16);
const port = Number(process.env.BENCH_PORT ?? 3187);
const k = 3;
const repoRoot = path.resolve(import.meta.dirname, "../..");

const databaseName = `crowdseg_bench_${process.pid}`;
const benchUrl = new URL(adminUrl);
benchUrl.pathname = `/${databaseName}`;
const scratch = await mkdtemp(path.join(tmpdir(), "crowdseg-bench-"));
const blobDir = path.join(scratch, "blobs");
let server: ChildProcess | undefined;

async function admin(query: string): Promise<void> {
  const connection = await createDatabase({ databaseUrl: adminUrl, maxConnections: 1 });
  try {
    await connection.db.execute(sql.raw(query));
  } finally {
    await connection.close();
  }
}

function run(command: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
}

function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "-";
}

await admin(`create database "${databaseName}"`);
try {
  const handle = await createDatabase({ databaseUrl: benchUrl.toString(), maxConnections: 4 });
  await migrate(handle);
  const storage = { db: handle.db, blobs: new DirectoryBlobStore(blobDir) };
  console.log(
    `setting up ${levels.length} studies of ${sliceCount} slices (16×16, k = ${k}, 10 % gold) on ${handle.location}`,
  );
  const studies = [];
  for (const raters of levels) {
    const setupStart = performance.now();
    studies.push(
      await createBenchStudy(storage, {
        name: `bench ${raters} raters`,
        slices: sliceCount,
        slicesPerVolume: 100,
        size: 16,
        ratersPerSlice: k,
        goldRate: 0.1,
        raters,
      }),
    );
    console.log(
      `  study for ${raters} raters ready in ${fixed((performance.now() - setupStart) / 1000)} s`,
    );
  }

  // a production database has statistics; a freshly filled one must be told, or the planner
  // guesses from empty tables
  await handle.db.execute(sql`analyze`);

  const nodeFlags = (process.env.API_NODE_FLAGS ?? "").split(" ").filter(Boolean);
  server = run(
    process.execPath,
    [...nodeFlags, "--import", "tsx", "api/bench/serve-api-cluster.ts"],
    {
      DATABASE_URL: benchUrl.toString(),
      WORKERS: String(workers),
      POOL: String(poolSize),
      PORT: String(port),
      BLOB_DIR: blobDir,
    },
  );
  await new Promise<void>((resolve, reject) => {
    server!.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    server!.once("exit", (code) => reject(new Error(`API exited with ${code}`)));
  });
  console.log(
    `API: ${workers} processes on port ${port}, ${poolSize} PostgreSQL connections each\n`,
  );

  let failed = false;
  for (const [i, raters] of levels.entries()) {
    const study = studies[i]!;
    const inputPath = path.join(scratch, `input-${raters}.json`);
    const outputPath = path.join(scratch, `output-${raters}.json`);
    await writeFile(
      inputPath,
      JSON.stringify({
        url: `http://127.0.0.1:${port}`,
        studyId: study.studyId,
        tokens: study.tokens,
        width: 16,
        height: 16,
        warmupMs,
        durationMs,
      }),
    );
    const driver = run(
      process.execPath,
      ["--import", "tsx", "api/bench/drive-raters.ts", inputPath, outputPath],
      {},
    );
    const code = await new Promise<number | null>((resolve) => driver.once("exit", resolve));
    if (code !== 0) throw new Error(`load driver exited with ${code}`);
    const result = JSON.parse(await readFile(outputPath, "utf8")) as {
      pairs: number;
      measuredMs: number;
      nextLatencies: number[];
      submitLatencies: number[];
      pairLatencies: number[];
      acknowledged: { token: number; taskId: number; annotationId: number }[];
      exhaustedRaters: number;
      errors: Record<string, number>;
    };
    const acknowledged = result.acknowledged.map((ack) => ({
      userId: study.userIds[ack.token]!,
      taskId: ack.taskId,
      annotationId: ack.annotationId,
    }));
    const report = await checkInvariants(handle.db, study.studyId, k, acknowledged);
    const next = summarize(result.nextLatencies);
    const submit = summarize(result.submitLatencies);
    const pair = summarize(result.pairLatencies);
    const throughput = result.pairs / (result.measuredMs / 1000);
    console.log(
      `${raters} raters: ${fixed(throughput, 0)} next-task+submit pairs/s over ${result.measuredMs / 1000} s (${result.pairs} pairs)`,
    );
    console.log(`  latency ms      p50     p99     max`);
    for (const [name, s] of [
      ["next-task", next],
      ["submit", submit],
      ["pair", pair],
    ] as const) {
      console.log(
        `  ${name.padEnd(10)} ${fixed(s.p50).padStart(7)} ${fixed(s.p99).padStart(7)} ${fixed(s.max).padStart(7)}`,
      );
    }
    console.log(
      `  checks: slices over k = ${report.slicesOverK}, over k counting live leases = ${report.slicesOverKWithLiveLeases}, ` +
        `rater twice on a slice = ${report.duplicateRaterSlices}, acknowledged ${report.acknowledged} / missing ${report.acknowledgedMissing}, ` +
        `annotations stored ${report.annotations}`,
    );
    const errorCount = Object.values(result.errors).reduce((a, b) => a + b, 0);
    if (errorCount > 0) console.log(`  errors: ${JSON.stringify(result.errors)}`);
    if (result.exhaustedRaters > 0)
      console.log(`  ${result.exhaustedRaters} raters ran out of slices`);
    console.log("");
    if (
      report.slicesOverK ||
      report.slicesOverKWithLiveLeases ||
      report.duplicateRaterSlices ||
      report.acknowledgedMissing ||
      errorCount
    ) {
      failed = true;
    }
  }
  await handle.close();
  console.log(failed ? "VIOLATIONS FOUND" : "no violations");
  process.exitCode = failed ? 1 : 0;
} finally {
  server?.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 500));
  await admin(`drop database if exists "${databaseName}" with (force)`);
  await rm(scratch, { recursive: true, force: true });
}
