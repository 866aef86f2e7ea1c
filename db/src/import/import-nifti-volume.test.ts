import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { decodeRle, ImagingError, readNifti } from "@crowdseg/imaging";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referenceLabels, slices, studies, volumes } from "../schema/index.ts";
import type { Storage } from "../storage.ts";
import { ImportError } from "./import-error.ts";
import { importNiftiVolume } from "./import-nifti-volume.ts";
import { readSliceImage } from "./read-slice-image.ts";
import { createImportTestStorage, type ImportTestStorage } from "./testing/import-test-storage.ts";

const acdc = path.resolve(import.meta.dirname, "../../../../shared/data/acdc");
const readAcdc = (name: string) => new Uint8Array(readFileSync(path.join(acdc, name)));

/** dim[1..3] straight from the header bytes, independent of the reader under test. */
function headerDims(gz: Uint8Array): [number, number, number] {
  const raw = gunzipSync(gz);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  return [view.getInt16(42, true), view.getInt16(44, true), view.getInt16(46, true)];
}

describe(`NIfTI import on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let t: ImportTestStorage;
  let storage: Storage;
  let studyId: number;
  beforeAll(async () => {
    t = await createImportTestStorage(["background", "RV", "myocardium", "LV cavity"]);
    ({ storage, studyId } = t);
  });
  afterAll(() => t.close());
  const snapshot = () => t.snapshot();

  it.each(["patient001_frame01", "patient041_frame01", "patient038_frame02"])(
    "imports %s with one slice per z, its size, and labels 0..3",
    async (name) => {
      const imageBytes = readAcdc(`${name}.nii.gz`);
      const [width, height, depth] = headerDims(imageBytes);
      const stored = await importNiftiVolume(storage, {
        studyId,
        name,
        image: imageBytes,
        labels: readAcdc(`${name}_gt.nii.gz`),
        spacingKnown: false,
      });
      expect(stored.sliceIds).toHaveLength(depth);

      const [volume] = await storage.db
        .select()
        .from(volumes)
        .where(eq(volumes.id, stored.volumeId));
      expect(volume).toMatchObject({
        width,
        height,
        depth,
        format: "nifti",
        sourceDatatype: "int16",
      });
      expect(volume!.spacing).toBeNull();

      const rows = await storage.db
        .select()
        .from(slices)
        .where(eq(slices.volumeId, stored.volumeId))
        .orderBy(asc(slices.indexInVolume));
      expect(rows.map((row) => row.indexInVolume)).toEqual([...Array(depth).keys()]);
      expect(rows.every((row) => row.width === width && row.height === height)).toBe(true);

      // the stored middle slice is exactly the file's middle slice
      const z = Math.floor(depth / 2);
      const fromFile = readNifti(imageBytes).data.subarray(
        z * width * height,
        (z + 1) * width * height,
      );
      const fromStore = await readSliceImage(storage, rows[z]!.id);
      expect(fromStore.data).toEqual(fromFile);

      const seen = new Set<number>();
      for (const row of rows) {
        const [reference] = await storage.db
          .select()
          .from(referenceLabels)
          .where(eq(referenceLabels.sliceId, row.id));
        for (const value of decodeRle(reference!.labels, { numClasses: 4, width, height }))
          seen.add(value);
      }
      expect([...seen].sort()).toEqual([0, 1, 2, 3]);
    },
  );

  it.each([
    {
      what: "a truncated .nii.gz",
      image: () => {
        const raw = gunzipSync(readAcdc("patient002_frame01.nii.gz"));
        return new Uint8Array(gzipSync(raw.subarray(0, Math.floor(raw.length / 2))));
      },
      error: /only|truncated|bytes/i,
    },
    {
      what: "a header lying about its size",
      image: () => {
        const raw = gunzipSync(readAcdc("patient002_frame01.nii.gz"));
        new DataView(raw.buffer, raw.byteOffset).setInt16(42, 4000, true);
        return new Uint8Array(raw);
      },
      error: /4000/,
    },
    {
      what: "a text file",
      image: () => new TextEncoder().encode("patient,ef\n1,0.55\n".repeat(40)),
      error: /NIfTI|not/i,
    },
  ])("refuses $what with a clear ImagingError and stores nothing", async ({ image, error }) => {
    const before = await snapshot();
    const attempt = importNiftiVolume(storage, { studyId, name: "bad", image: image() });
    await expect(attempt).rejects.toBeInstanceOf(ImagingError);
    await expect(attempt).rejects.toThrow(error);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a label volume of another size, naming both sizes, and stores nothing", async () => {
    const before = await snapshot();
    const attempt = importNiftiVolume(storage, {
      studyId,
      name: "mismatch",
      image: readAcdc("patient002_frame01.nii.gz"),
      labels: readAcdc("patient001_frame01_gt.nii.gz"),
    });
    await expect(attempt).rejects.toBeInstanceOf(ImportError);
    await expect(attempt).rejects.toThrow(
      /label volume is \d+×\d+×\d+, but image "mismatch" is \d+×\d+×\d+/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("refuses labels with a class the study does not have, and stores nothing", async () => {
    const [binary] = await storage.db
      .insert(studies)
      .values({
        name: "binary",
        classes: [
          { index: 0, name: "bg", color: "#000" },
          { index: 1, name: "fg", color: "#fff" },
        ],
      })
      .returning();
    const before = await snapshot();
    const attempt = importNiftiVolume(storage, {
      studyId: binary!.id,
      name: "p1",
      image: readAcdc("patient001_frame01.nii.gz"),
      labels: readAcdc("patient001_frame01_gt.nii.gz"),
    });
    await expect(attempt).rejects.toThrow(/contains class 3, but the study has classes 0\.\.1/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a second volume of the same name, keeping the first intact", async () => {
    const before = await snapshot();
    const attempt = importNiftiVolume(storage, {
      studyId,
      name: "patient001_frame01",
      image: readAcdc("patient003_frame01.nii.gz"),
    });
    await expect(attempt).rejects.toThrow(/already has a volume named "patient001_frame01"/);
    expect(await snapshot()).toEqual(before);
  });
});
