import { describe, expect, it } from "vitest";
import { RandomStream } from "../training/random-stream.ts";
import { augmentSample, type Sample } from "./augment.ts";

const SIZE = 16;
const CLASSES = 2;

/** A bright square in the upper left quadrant, labelled class 1. */
function squareSample(): Sample {
  const image = new Float32Array(SIZE * SIZE);
  const target = new Float32Array(SIZE * SIZE * CLASSES);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const inside = x >= 2 && x < 7 && y >= 3 && y < 8;
      image[y * SIZE + x] = inside ? 1 : 0;
      target[(y * SIZE + x) * CLASSES + (inside ? 1 : 0)] = 1;
    }
  }
  return { image, target };
}

function centroid(target: Float32Array): [number, number] {
  let mass = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < SIZE * SIZE; i++) {
    const p = target[i * CLASSES + 1]!;
    mass += p;
    cx += p * (i % SIZE);
    cy += p * Math.floor(i / SIZE);
  }
  return [cx / mass, cy / mass];
}

describe("augmentSample", () => {
  it("is the identity with every augmentation off, and still draws five numbers", () => {
    const random = new RandomStream(3);
    const sample = squareSample();
    const out = augmentSample(sample, SIZE, CLASSES, random, {
      flips: false,
      maxRotationDegrees: 0,
      intensityScale: 0,
      intensityShift: 0,
    });
    expect([...out.image]).toEqual([...sample.image]);
    expect([...out.target]).toEqual([...sample.target]);
    const reference = new RandomStream(3);
    for (let i = 0; i < 5; i++) reference.next();
    expect(random.state).toBe(reference.state);
  });

  it("moves image and target together and keeps every target pixel a distribution", () => {
    let moved = 0;
    for (let seed = 0; seed < 12; seed++) {
      const out = augmentSample(squareSample(), SIZE, CLASSES, new RandomStream(seed), {
        intensityScale: 0,
        intensityShift: 0,
      });
      for (let i = 0; i < SIZE * SIZE; i++) {
        const p0 = out.target[i * CLASSES]!;
        const p1 = out.target[i * CLASSES + 1]!;
        expect(p0 + p1).toBeCloseTo(1, 5);
        expect(p1).toBeGreaterThanOrEqual(-1e-6);
        // The image is the class-1 probability here, so geometry must match exactly.
        expect(out.image[i]).toBeCloseTo(p1, 5);
      }
      const [cx, cy] = centroid(out.target);
      if (Math.abs(cx - 4) > 2 || Math.abs(cy - 5) > 2) moved++;
    }
    // Flips move the square to another quadrant about three times in four.
    expect(moved).toBeGreaterThan(5);
  });

  it("replays exactly from the same seed and differs for another", () => {
    const a = augmentSample(squareSample(), SIZE, CLASSES, new RandomStream(7));
    const b = augmentSample(squareSample(), SIZE, CLASSES, new RandomStream(7));
    const c = augmentSample(squareSample(), SIZE, CLASSES, new RandomStream(8));
    expect([...a.image]).toEqual([...b.image]);
    expect([...a.target]).toEqual([...b.target]);
    expect([...a.image]).not.toEqual([...c.image]);
  });

  it("refuses a sample of the wrong size and negative ranges", () => {
    const random = new RandomStream(1);
    expect(() => augmentSample(squareSample(), SIZE + 1, CLASSES, random)).toThrow(
      /needs 289 image/,
    );
    expect(() =>
      augmentSample(squareSample(), SIZE, CLASSES, random, { maxRotationDegrees: -5 }),
    ).toThrow(/maxRotationDegrees must be >= 0/);
  });
});
