import { describe, expect, it } from "vitest";
import { ImagingError } from "./imaging-error.ts";
import { readNiftiLabels } from "./read-nifti-labels.ts";
import { buildNifti } from "./test-support/build-nifti.ts";

const dim = [3, 3, 2, 2]; // 12 voxels: x in 0..2, y in 0..1, z in 0..1

function labelError(values: number[], datatype: number, sclSlope?: number): ImagingError {
  try {
    readNiftiLabels(buildNifti({ dim, datatype, values, sclSlope }));
  } catch (error) {
    if (error instanceof ImagingError) return error;
    throw error;
  }
  throw new Error("expected readNiftiLabels to throw");
}

describe("readNiftiLabels", () => {
  it("accepts whole numbers 0..255 stored in any integer or float type", () => {
    const values = [0, 1, 2, 3, 255, 0, 1, 2, 3, 4, 5, 6];
    for (const datatype of [2, 4, 512, 8, 16, 64]) {
      const labels = readNiftiLabels(buildNifti({ dim, datatype, values }));
      expect(labels.data).toBeInstanceOf(Uint8Array);
      expect(Array.from(labels.data)).toEqual(values);
      expect([labels.width, labels.height, labels.depth]).toEqual([3, 2, 2]);
    }
  });

  it("refuses fractional values and names the first voxel", () => {
    const values = [0, 1, 2, 0, 1, 2, 0, 0.5, 1, 2, 0.25, 1];
    const error = labelError(values, 16);
    expect(error.code).toBe("labels_invalid");
    // Index 7 is x 1, y 0, z 1 in a 3×2×2 volume.
    expect(error.message).toMatch(/2 voxel\(s\).*first at \(x 1, y 0, z 1\) with value 0\.5/);
  });

  it("refuses negative and too-large values", () => {
    const negative = labelError([0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0], 4);
    expect(negative.code).toBe("labels_invalid");
    expect(negative.message).toMatch(/\(x 2, y 0, z 0\) with value -1/);
    const large = labelError([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 300], 4);
    expect(large.message).toMatch(/\(x 2, y 1, z 1\) with value 300/);
  });

  it("judges values after scl_slope, as a viewer would show them", () => {
    const error = labelError([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3], 2, 0.5);
    expect(error.code).toBe("labels_invalid");
    expect(error.message).toMatch(/6 voxel\(s\).*value 0\.5/);
  });
});
