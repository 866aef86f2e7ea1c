import { decodeLabelPng, decodeRle, readNiftiLabels } from "@crowdseg/imaging";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestContext,
  createApiTestContext,
  type TestUser,
} from "../testing/api-test-context.ts";
import { createTestStudy, type TestStudy } from "../testing/create-test-study.ts";
import { readZip } from "../testing/read-zip.ts";
import { UNLABELLED } from "./label-nifti-archive.ts";

interface ExportJson {
  study: { id: number; classes: unknown[] };
  slices: { id: number; indexInVolume: number; isGold: boolean }[];
  annotations: {
    id: number;
    sliceId: number;
    userId: number;
    labels: { width: number; height: number; counts: number[] };
  }[];
  references?: { sliceId: number }[];
}

describe(`export on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let t: ApiTestContext;
  let study: TestStudy;
  // what each rater painted on which slice index, to compare the exports against
  const painted = new Map<string, Uint8Array>();
  beforeAll(async () => {
    t = await createApiTestContext();
    study = await createTestStudy(t, { slices: 3, ratersPerSlice: 2, raters: 2, gold: 1 });
    for (const [r, rater] of study.raters.slice(0, 2).entries()) {
      for (let round = 0; round < 2; round++) {
        const next = await t.call("POST", "/api/tasks/next", {
          token: rater.token,
          json: { studyId: study.studyId },
        });
        const { task } = (await next.json()) as { task: { id: number } };
        const labels = new Uint8Array(48).map((_, i) => (i + r + round) % 3);
        const counts = Array.from(labels).flatMap((value) => [value, 1]);
        const response = await t.call("POST", "/api/annotations", {
          token: rater.token,
          json: { taskId: task.id, labels: { width: 8, height: 6, counts } },
        });
        const { annotation } = (await response.json()) as { annotation: { id: number } };
        painted.set(`${rater.id}/${annotation.id}`, labels);
      }
    }
  });
  afterAll(() => t.close());

  const get = (path: string, user: TestUser = study.coordinator) =>
    t.call("GET", path, { token: user.token });

  it("exports JSON with each annotation's RLE, and the reference only when asked", async () => {
    const response = await get(`/api/studies/${study.studyId}/export?format=json`);
    expect(response.status).toBe(200);
    const data = (await response.json()) as ExportJson;
    expect(data.annotations).toHaveLength(4);
    for (const annotation of data.annotations) {
      const decoded = decodeRle(annotation.labels, { numClasses: 3 });
      expect(decoded).toEqual(painted.get(`${annotation.userId}/${annotation.id}`));
    }
    expect(data.slices.filter((slice) => slice.isGold)).toHaveLength(1);
    expect(data.references).toBeUndefined();
    const withReference = (await (
      await get(`/api/studies/${study.studyId}/export?reference=true`)
    ).json()) as ExportJson;
    expect(withReference.references).toHaveLength(3);
    expect((await get(`/api/studies/${study.studyId}/export?format=tiff`)).status).toBe(400);
  });

  it("exports a zip of PNG label maps whose pixel values are the class indices", async () => {
    const response = await get(`/api/studies/${study.studyId}/export?format=png`);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const files = readZip(new Uint8Array(await response.arrayBuffer()));
    const json = JSON.parse(Buffer.from(files.get("manifest.json")!).toString()) as ExportJson;
    expect(json.annotations).toHaveLength(4);
    expect(json.annotations[0]).not.toHaveProperty("labels");
    const slices = new Map(json.slices.map((slice) => [slice.id, slice]));
    for (const annotation of json.annotations) {
      const index = slices.get(annotation.sliceId)!.indexInVolume;
      const name = `labels/v${study.volumeId}_volume/slice-${index}/rater-${annotation.userId}.png`;
      expect(files.has(name), name).toBe(true);
      const png = decodeLabelPng(files.get(name)!);
      expect(png.labels).toEqual(painted.get(`${annotation.userId}/${annotation.id}`));
    }
    expect(files.size).toBe(5);
  });

  it("exports a zip of NIfTI label volumes, one per rater, 255 where the rater did not label", async () => {
    const response = await get(`/api/studies/${study.studyId}/export?format=nifti`);
    const files = readZip(new Uint8Array(await response.arrayBuffer()));
    const json = JSON.parse(Buffer.from(files.get("manifest.json")!).toString()) as ExportJson;
    const slices = new Map(json.slices.map((slice) => [slice.id, slice]));
    for (const rater of study.raters.slice(0, 2)) {
      const volume = readNiftiLabels(
        files.get(`labels/v${study.volumeId}_volume/rater-${rater.id}.nii.gz`)!,
      );
      expect([volume.width, volume.height, volume.depth]).toEqual([8, 6, 3]);
      const mine = json.annotations.filter((annotation) => annotation.userId === rater.id);
      const labelled = new Set(
        mine.map((annotation) => slices.get(annotation.sliceId)!.indexInVolume),
      );
      for (const annotation of mine) {
        const z = slices.get(annotation.sliceId)!.indexInVolume;
        expect(volume.data.subarray(z * 48, (z + 1) * 48)).toEqual(
          painted.get(`${rater.id}/${annotation.id}`),
        );
      }
      const unlabelled = [0, 1, 2].filter((z) => !labelled.has(z));
      expect(unlabelled).toHaveLength(1);
      expect(
        Array.from(new Set(volume.data.subarray(unlabelled[0]! * 48, (unlabelled[0]! + 1) * 48))),
      ).toEqual([UNLABELLED]);
    }
  });

  it("is for coordinators and researchers only", async () => {
    expect((await get(`/api/studies/${study.studyId}/export`, study.raters[0]!)).status).toBe(403);
  });
});
