import { readFileSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { decodePng, decodeRle, encodePng8, ImagingError } from "@crowdseg/imaging";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../create-test-database.ts";
import type { DatabaseHandle } from "../database.ts";
import { DirectoryBlobStore } from "../directory-blob-store.ts";
import { referenceLabels, slices, studies, volumes } from "../schema/index.ts";
import type { Storage } from "../storage.ts";
import { importPngSlices } from "./import-png-slices.ts";
import { readSliceImage } from "./read-slice-image.ts";

const raw = path.resolve(
  import.meta.dirname,
  "../../../../shared/data/bu-bil/BU-BIL_Dataset4/RawImages",
);
const readRaw = (name: string) => new Uint8Array(readFileSync(path.join(raw, name)));

describe(`PNG import on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let handle: DatabaseHandle;
  let blobRoot: string;
  let storage: Storage;
  let studyId: number;

  beforeAll(async () => {
    handle = await createTestDatabase();
    blobRoot = await mkdtemp(path.join(tmpdir(), "crowdseg-png-"));
    storage = { db: handle.db, blobs: new DirectoryBlobStore(blobRoot) };
    const [study] = await handle.db
      .insert(studies)
      .values({
        name: "cells",
        classes: [
          { index: 0, name: "background", color: "#000000" },
          { index: 1, name: "cell", color: "#ff0000" },
        ],
      })
      .returning();
    studyId = study!.id;
  });
  afterAll(async () => {
    await handle.close();
    await rm(blobRoot, { recursive: true, force: true });
  });

  async function snapshot() {
    const [v] = await handle.db.select({ n: count() }).from(volumes);
    const [s] = await handle.db.select({ n: count() }).from(slices);
    return {
      volumes: v!.n,
      slices: s!.n,
      files: (await readdir(blobRoot, { recursive: true })).sort(),
    };
  }

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
    const [volume] = await handle.db.select().from(volumes).where(eq(volumes.id, stored.volumeId));
    expect(volume).toMatchObject({ width, height, depth: 2, format: "png", spacing: null });
    expect((await readSliceImage(storage, stored.sliceIds[1]!)).data).toEqual(gray);
    const [reference] = await handle.db
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
