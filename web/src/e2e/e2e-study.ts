import { storeVolume, studies, studyMembers } from "@crowdseg/db";
import type { E2eUser, WebTestServer } from "./web-test-server.ts";

export const cardiacClasses = [
  { index: 0, name: "background", color: "#000000" },
  { index: 1, name: "RV", color: "#1f77b4" },
  { index: 2, name: "myocardium", color: "#2ca02c" },
  { index: 3, name: "LV cavity", color: "#d62728" },
];

export interface E2eStudyOptions {
  width: number;
  height: number;
  slices: number;
  ratersPerSlice?: number;
  members: { user: E2eUser; role: "rater" | "coordinator" | "researcher" }[];
}

export interface E2eStudy {
  studyId: number;
  volumeId: number;
  sliceIds: number[];
  /** the reference label of every slice (they are all the same) */
  reference: Uint8Array;
}

/**
 * A study of one synthetic short-axis-like volume: a bright LV cavity inside a darker ring of
 * myocardium, an RV crescent beside it, with the exact reference labels.
 */
export async function createE2eStudy(
  server: WebTestServer,
  options: E2eStudyOptions,
): Promise<E2eStudy> {
  const { width, height, slices } = options;
  const [study] = await server.handle.db
    .insert(studies)
    .values({
      name: `E2E study ${Date.now() % 100_000}`,
      classes: cardiacClasses,
      ratersPerSlice: options.ratersPerSlice ?? 3,
      goldRate: 0,
      leaseSeconds: 600,
    })
    .returning();
  const studyId = study!.id;
  const reference = syntheticLabels(width, height);
  const image = new Float32Array(width * height * slices);
  const labels = new Uint8Array(width * height * slices);
  const brightness = [20, 160, 90, 230];
  for (let z = 0; z < slices; z++) {
    for (let i = 0; i < width * height; i++) {
      image[z * width * height + i] = brightness[reference[i]!]! + ((i * 7919 + z * 31) % 17);
      labels[z * width * height + i] = reference[i]!;
    }
  }
  const stored = await storeVolume(server.storage, {
    studyId,
    name: "synthetic",
    width,
    height,
    depth: slices,
    image,
    labels,
    spacing: [1, 1, 8],
    format: "phantom",
    sourceDatatype: "float32",
  });
  if (options.members.length > 0) {
    await server.handle.db
      .insert(studyMembers)
      .values(options.members.map(({ user, role }) => ({ studyId, userId: user.id, role })));
  }
  return { studyId, volumeId: stored.volumeId, sliceIds: stored.sliceIds, reference };
}

function syntheticLabels(width: number, height: number): Uint8Array {
  const labels = new Uint8Array(width * height);
  const cx = width * 0.55;
  const cy = height * 0.5;
  const r = Math.min(width, height) * 0.16;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      const rv = Math.hypot((x + 0.5 - (cx - r * 1.9)) / 1.1, (y + 0.5 - cy) / 1.6);
      labels[y * width + x] = d < r ? 3 : d < r * 1.45 ? 2 : rv < r * 1.05 && d >= r * 1.45 ? 1 : 0;
    }
  }
  return labels;
}
