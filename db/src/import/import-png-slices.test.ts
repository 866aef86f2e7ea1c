import { readFileSync } from "node:fs";
import path from "node:path";
import { decodePng, decodeRle, encodePng8, ImagingError } from "@crowdseg/imaging";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referenceLabels, volumes } from "../schema/index.ts";
import type { Storage } from "../storage.ts";
import { importPngSlices } from "./import-png-slices.ts";
import { readSliceImage } from "./read-slice-image.ts";
import { createImportTestStorage, type ImportTestStorage } from "./testing/import-test-storage.ts";

const raw = path.resolve(
  import.meta.dirname,
  "../../../../shared/data/bu-bil/BU-BIL_Dataset4/RawImages",
);
const readRaw = (name: string) => new Uint8Array(readFileSync(path.join(raw, name)));

describe(`PNG import on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let t: ImportTestStorage;
  let storage: Storage;
  let studyId: number;
  beforeAll(async () => {
    t = await createImportTestStorage(["background", "cell"]);
    ({ storage, studyId } = t);
  });
  afterAll(() => t.close());
  const snapshot = () => t.snapshot();

  it("imports palette PNGs from BU-BIL as slices with their label maps", async () => {
    const image = readRaw("000092.png");
    const { width, height, gray } = decodePng(image);
    const mask = new Uint8Array(width * height).map((_, i) => (i % width < width / 2 ? 1 : 0));
    const stored = await importPngSlices(storage, {
      studyId,
      name: "cell-000092",
      images: [image, image],
      labels: [
        encodePng8(mask, width, height),
        encodePng8(new Uint8Array(width * height), width, height),
      ],
    });
    expect(stored.sliceIds).toHaveLength(2);
    const [volume] = await storage.db.select().from(volumes).where(eq(volumes.id, stored.volumeId));
    expect(volume).toMatchObject({ width, height, depth: 2, format: "png", spacing: null });
    expect((await readSliceImage(storage, stored.sliceIds[1]!)).data).toEqual(gray);
    const [reference] = await storage.db
      .select()
      .from(referenceLabels)
      .where(eq(referenceLabels.sliceId, stored.sliceIds[0]!));
    expect(decodeRle(reference!.labels, { numClasses: 2, width, height })).toEqual(mask);
  });

  it("refuses a non-image upload with a clear message and stores nothing", async () => {
    const before = await snapshot();
    const attempt = importPngSlices(storage, {
      studyId,
      name: "notes",
      images: [new TextEncoder().encode("these are my notes, not a scan")],
    });
    await expect(attempt).rejects.toBeInstanceOf(ImagingError);
    await expect(attempt).rejects.toThrow(/not a PNG/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses images of different sizes in one volume and stores nothing", async () => {
    const before = await snapshot();
    const attempt = importPngSlices(storage, {
      studyId,
      name: "mixed",
      images: [readRaw("000092.png"), readRaw("000094.png")],
    });
    await expect(attempt).rejects.toThrow(/image 2 of "mixed" is 53×76, image 1 is 53×88/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a label PNG of the wrong size and stores nothing", async () => {
    const before = await snapshot();
    const attempt = importPngSlices(storage, {
      studyId,
      name: "bad-labels",
      images: [readRaw("000092.png")],
      labels: [encodePng8(new Uint8Array(16), 4, 4)],
    });
    await expect(attempt).rejects.toThrow(/label PNG 1 of "bad-labels" is 4×4, the images 53×88/);
    expect(await snapshot()).toEqual(before);
  });
});
