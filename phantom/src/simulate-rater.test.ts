import { beforeAll, describe, expect, it } from "vitest";
import { generateCardiacPhantom, type PhantomVolume } from "./cardiac-phantom.ts";
import { cardiacLabels } from "./heart-slice.ts";
import { independentPaintLayers } from "./paint-layers.ts";
import { type RaterProfile, raterProfiles } from "./rater-profiles.ts";
import { SeededRandom } from "./seeded-random.ts";
import { simulateRaterLabel, simulateRaterVolume } from "./simulate-rater.ts";

const structures = [cardiacLabels.rv, cardiacLabels.myocardium, cardiacLabels.lvCavity];

function count(labels: Uint8Array, label: number): number {
  let n = 0;
  for (const l of labels) if (l === label) n++;
  return n;
}

function dice(a: Uint8Array, b: Uint8Array, label: number): number {
  let inA = 0;
  let inB = 0;
  let both = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] === label;
    const y = b[i] === label;
    if (x) inA++;
    if (y) inB++;
    if (x && y) both++;
  }
  return inA + inB === 0 ? 1 : (2 * both) / (inA + inB);
}

/** A disc of `cavityRadius` (label 3) in a ring out to `epiRadius` (label 2) on a square slice. */
function ringSlice(size: number, cavityRadius: number, epiRadius: number): Uint8Array {
  const out = new Uint8Array(size * size);
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - c, y + 0.5 - c);
      out[y * size + x] = d < cavityRadius ? 3 : d < epiRadius ? 2 : 0;
    }
  }
  return out;
}

const exact: RaterProfile = { ...raterProfiles.expert, kind: "exact", boundaryNoisePx: 0 };

describe("simulateRaterVolume on the phantom", () => {
  let truth: PhantomVolume;
  const byKind = new Map<string, Uint8Array>();
  beforeAll(() => {
    truth = generateCardiacPhantom({ seed: 4 }).ed;
    for (const [kind, profile] of Object.entries(raterProfiles)) {
      byKind.set(kind, simulateRaterVolume(truth, profile, new SeededRandom(100)));
    }
  });

  it("reproduces the truth exactly with no error at all", () => {
    const out = simulateRaterVolume(truth, exact, new SeededRandom(1));
    expect(Buffer.from(out).equals(Buffer.from(truth.labels))).toBe(true);
  });

  it("makes the expert agree with the truth at Dice > 0.95 for every structure", () => {
    for (const label of structures)
      expect(dice(byKind.get("expert")!, truth.labels, label)).toBeGreaterThan(0.95);
  });

  it("ranks boundary error: expert above careful above sloppy", () => {
    for (const label of structures) {
      const expert = dice(byKind.get("expert")!, truth.labels, label);
      const careful = dice(byKind.get("careful")!, truth.labels, label);
      const sloppy = dice(byKind.get("sloppy")!, truth.labels, label);
      expect(expert).toBeGreaterThan(careful);
      expect(careful).toBeGreaterThan(sloppy + 0.03);
    }
  });

  it("makes the over-segmenter larger and the under-segmenter smaller than the truth, per structure", () => {
    for (const label of structures) {
      const area = count(truth.labels, label);
      expect(count(byKind.get("over")!, label)).toBeGreaterThan(area * 1.05);
      expect(count(byKind.get("under")!, label)).toBeLessThan(area * 0.95);
    }
  });

  it("gives the spammer chance-level agreement", () => {
    for (const label of structures)
      expect(dice(byKind.get("spammer")!, truth.labels, label)).toBeLessThan(0.3);
  });

  it("is reproducible for a given generator state", () => {
    const again = simulateRaterVolume(truth, raterProfiles.sloppy, new SeededRandom(100));
    expect(Buffer.from(again).equals(Buffer.from(byKind.get("sloppy")!))).toBe(true);
    const other = simulateRaterVolume(truth, raterProfiles.sloppy, new SeededRandom(101));
    expect(Buffer.from(other).equals(Buffer.from(byKind.get("sloppy")!))).toBe(false);
  });

  it("labels slice by slice, as simulateRaterLabel does with the same generator", () => {
    const rng = new SeededRandom(100);
    const area = truth.width * truth.height;
    for (let s = 0; s < truth.depth; s++) {
      const slice = simulateRaterLabel(
        truth.labels.subarray(s * area, (s + 1) * area),
        truth.width,
        truth.height,
        raterProfiles.careful,
        rng,
      );
      const fromVolume = byKind.get("careful")!.subarray(s * area, (s + 1) * area);
      expect(Buffer.from(slice).equals(Buffer.from(fromVolume))).toBe(true);
    }
  });
});

describe("simulateRaterLabel", () => {
  const size = 64;
  const ring = ringSlice(size, 12, 20);

  it("moves a boundary outward by dilatePx and inward by erodePx", () => {
    const rng = new SeededRandom(1);
    const grown = simulateRaterLabel(ring, size, size, { ...exact, dilatePx: 2 }, rng);
    const shrunk = simulateRaterLabel(ring, size, size, { ...exact, erodePx: 2 }, rng);
    const filled = (labels: Uint8Array) => count(labels, 2) + count(labels, 3);
    // areas of discs of radius 22 and 18 (pixelisation adds a few percent at most)
    expect(filled(grown) / (Math.PI * 22 ** 2)).toBeCloseTo(1, 1);
    expect(count(grown, 3) / (Math.PI * 14 ** 2)).toBeCloseTo(1, 1);
    expect(filled(shrunk) / (Math.PI * 18 ** 2)).toBeCloseTo(1, 1);
    expect(count(shrunk, 3) / (Math.PI * 10 ** 2)).toBeCloseTo(1, 1);
  });

  it("keeps the cavity inside the myocardium when boundaries are moved and jittered", () => {
    const rng = new SeededRandom(2);
    for (const profile of [raterProfiles.expert, raterProfiles.over, raterProfiles.under]) {
      for (let trial = 0; trial < 20; trial++) {
        const out = simulateRaterLabel(ring, size, size, profile, rng);
        let exposed = 0;
        for (let i = size; i < size * size - size; i++) {
          if (out[i] !== 3) continue;
          const neighbours = [out[i - 1], out[i + 1], out[i - size], out[i + size]];
          if (neighbours.some((l) => l !== 2 && l !== 3)) exposed++;
        }
        expect(exposed).toBe(0);
      }
    }
  });

  it("leaves slices empty at the skipper's rate", () => {
    const rng = new SeededRandom(3);
    const trials = 600;
    let empty = 0;
    for (let t = 0; t < trials; t++) {
      if (
        count(simulateRaterLabel(ring, size, size, raterProfiles.skipper, rng), 0) ===
        size * size
      )
        empty++;
    }
    const { skipSliceProbability: slice, skipStructureProbability: structure } =
      raterProfiles.skipper;
    // a slice is also empty when both of its structures happen to be skipped
    const expected = slice + (1 - slice) * structure ** 2;
    const standardError = Math.sqrt((expected * (1 - expected)) / trials);
    expect(Math.abs(empty / trials - expected)).toBeLessThan(4 * standardError);
  });

  it("leaves a hole, not a solid disc, when only the cavity is skipped", () => {
    const rng = new SeededRandom(4);
    const profile = { ...exact, skipStructureProbability: 0.5 };
    let seen = 0;
    for (let t = 0; t < 40; t++) {
      const out = simulateRaterLabel(ring, size, size, profile, rng);
      if (count(out, 3) === 0 && count(out, 2) > 0) {
        seen++;
        expect(count(out, 2)).toBe(count(ring, 2));
      }
    }
    expect(seen).toBeGreaterThan(3);
  });

  it("works on a binary mask with independent layers", () => {
    const binary = ring.map((l) => (l > 0 ? 1 : 0));
    const rng = new SeededRandom(5);
    const over = simulateRaterLabel(binary, size, size, raterProfiles.over, rng, { numClasses: 2 });
    const under = simulateRaterLabel(binary, size, size, raterProfiles.under, rng, {
      numClasses: 2,
    });
    const expert = simulateRaterLabel(binary, size, size, raterProfiles.expert, rng, {
      numClasses: 2,
    });
    expect(Math.max(...over)).toBe(1);
    expect(count(over, 1)).toBeGreaterThan(count(binary, 1));
    expect(count(under, 1)).toBeLessThan(count(binary, 1));
    expect(dice(expert, binary, 1)).toBeGreaterThan(0.97);
  });

  it("treats four classes as unrelated when told to", () => {
    // class 3 is a separate blob here; with cardiac nesting, eroding would leave a 2-ring around it
    const truth = new Uint8Array(size * size);
    for (let y = 10; y < 30; y++) for (let x = 10; x < 30; x++) truth[y * size + x] = 3;
    for (let y = 35; y < 55; y++) for (let x = 35; x < 55; x++) truth[y * size + x] = 2;
    const out = simulateRaterLabel(
      truth,
      size,
      size,
      { ...exact, erodePx: 2 },
      new SeededRandom(6),
      {
        layers: independentPaintLayers(4),
      },
    );
    for (let y = 0; y < 35; y++) for (let x = 0; x < 35; x++) expect(out[y * size + x]).not.toBe(2);
    expect(count(out, 3)).toBe(16 * 16);
  });

  it("rejects bad truth, profiles and layers with clear errors", () => {
    const rng = new SeededRandom(7);
    expect(() => simulateRaterLabel(new Uint8Array(10), 3, 3, exact, rng)).toThrow(/expected 9/);
    expect(() => simulateRaterLabel(new Uint8Array(9).fill(4), 3, 3, exact, rng)).toThrow(
      /class 4/,
    );
    expect(() =>
      simulateRaterLabel(new Uint8Array(9), 3, 3, { ...exact, dilatePx: -1 }, rng),
    ).toThrow(/dilatePx/);
    expect(() =>
      simulateRaterLabel(new Uint8Array(9), 3, 3, { ...exact, skipSliceProbability: 2 }, rng),
    ).toThrow(/skipSliceProbability/);
    expect(() =>
      simulateRaterLabel(new Uint8Array(9), 3, 3, exact, rng, {
        numClasses: 2,
        layers: [{ label: 2, fill: [2] }],
      }),
    ).toThrow(/paint layers/);
  });
});
