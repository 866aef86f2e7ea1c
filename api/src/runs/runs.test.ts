import { seedDemoStudy, studies, studyMembers, volumes } from "@crowdseg/db";
import { readNifti } from "@crowdseg/imaging";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestContext,
  createApiTestContext,
  type TestUser,
} from "../testing/api-test-context.ts";

interface RunBody {
  run: {
    id: number;
    status: string;
    metrics: Record<string, unknown> | null;
    progress: { fraction: number };
  };
}

describe(`fusion and training runs through the API on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let t: ApiTestContext;
  let researcher: TestUser;
  let outsider: TestUser;
  let rater: TestUser;
  let studyId: number;
  let otherStudyId: number;

  beforeAll(async () => {
    t = await createApiTestContext();
    const seeded = await seedDemoStudy(t.storage, {
      patients: 1,
      width: 48,
      height: 48,
      slices: 4,
      ratersPerSlice: 3,
      goldRate: 0.25,
    });
    studyId = seeded!.studyId;
    const [other] = await t.storage.db
      .insert(studies)
      .values({ name: "other", classes: [{ index: 0, name: "bg", color: "#000" }] })
      .returning();
    otherStudyId = other!.id;
    researcher = await t.user("researcher");
    outsider = await t.user("researcher", "outsider");
    rater = await t.user("rater");
    await t.storage.db.insert(studyMembers).values([
      { studyId, userId: researcher.id, role: "researcher" },
      { studyId, userId: rater.id, role: "rater" },
      { studyId: otherStudyId, userId: outsider.id, role: "researcher" },
    ]);
  });
  afterAll(() => t.close());

  async function waitUntilFinished(runId: number): Promise<RunBody["run"]> {
    for (let i = 0; i < 400; i++) {
      const response = await t.call("GET", `/api/fusion-runs/${runId}`, {
        token: researcher.token,
      });
      const { run } = (await response.json()) as RunBody;
      if (run.status === "succeeded" || run.status === "failed") return run;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`fusion run ${runId} did not finish`);
  }

  it("starts a fusion run that a worker finishes, with metrics against the reference", async () => {
    const response = await t.call("POST", `/api/studies/${studyId}/fusion-runs`, {
      token: researcher.token,
      json: { method: "staple", priors: ["singleComponent"] },
    });
    expect(response.status).toBe(202);
    const { run } = (await response.json()) as RunBody;
    // the in-process worker may already have picked it up
    expect(["queued", "running"]).toContain(run.status);
    const finished = await waitUntilFinished(run.id);
    expect(finished.status).toBe("succeeded");
    expect(finished.metrics).toMatchObject({
      method: "staple",
      slices: 8,
      raters: 7,
      referenceSlices: 8,
    });
    expect(finished.progress.fraction).toBe(1);

    const listing = await t.call("GET", `/api/studies/${studyId}/fusion-runs`, {
      token: researcher.token,
    });
    expect(((await listing.json()) as { runs: { id: number }[] }).runs.map((r) => r.id)).toContain(
      run.id,
    );
  });

  it("streams a run's progress as server-sent events until it is done", async () => {
    const started = await t.call("POST", `/api/studies/${studyId}/fusion-runs`, {
      token: researcher.token,
      json: { method: "reliability-weighted" },
    });
    const { run } = (await started.json()) as RunBody;
    const response = await t.call("GET", `/api/fusion-runs/${run.id}/events?intervalMs=100`, {
      token: researcher.token,
    });
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    const text = await response.text();
    const events = [...text.matchAll(/event: (\w+)\ndata: (.*)\n/g)].map((m) => ({
      event: m[1],
      run: (JSON.parse(m[2]!) as RunBody).run,
    }));
    expect(events[0]!.event).toBe("progress");
    expect(events.at(-1)!.event).toBe("done");
    expect(events.at(-1)!.run.status).toBe("succeeded");
    // no two consecutive events repeat the same state
    for (let i = 1; i < events.length - 1; i++) {
      expect(JSON.stringify(events[i]!.run)).not.toBe(JSON.stringify(events[i - 1]!.run));
    }
  });

  it("serves a soft label as a heat-map PNG and a volume as a NIfTI probability map", async () => {
    const started = await t.call("POST", `/api/studies/${studyId}/fusion-runs`, {
      token: researcher.token,
      json: { method: "rater-mean" },
    });
    const { run } = (await started.json()) as RunBody;
    await waitUntilFinished(run.id);
    const [volume] = await t.storage.db
      .select()
      .from(volumes)
      .where(eq(volumes.studyId, studyId))
      .limit(1);
    const slices = await t.call(
      "GET",
      `/api/fusion-runs/${run.id}/volumes/${volume!.id}/probabilities.nii.gz?class=3`,
      {
        token: researcher.token,
      },
    );
    expect(slices.status).toBe(200);
    const nifti = readNifti(new Uint8Array(await slices.arrayBuffer()));
    expect([nifti.width, nifti.height, nifti.depth]).toEqual([48, 48, 4]);
    const max = nifti.data.reduce((a, b) => Math.max(a, b), 0);
    expect(max).toBeCloseTo(1, 5);
    expect(nifti.data.every((v) => v >= 0 && v <= 1)).toBe(true);

    const { id: sliceId } = (await t.storage.db.query.slices.findFirst({
      where: (s, { eq: is }) => is(s.volumeId, volume!.id),
    }))!;
    const png = await t.call(
      "GET",
      `/api/fusion-runs/${run.id}/slices/${sliceId}/soft-label.png?class=2`,
      {
        token: researcher.token,
      },
    );
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(Array.from(new Uint8Array(await png.arrayBuffer()).subarray(1, 4))).toEqual([
      0x50, 0x4e, 0x47,
    ]);
    const bad = await t.call(
      "GET",
      `/api/fusion-runs/${run.id}/slices/${sliceId}/soft-label.png?class=9`,
      {
        token: researcher.token,
      },
    );
    expect(bad.status).toBe(422);
  });

  it("refuses bad requests with messages that name the problem, and stores no run", async () => {
    const before = await t.call("GET", `/api/studies/${studyId}/fusion-runs`, {
      token: researcher.token,
    });
    const count = ((await before.json()) as { runs: unknown[] }).runs.length;
    const badMethod = await t.call("POST", `/api/studies/${studyId}/fusion-runs`, {
      token: researcher.token,
      json: { method: "telepathy" },
    });
    expect(badMethod.status).toBe(400);
    expect(((await badMethod.json()) as { error: { message: string } }).error.message).toMatch(
      /method/,
    );
    const badPrior = await t.call("POST", `/api/studies/${studyId}/fusion-runs`, {
      token: researcher.token,
      json: { method: "staple", priors: ["wishfulThinking"] },
    });
    expect(badPrior.status).toBe(400);
    const foreignSource = await t.call("POST", `/api/studies/${studyId}/training-runs`, {
      token: researcher.token,
      json: {
        architecture: "unet",
        loss: "ce",
        labelSource: { kind: "fusion", fusionRunId: 999_999 },
      },
    });
    expect(foreignSource.status).toBe(422);
    const longWarmup = await t.call("POST", `/api/studies/${studyId}/training-runs`, {
      token: researcher.token,
      json: {
        architecture: "unet",
        loss: "nce+rce",
        labelSource: { kind: "reference" },
        epochs: 5,
        warmupEpochs: 5,
      },
    });
    expect(longWarmup.status).toBe(400);
    expect(((await longWarmup.json()) as { error: { message: string } }).error.message).toMatch(
      /warmupEpochs must be below epochs/,
    );
    expect(((await foreignSource.json()) as { error: { message: string } }).error.message).toBe(
      `fusion run 999999 is not a run of study ${studyId}`,
    );
    const after = await t.call("GET", `/api/studies/${studyId}/fusion-runs`, {
      token: researcher.token,
    });
    expect(((await after.json()) as { runs: unknown[] }).runs).toHaveLength(count);
  });

  it("keeps runs to the study's researchers and coordinators", async () => {
    const started = await t.call("POST", `/api/studies/${studyId}/fusion-runs`, {
      token: researcher.token,
      json: { method: "majority-vote" },
    });
    const { run } = (await started.json()) as RunBody;
    for (const who of [outsider, rater]) {
      expect((await t.call("GET", `/api/fusion-runs/${run.id}`, { token: who.token })).status).toBe(
        404,
      );
      expect(
        (await t.call("GET", `/api/fusion-runs/${run.id}/events`, { token: who.token })).status,
      ).toBe(404);
    }
    const byRater = await t.call("POST", `/api/studies/${studyId}/fusion-runs`, {
      token: rater.token,
      json: { method: "staple" },
    });
    expect(byRater.status).toBe(403);
    const byOutsider = await t.call("POST", `/api/studies/${studyId}/fusion-runs`, {
      token: outsider.token,
      json: { method: "staple" },
    });
    expect(byOutsider.status).toBe(404);
    expect((await t.call("GET", `/api/fusion-runs/${run.id}`)).status).toBe(401);
    await waitUntilFinished(run.id);
  });
});
