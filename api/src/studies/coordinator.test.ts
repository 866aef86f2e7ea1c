import { annotations, slices, volumes } from "@crowdseg/db";
import { encodePng8, writeNifti } from "@crowdseg/imaging";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestContext,
  createApiTestContext,
  type TestUser,
} from "../testing/api-test-context.ts";
import { createTestStudy } from "../testing/create-test-study.ts";

interface ErrorBody {
  error: { code: string; message: string };
}

const settings = {
  name: "LV study",
  classes: [
    { name: "background", color: "#000000" },
    { name: "LV", color: "#ff0000" },
  ],
  ratersPerSlice: 2,
  goldRate: 0.2,
  leaseSeconds: 300,
};

describe(`coordinator routes on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let t: ApiTestContext;
  let coordinator: TestUser;
  let studyId: number;
  beforeAll(async () => {
    t = await createApiTestContext();
    coordinator = await t.user("coordinator");
    const response = await t.call("POST", "/api/studies", {
      token: coordinator.token,
      json: settings,
    });
    expect(response.status).toBe(201);
    studyId = ((await response.json()) as { study: { id: number } }).study.id;
  });
  afterAll(() => t.close());

  async function volumeCount(): Promise<number> {
    const [row] = await t.handle.db
      .select({ n: count() })
      .from(volumes)
      .where(eq(volumes.studyId, studyId));
    return row!.n;
  }
  function upload(form: FormData, token = coordinator.token) {
    return t.call("POST", `/api/studies/${studyId}/volumes`, { token, body: form });
  }
  function niftiForm(name: string, image: Uint8Array, labels?: Uint8Array): FormData {
    const form = new FormData();
    form.set("format", "nifti");
    form.set("name", name);
    form.set("image", new File([image as Uint8Array<ArrayBuffer>], `${name}.nii.gz`));
    if (labels)
      form.set("labels", new File([labels as Uint8Array<ArrayBuffer>], `${name}_gt.nii.gz`));
    return form;
  }
  const volume = (fill: (i: number) => number, Type: typeof Uint8Array | typeof Float32Array) => {
    const data = new Type(4 * 3 * 2);
    for (let i = 0; i < data.length; i++) data[i] = fill(i);
    return writeNifti({ width: 4, height: 3, depth: 2, data }, { gzip: true });
  };

  it("creates a study with indexed classes; only coordinators may, and the creator coordinates it", async () => {
    const rater = await t.user("rater");
    const denied = await t.call("POST", "/api/studies", { token: rater.token, json: settings });
    expect(denied.status).toBe(403);
    const response = await t.call("GET", `/api/studies/${studyId}`, { token: coordinator.token });
    const { study } = (await response.json()) as {
      study: { classes: { index: number; name: string }[]; ratersPerSlice: number };
    };
    expect(study.classes.map((c) => [c.index, c.name])).toEqual([
      [0, "background"],
      [1, "LV"],
    ]);
    expect(study.ratersPerSlice).toBe(2);
    const bad = await t.call("POST", "/api/studies", {
      token: coordinator.token,
      json: { ...settings, classes: [{ name: "background", color: "black" }], goldRate: 2 },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.message).toMatch(
      /classes.*goldRate|goldRate.*classes/s,
    );
  });

  it("uploads a NIfTI volume with reference labels, and refuses broken files leaving the study as it was", async () => {
    const image = volume((i) => i * 1.5, Float32Array);
    const labels = volume((i) => i % 2, Uint8Array);
    const response = await upload(niftiForm("patient1", image, labels));
    expect(response.status, await response.clone().text()).toBe(201);
    const { volume: stored } = (await response.json()) as { volume: { sliceIds: number[] } };
    expect(stored.sliceIds).toHaveLength(2);

    const truncated = await upload(niftiForm("broken", image.subarray(0, 100)));
    expect(truncated.status).toBe(422);
    const outOfRange = await upload(
      niftiForm(
        "classes",
        image,
        volume(() => 4, Uint8Array),
      ),
    );
    expect(outOfRange.status).toBe(422);
    expect(((await outOfRange.json()) as ErrorBody).error.message).toMatch(/class 4.*0\.\.1/);
    const duplicate = await upload(niftiForm("patient1", image, labels));
    expect(duplicate.status).toBe(409);
    const missing = new FormData();
    missing.set("format", "nifti");
    const incomplete = await upload(missing);
    expect(incomplete.status).toBe(400);
    expect(((await incomplete.json()) as ErrorBody).error.message).toMatch(/name/);
    expect(await volumeCount()).toBe(1);
  });

  it("uploads a PNG stack with label PNGs in slice order", async () => {
    const form = new FormData();
    form.set("format", "png");
    form.set("name", "png stack");
    for (let z = 0; z < 3; z++) {
      const gray = new Uint8Array(4 * 3).fill(z * 50);
      form.append(
        "images",
        new File([encodePng8(gray, 4, 3) as Uint8Array<ArrayBuffer>], `${z}.png`),
      );
      const label = new Uint8Array(4 * 3).fill(z % 2);
      form.append(
        "labels",
        new File([encodePng8(label, 4, 3) as Uint8Array<ArrayBuffer>], `${z}_gt.png`),
      );
    }
    const response = await upload(form);
    expect(response.status, await response.clone().text()).toBe(201);
    const { volume: stored } = (await response.json()) as { volume: { sliceIds: number[] } };
    expect(stored.sliceIds).toHaveLength(3);
    const notPng = new FormData();
    notPng.set("format", "png");
    notPng.set("name", "junk");
    notPng.append("images", new File(["hello"], "a.png"));
    expect((await upload(notPng)).status).toBe(422);
    expect(await volumeCount()).toBe(2);
  });

  it("marks gold only on slices of the study that have a reference", async () => {
    const listing = await t.call("GET", `/api/studies/${studyId}/slices`, {
      token: coordinator.token,
    });
    const { slices: rows } = (await listing.json()) as {
      slices: { id: number; hasReference: boolean; isGold: boolean }[];
    };
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => row.hasReference && !row.isGold)).toBe(true);
    const ids = rows.slice(0, 2).map((row) => row.id);
    const marked = await t.call("PUT", `/api/studies/${studyId}/gold`, {
      token: coordinator.token,
      json: { sliceIds: ids, gold: true },
    });
    expect(await marked.json()).toEqual({ changed: 2 });
    const other = await createTestStudy(t, { slices: 1 });
    const foreign = await t.call("PUT", `/api/studies/${studyId}/gold`, {
      token: coordinator.token,
      json: { sliceIds: [ids[0]!, other.sliceIds[0]!], gold: false },
    });
    expect(foreign.status).toBe(422);
    const gold = await t.handle.db
      .select({ id: slices.id })
      .from(slices)
      .where(eq(slices.isGold, true));
    expect(gold.map((row) => row.id).sort()).toEqual([...ids].sort());
    const unmarked = await t.call("PUT", `/api/studies/${studyId}/gold`, {
      token: coordinator.token,
      json: { sliceIds: [ids[1]!], gold: false },
    });
    expect(await unmarked.json()).toEqual({ changed: 1 });
  });

  it("invites: a newcomer redeems once and can log in; an account holder accepts; email-bound invites hold", async () => {
    const created = await t.call("POST", `/api/studies/${studyId}/invites`, {
      token: coordinator.token,
      json: {},
    });
    expect(created.status).toBe(201);
    const { token, invite } = (await created.json()) as { token: string; invite: { role: string } };
    expect(invite.role).toBe("rater");
    const redemption = {
      token,
      email: "Newbie@Test.Crowdseg",
      displayName: "Newbie",
      password: "a long password",
    };
    const redeemed = await t.call("POST", "/api/invites/redeem", { json: redemption });
    expect(redeemed.status).toBe(201);
    const joined = (await redeemed.json()) as { token: string; studyId: number };
    expect(joined.studyId).toBe(studyId);
    const task = await t.call("POST", "/api/tasks/next", {
      token: joined.token,
      json: { studyId },
    });
    expect(task.status).toBe(200);
    const login = await t.call("POST", "/api/auth/login", {
      json: { email: "newbie@test.crowdseg", password: "a long password" },
    });
    expect(login.status).toBe(200);
    const twice = await t.call("POST", "/api/invites/redeem", {
      json: { ...redemption, email: "second@test.crowdseg" },
    });
    expect(twice.status).toBe(410);

    const existing = await t.user("rater");
    const bound = await t.call("POST", `/api/studies/${studyId}/invites`, {
      token: coordinator.token,
      json: { email: "someone.else@test.crowdseg" },
    });
    const boundToken = ((await bound.json()) as { token: string }).token;
    const wrongPerson = await t.call("POST", "/api/invites/accept", {
      token: existing.token,
      json: { token: boundToken },
    });
    expect(wrongPerson.status).toBe(403);
    const open = await t.call("POST", `/api/studies/${studyId}/invites`, {
      token: coordinator.token,
      json: {},
    });
    const accepted = await t.call("POST", "/api/invites/accept", {
      token: existing.token,
      json: { token: ((await open.json()) as { token: string }).token },
    });
    expect(accepted.status).toBe(200);
    const me = await t.call("GET", "/api/me", { token: existing.token });
    expect(((await me.json()) as { memberships: { studyId: number }[] }).memberships).toEqual([
      expect.objectContaining({ studyId, role: "rater", blocked: false }),
    ]);
  });

  it("reports progress, per-rater statistics with Dice on gold, and blocks raters", async () => {
    const study = await createTestStudy(t, {
      slices: 4,
      ratersPerSlice: 2,
      gold: 1,
      goldRate: 1,
      raters: 2,
    });
    const [good, poor] = study.raters as [TestUser, TestUser];
    const labelled = new Map<number, number>();
    // the good rater paints the reference (left half LV), the poor one paints everything LV
    for (const [rater, counts] of [
      [good, Array.from({ length: 6 }, () => [1, 4, 0, 4]).flat()],
      [poor, [1, 48]],
    ] as const) {
      for (let i = 0; i < 2; i++) {
        const next = await t.call("POST", "/api/tasks/next", {
          token: rater.token,
          json: { studyId: study.studyId },
        });
        const { task } = (await next.json()) as { task: { id: number } };
        const submitted = await t.call("POST", "/api/annotations", {
          token: rater.token,
          json: {
            taskId: task.id,
            labels: { width: 8, height: 6, counts },
            durationMs: 1000 * (i + 1),
          },
        });
        expect(submitted.status).toBe(201);
        labelled.set(rater.id, (labelled.get(rater.id) ?? 0) + 1);
      }
    }
    await t.call("POST", "/api/tasks/next", {
      token: good.token,
      json: { studyId: study.studyId },
    });
    const progress = await t.call("GET", `/api/studies/${study.studyId}/progress`, {
      token: study.coordinator.token,
    });
    expect(((await progress.json()) as { progress: unknown }).progress).toEqual({
      slices: 4,
      // gold first for both (rate 1), then the fewest-labelled: slices 1 and 2 got one label each
      done: 1,
      inProgress: 1,
      open: 2,
      annotations: 4,
      liveLeases: 1,
      goldSlices: 1,
      raters: 2,
      blockedRaters: 0,
    });
    const stats = await t.call("GET", `/api/studies/${study.studyId}/raters`, {
      token: study.coordinator.token,
    });
    const { raters } = (await stats.json()) as {
      raters: {
        userId: number;
        annotations: number;
        medianDurationMs: number;
        goldDice: number;
        goldAnnotations: number;
      }[];
    };
    const byId = new Map(raters.map((r) => [r.userId, r]));
    expect(byId.get(good.id)).toMatchObject({
      annotations: 2,
      medianDurationMs: 1500,
      goldAnnotations: 1,
      goldDice: 1,
    });
    // everything LV against a left-half LV: Dice = 2·24 / (48 + 24)
    expect(byId.get(poor.id)!.goldDice).toBeCloseTo(2 / 3, 6);
    const mine = await t.call("GET", `/api/studies/${study.studyId}/my-quality`, {
      token: poor.token,
    });
    expect(((await mine.json()) as { quality: { score: number } }).quality.score).toBeCloseTo(
      2 / 3,
      6,
    );

    const blocked = await t.call("PATCH", `/api/studies/${study.studyId}/raters/${good.id}`, {
      token: study.coordinator.token,
      json: { blocked: true },
    });
    expect(await blocked.json()).toEqual({ userId: good.id, blocked: true, leasesEnded: 1 });
    const refused = await t.call("POST", "/api/tasks/next", {
      token: good.token,
      json: { studyId: study.studyId },
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorBody).error.code).toBe("rater_blocked");
    await t.call("PATCH", `/api/studies/${study.studyId}/raters/${good.id}`, {
      token: study.coordinator.token,
      json: { blocked: false },
    });
    const again = await t.call("POST", "/api/tasks/next", {
      token: good.token,
      json: { studyId: study.studyId },
    });
    expect(((await again.json()) as { task: unknown }).task).not.toBeNull();
  });

  it("edits settings, but not the classes once annotations exist", async () => {
    const study = await createTestStudy(t, { slices: 1, ratersPerSlice: 1, raters: 1 });
    const path = `/api/studies/${study.studyId}`;
    const token = study.coordinator.token;
    const patched = await t.call("PATCH", path, {
      token,
      json: { ratersPerSlice: 5, goldRate: 0.5 },
    });
    expect(await patched.json()).toMatchObject({ study: { ratersPerSlice: 5, goldRate: 0.5 } });
    expect((await t.call("PATCH", path, { token, json: {} })).status).toBe(400);
    const rater = study.raters[0]!;
    const next = await t.call("POST", "/api/tasks/next", {
      token: rater.token,
      json: { studyId: study.studyId },
    });
    const { task } = (await next.json()) as { task: { id: number } };
    await t.call("POST", "/api/annotations", {
      token: rater.token,
      json: { taskId: task.id, labels: { width: 8, height: 6, counts: [0, 48] } },
    });
    const [labelled] = await t.handle.db
      .select({ n: count() })
      .from(annotations)
      .where(eq(annotations.studyId, study.studyId));
    expect(labelled!.n).toBe(1);
    const locked = await t.call("PATCH", path, { token, json: { classes: settings.classes } });
    expect(locked.status).toBe(409);
  });
});
