import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BlobNotFoundError } from "./blob-store.ts";
import { DirectoryBlobStore } from "./directory-blob-store.ts";

describe("DirectoryBlobStore", () => {
  let root: string;
  let store: DirectoryBlobStore;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), "crowdseg-blobs-"));
    store = new DirectoryBlobStore(root);
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("stores and returns bytes under nested keys, leaving no temporary files", async () => {
    const bytes = new Uint8Array([1, 2, 3, 250]);
    await store.put("slices/1/2/0.f32", bytes);
    expect(await store.get("slices/1/2/0.f32")).toEqual(bytes);
    expect(await store.has("slices/1/2/0.f32")).toBe(true);
    expect(await readdir(path.join(root, "slices/1/2"))).toEqual(["0.f32"]);
  });

  it("overwrites, deletes, and reports a missing key as BlobNotFoundError", async () => {
    await store.put("a", new Uint8Array([1]));
    await store.put("a", new Uint8Array([2, 3]));
    expect(await store.get("a")).toEqual(new Uint8Array([2, 3]));
    await store.delete("a");
    await store.delete("a");
    expect(await store.has("a")).toBe(false);
    await expect(store.get("a")).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it("prunes the folders a deleted key leaves empty, and only those", async () => {
    await store.put("x/y/1", new Uint8Array([1]));
    await store.put("x/z/2", new Uint8Array([2]));
    await store.delete("x/y/1");
    expect(await readdir(root, { recursive: true })).toEqual(
      ["x", "x/z", "x/z/2"].map((p) => path.normalize(p)),
    );
    await store.delete("x/z/2");
    expect(await readdir(root)).toEqual([]);
  });

  it("refuses keys that would leave its root", async () => {
    for (const key of ["../escape", "a/../../b", "/abs", "a//b", "", "a b"]) {
      await expect(store.put(key, new Uint8Array([1]))).rejects.toThrow(/invalid blob key/);
    }
  });
});
