import { seedDemoStudy, slices, studyMembers } from "@crowdseg/db";
import { decodePng } from "@crowdseg/imaging";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiTestContext, createApiTestContext } from "../testing/api-test-context.ts";

describe(`slice images for review on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let t: ApiTestContext;
  let studyId: number;
  let sliceId: number;
  beforeAll(async () => {
    t = await createApiTestContext();
    const seeded = await seedDemoStudy(t.storage, {
      patients: 1,
      width: 40,
      height: 32,
      slices: 2,
      ratersPerSlice: 3,
    });
    studyId = seeded!.studyId;
    const [slice] = await t.storage.db
      .select()
      .from(slices)
      .where(eq(slices.studyId, studyId))
      .limit(1);
    sliceId = slice!.id;
  });
  afterAll(() => t.close());

  it("serves coordinators and researchers of the study a windowed PNG of the slice's size", async () => {
    for (const role of ["coordinator", "researcher"] as const) {
      const user = await t.user(role);
      await t.storage.db.insert(studyMembers).values({ studyId, userId: user.id, role });
      const response = await t.call("GET", `/api/slices/${sliceId}/image.png`, {
        token: user.token,
      });
      expect(response.status).toBe(200);
      const png = decodePng(new Uint8Array(await response.arrayBuffer()));
      expect([png.width, png.height, png.bitDepth]).toEqual([40, 32, 8]);
      // windowed to the full 8-bit range: some pixels near black, some near white
      expect(Math.min(...png.gray)).toBeLessThan(0.05);
      expect(Math.max(...png.gray)).toBeGreaterThan(0.95);
    }
  });

  it("tells raters of the study, outsiders and unknown ids alike that the slice does not exist", async () => {
    const rater = await t.user("rater");
    await t.storage.db.insert(studyMembers).values({ studyId, userId: rater.id, role: "rater" });
    const outsider = await t.user("coordinator");
    for (const [token, id] of [
      [rater.token, sliceId],
      [outsider.token, sliceId],
      [outsider.token, 999_999],
    ] as const) {
      const response = await t.call("GET", `/api/slices/${id}/image.png`, { token });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        "slice_not_found",
      );
    }
  });
});
