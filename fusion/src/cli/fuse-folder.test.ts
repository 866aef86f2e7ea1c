import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encodePng8, readNifti, readNiftiLabels } from "@crowdseg/imaging";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../../..");

/** A 20×20 disc of radius r at (10, 10), as 0/1 labels. */
function disc(radius: number): Uint8Array {
  const labels = new Uint8Array(400);
  for (let y = 0; y < 20; y++)
    for (let x = 0; x < 20; x++)
      labels[y * 20 + x] = (x - 10) ** 2 + (y - 10) ** 2 <= radius ** 2 ? 1 : 0;
  return labels;
}

describe("pnpm fuse (fuse a folder of masks without a database)", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "crowdseg-fuse-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("fuses PNG masks, prints metrics against the reference, and writes NIfTI outputs", () => {
    // two good raters, one that marks nothing: majority vote recovers the disc
    writeFileSync(path.join(folder, "a.png"), encodePng8(disc(5), 20, 20));
    writeFileSync(path.join(folder, "b.png"), encodePng8(disc(5), 20, 20));
    writeFileSync(path.join(folder, "c.png"), encodePng8(new Uint8Array(400), 20, 20));
    const reference = path.join(tmpdir(), `crowdseg-fuse-ref-${process.pid}.png`);
    writeFileSync(reference, encodePng8(disc(5), 20, 20));
    const out = path.join(folder, "fused");
    const result = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "fusion/src/cli/fuse-folder.ts",
        folder,
        "--method",
        "mv",
        "--reference",
        reference,
        "--out",
        out,
      ],
      { cwd: repoRoot, encoding: "utf8" },
    );
    rmSync(reference);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/3 raters, 20×20×1, 2 classes, method mv/);
    expect(result.stdout).toMatch(/class 1 vs reference: fused Dice 1\.0000/);
    const labels = readNiftiLabels(readFileSync(`${out}_labels.nii.gz`));
    expect(Array.from(labels.data)).toEqual(Array.from(disc(5)));
    const p1 = readNifti(readFileSync(`${out}_p1.nii.gz`));
    // inside the disc two of three raters said 1
    expect(p1.data[10 * 20 + 10]).toBeCloseTo(Math.round((2 / 3) * 255) / 255, 5);
  });

  it("fails with a clear message on a folder without masks", () => {
    const empty = mkdtempSync(path.join(tmpdir(), "crowdseg-fuse-empty-"));
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "fusion/src/cli/fuse-folder.ts", empty],
      {
        cwd: repoRoot,
        encoding: "utf8",
      },
    );
    rmSync(empty, { recursive: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no \.png\/\.nii\/\.nii\.gz masks in/);
  });
});
