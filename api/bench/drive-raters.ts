import { readFileSync, writeFileSync } from "node:fs";
import { Pool } from "undici";

/**
 * The load: one loop per simulated rater, each next-task → submit as fast as answers come, over
 * keep-alive connections (one per rater, as browsers would hold). Runs in its own process so
 * its CPU is not the server's event loop. Input and output are JSON files named on the command
 * line; only requests that finish inside the measured window count towards the figures.
 */
interface Input {
  url: string;
  studyId: number;
  tokens: string[];
  width: number;
  height: number;
  warmupMs: number;
  durationMs: number;
}

const [inputPath, outputPath] = process.argv.slice(2);
const input = JSON.parse(readFileSync(inputPath!, "utf8")) as Input;
const pool = new Pool(input.url, {
  connections: input.tokens.length,
  pipelining: 1,
  keepAliveTimeout: 60_000,
});

const pixels = input.width * input.height;
const nextLatencies: number[] = [];
const submitLatencies: number[] = [];
const pairLatencies: number[] = [];
const acknowledged: { token: number; taskId: number; annotationId: number }[] = [];
const errors = new Map<string, number>();
let pairs = 0;
let exhausted = 0;

const started = performance.now();
const measureFrom = started + input.warmupMs;
const stopAt = measureFrom + input.durationMs;

async function call(method: "POST", path: string, token: string, body: unknown) {
  const response = await pool.request({
    method,
    path,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.body.text();
  return { status: response.statusCode, body: text };
}

function countError(what: string): void {
  errors.set(what, (errors.get(what) ?? 0) + 1);
}

async function rater(index: number): Promise<void> {
  const token = input.tokens[index]!;
  // a different but valid label map per rater: the left `split` pixels LV, the rest background
  const split = 1 + (index % (pixels - 1));
  const labels = {
    width: input.width,
    height: input.height,
    counts: [1, split, 0, pixels - split],
  };
  while (performance.now() < stopAt) {
    const t0 = performance.now();
    const next = await call("POST", "/api/tasks/next", token, { studyId: input.studyId });
    const t1 = performance.now();
    if (next.status !== 200) {
      countError(`next ${next.status} ${next.body.slice(0, 120)}`);
      continue;
    }
    const { task } = JSON.parse(next.body) as { task: { id: number } | null };
    if (!task) {
      exhausted++;
      return;
    }
    const submit = await call("POST", "/api/annotations", token, {
      taskId: task.id,
      labels,
      durationMs: 1,
    });
    const t2 = performance.now();
    if (submit.status !== 201 && submit.status !== 200) {
      countError(`submit ${submit.status} ${submit.body.slice(0, 120)}`);
      continue;
    }
    const { annotation } = JSON.parse(submit.body) as { annotation: { id: number } };
    acknowledged.push({ token: index, taskId: task.id, annotationId: annotation.id });
    if (t0 >= measureFrom && t2 <= stopAt) {
      pairs++;
      nextLatencies.push(t1 - t0);
      submitLatencies.push(t2 - t1);
      pairLatencies.push(t2 - t0);
    }
  }
}

await Promise.all(input.tokens.map((_, index) => rater(index)));
await pool.close();
writeFileSync(
  outputPath!,
  JSON.stringify({
    pairs,
    measuredMs: input.durationMs,
    nextLatencies,
    submitLatencies,
    pairLatencies,
    acknowledged,
    exhaustedRaters: exhausted,
    errors: Object.fromEntries(errors),
  }),
);
