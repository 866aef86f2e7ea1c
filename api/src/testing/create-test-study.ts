import { goldSlices, storeVolume, studies, studyMembers } from "@crowdseg/db";
import type { ApiTestContext, TestUser } from "./api-test-context.ts";

export interface TestStudyOptions {
  slices?: number;
  width?: number;
  height?: number;
  ratersPerSlice?: number;
  goldRate?: number;
  leaseSeconds?: number;
  /** how many of the first slices are gold (all slices get a reference label) */
  gold?: number;
  raters?: number;
}

export interface TestStudy {
  studyId: number;
  volumeId: number;
  sliceIds: number[];
  goldSliceIds: number[];
  coordinator: TestUser;
  raters: TestUser[];
  width: number;
  height: number;
}

export const testClasses = [
  { index: 0, name: "background", color: "#000000" },
  { index: 1, name: "LV", color: "#ff0000" },
  { index: 2, name: "RV", color: "#0000ff" },
];

/**
 * A study of one small volume whose slice z has intensity z + x/width and a reference label map
 * that marks the left half class 1, with a coordinator and raters already members.
 */
export async function createTestStudy(
  t: ApiTestContext,
  options: TestStudyOptions = {},
): Promise<TestStudy> {
  const width = options.width ?? 8;
  const height = options.height ?? 6;
  const depth = options.slices ?? 10;
  const coordinator = await t.user("coordinator");
  const [study] = await t.handle.db
    .insert(studies)
    .values({
      name: `test study ${coordinator.id}`,
      classes: testClasses,
      ratersPerSlice: options.ratersPerSlice ?? 3,
      goldRate: options.goldRate ?? 0,
      leaseSeconds: options.leaseSeconds ?? 600,
      createdBy: coordinator.id,
    })
    .returning();
  const studyId = study!.id;
  const image = new Float32Array(width * height * depth);
  const labels = new Uint8Array(width * height * depth);
  for (let z = 0; z < depth; z++) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (z * height + y) * width + x;
        image[i] = z + x / width;
        labels[i] = x < width / 2 ? 1 : 0;
      }
    }
  }
  const stored = await storeVolume(t.storage, {
    studyId,
    name: "volume",
    width,
    height,
    depth,
    image,
    labels,
    spacing: [1, 1, 1],
    format: "phantom",
    sourceDatatype: "float32",
  });
  const goldSliceIds = stored.sliceIds.slice(0, options.gold ?? 0);
  if (goldSliceIds.length > 0) {
    await t.handle.db
      .insert(goldSlices)
      .values(goldSliceIds.map((sliceId) => ({ sliceId, studyId })));
  }
  const raters: TestUser[] = [];
  for (let i = 0; i < (options.raters ?? 3); i++) raters.push(await t.user("rater"));
  await t.handle.db
    .insert(studyMembers)
    .values([
      { studyId, userId: coordinator.id, role: "coordinator" as const },
      ...raters.map((rater) => ({ studyId, userId: rater.id, role: "rater" as const })),
    ]);
  return {
    studyId,
    volumeId: stored.volumeId,
    sliceIds: stored.sliceIds,
    goldSliceIds,
    coordinator,
    raters,
    width,
    height,
  };
}
