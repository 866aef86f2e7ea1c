import { beforeAll, describe, expect, it } from "vitest";
import {
  type CardiacPhantom,
  generateCardiacPhantom,
  type PhantomVolume,
} from "./cardiac-phantom.ts";
import { cardiacLabels } from "./heart-slice.ts";

const { rv, myocardium, lvCavity } = cardiacLabels;

function count(labels: Uint8Array, label: number, from = 0, to = labels.length): number {
  let n = 0;
  for (let i = from; i < to; i++) if (labels[i] === label) n++;
  return n;
}

function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );
}

function meanIntensity(volume: PhantomVolume, label: number): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < volume.labels.length; i++) {
    if (volume.labels[i] === label) {
      sum += volume.image[i]!;
      n++;
    }
  }
  return sum / n;
}

describe("generateCardiacPhantom", () => {
  const seeds = [1, 2, 3, 4];
  let phantoms: CardiacPhantom[];
  beforeAll(() => {
    phantoms = seeds.map((seed) => generateCardiacPhantom({ seed }));
  });

  it("returns ED and ES volumes of the requested shape, slice-major like ACDC", () => {
    const p = generateCardiacPhantom({ seed: 9, width: 96, height: 80, slices: 6 });
    for (const [volume, phase] of [
      [p.ed, "ED"],
      [p.es, "ES"],
    ] as const) {
      expect(volume).toMatchObject({ width: 96, height: 80, depth: 6, phase });
      expect(volume.image).toHaveLength(96 * 80 * 6);
      expect(volume.labels).toHaveLength(96 * 80 * 6);
      expect(volume.spacing[0]).toBeCloseTo(300 / 96, 10);
      expect(volume.spacing[2]).toBeCloseTo(p.params.lvLengthMm / 6, 10);
    }
    expect(Math.max(...p.ed.labels)).toBe(3);
  });

  it("gives identical bytes for the same seed and different ones for another seed", () => {
    const again = generateCardiacPhantom({ seed: 1 });
    const first = phantoms[0]!;
    for (const phase of ["ed", "es"] as const) {
      expect(sameBytes(again[phase].image, first[phase].image)).toBe(true);
      expect(sameBytes(again[phase].labels, first[phase].labels)).toBe(true);
    }
    expect(again.params).toEqual(first.params);
    const other = phantoms[1]!;
    expect(sameBytes(other.ed.image, first.ed.image)).toBe(false);
    expect(sameBytes(other.ed.labels, first.ed.labels)).toBe(false);
    // ED and ES of one patient have independent noise, not a copy
    expect(sameBytes(first.ed.image, first.es.image)).toBe(false);
  });

  it("draws an image whose bright and dark regions are where the labels say", () => {
    for (const { ed, es } of phantoms) {
      for (const volume of [ed, es]) {
        const lv = meanIntensity(volume, lvCavity);
        const myo = meanIntensity(volume, myocardium);
        const rvBlood = meanIntensity(volume, rv);
        const background = meanIntensity(volume, cardiacLabels.background);
        expect(lv - myo).toBeGreaterThan(0.4);
        expect(rvBlood - myo).toBeGreaterThan(0.35);
        expect(lv - background).toBeGreaterThan(0.4);
        expect(rvBlood - background).toBeGreaterThan(0.35);
      }
    }
  });

  it("empties the LV by the drawn ejection fraction, within the configured range", () => {
    const range = [0.3, 0.4] as const;
    for (const seed of [11, 12, 13]) {
      const { ed, es, params } = generateCardiacPhantom({ seed, ejectionFractionRange: range });
      expect(params.ejectionFraction).toBeGreaterThanOrEqual(range[0]);
      expect(params.ejectionFraction).toBeLessThanOrEqual(range[1]);
      const measured = 1 - count(es.labels, lvCavity) / count(ed.labels, lvCavity);
      // pixelisation of small apical cavities is the only gap between drawn and measured EF
      expect(Math.abs(measured - params.ejectionFraction)).toBeLessThan(0.03);
    }
    for (const { ed, es } of phantoms) {
      expect(count(es.labels, lvCavity)).toBeLessThan(0.6 * count(ed.labels, lvCavity));
    }
  });

  it("keeps the myocardial area about constant while the wall thickens at ES", () => {
    for (const { ed, es, params } of phantoms) {
      const ratio = count(es.labels, myocardium) / count(ed.labels, myocardium);
      expect(Math.abs(ratio - params.myocardialAreaRatio)).toBeLessThan(0.05);
    }
  });

  it("wraps every cavity pixel in myocardium on every slice", () => {
    for (const { ed, es } of phantoms) {
      for (const { width, height, depth, labels } of [ed, es]) {
        let cavityPixels = 0;
        let exposed = 0;
        for (let s = 0; s < depth; s++) {
          for (let y = 0; y < height; y++) {
            for (let x = 0; x < width; x++) {
              const i = s * width * height + y * width + x;
              if (labels[i] !== lvCavity) continue;
              cavityPixels++;
              const onEdge = x === 0 || y === 0 || x === width - 1 || y === height - 1;
              const neighbours = onEdge
                ? []
                : [labels[i - 1], labels[i + 1], labels[i - width], labels[i + width]];
              if (onEdge || neighbours.some((l) => l !== lvCavity && l !== myocardium)) exposed++;
            }
          }
        }
        expect(cavityPixels).toBeGreaterThan(1000);
        expect(exposed).toBe(0);
      }
    }
  });

  it("narrows the heart toward the apex, where the RV disappears, with the RV against the septum", () => {
    for (const { ed } of phantoms) {
      const { width, height, depth, labels } = ed;
      const area = width * height;
      const lvArea = (s: number) =>
        count(labels, myocardium, s * area, (s + 1) * area) +
        count(labels, lvCavity, s * area, (s + 1) * area);
      for (let s = 1; s < depth; s++) expect(lvArea(s)).toBeLessThan(lvArea(s - 1) * 1.02);
      expect(lvArea(depth - 1)).toBeLessThan(0.6 * lvArea(0));
      expect(count(labels, rv, 0, area)).toBeGreaterThan(150);
      expect(count(labels, rv, (depth - 1) * area, depth * area)).toBe(0);
      for (let s = 0; s < depth; s++) {
        let rvTouchesMyocardium = false;
        let rvTouchesCavity = false;
        let rvPixels = 0;
        for (let i = s * area + width; i < (s + 1) * area - width; i++) {
          if (labels[i] !== rv) continue;
          rvPixels++;
          const neighbours = [labels[i - 1], labels[i + 1], labels[i - width], labels[i + width]];
          if (neighbours.includes(myocardium)) rvTouchesMyocardium = true;
          if (neighbours.includes(lvCavity)) rvTouchesCavity = true;
        }
        expect(rvTouchesMyocardium).toBe(rvPixels > 0);
        // the septum always stands between the RV and the LV blood pool
        expect(rvTouchesCavity).toBe(false);
      }
    }
  });

  it("adds Rician noise: zero-signal air has mean sigma*sqrt(pi/2) and mean square 2 sigma^2", () => {
    for (const { ed, es, params } of phantoms) {
      let sum = 0;
      let sumSquares = 0;
      let n = 0;
      for (const { width, height, depth, image } of [ed, es]) {
        for (let s = 0; s < depth; s++) {
          for (const [x0, y0] of [
            [0, 0],
            [width - 16, 0],
            [0, height - 16],
            [width - 16, height - 16],
          ] as const) {
            for (let y = y0; y < y0 + 16; y++) {
              for (let x = x0; x < x0 + 16; x++) {
                const v = image[s * width * height + y * width + x]!;
                sum += v;
                sumSquares += v * v;
                n++;
              }
            }
          }
        }
      }
      const sigma = params.noiseSigma;
      // a Gaussian |noise| would give sigma*sqrt(2/pi), 36 % lower: the test tells them apart
      expect(sum / n / (sigma * Math.sqrt(Math.PI / 2))).toBeCloseTo(1, 1);
      expect(Math.abs(sum / n / (sigma * Math.sqrt(Math.PI / 2)) - 1)).toBeLessThan(0.02);
      expect(Math.abs(sumSquares / n / (2 * sigma * sigma) - 1)).toBeLessThan(0.04);
    }
  });

  it("uses the seeded noise sigma from the configured range", () => {
    const { params } = generateCardiacPhantom({ seed: 5, noiseSigmaRange: [0.07, 0.08] });
    expect(params.noiseSigma).toBeGreaterThanOrEqual(0.07);
    expect(params.noiseSigma).toBeLessThanOrEqual(0.08);
  });

  it("lets one parameter be pinned while the seed still decides the rest", () => {
    const base = phantoms[0]!.params;
    const pinned = generateCardiacPhantom({
      seed: 1,
      overrides: { ejectionFraction: 0.2, noiseSigma: 0 },
    });
    expect(pinned.params).toEqual({ ...base, ejectionFraction: 0.2, noiseSigma: 0 });
    // without noise and with the same geometry, ED labels and image are reproduced except for noise
    expect(sameBytes(pinned.ed.labels, phantoms[0]!.ed.labels)).toBe(true);
    expect(pinned.ed.image[0]).toBe(0);
  });

  it("rejects invalid options with messages that name the option", () => {
    expect(() => generateCardiacPhantom({ seed: 0.5 })).toThrow(/seed/);
    expect(() => generateCardiacPhantom({ seed: 1, width: 8 })).toThrow(/width/);
    expect(() => generateCardiacPhantom({ seed: 1, slices: 0 })).toThrow(/slices/);
    expect(() => generateCardiacPhantom({ seed: 1, ejectionFractionRange: [0.7, 0.5] })).toThrow(
      /ejectionFractionRange/,
    );
    expect(() => generateCardiacPhantom({ seed: 1, overrides: { ejectionFraction: 1.2 } })).toThrow(
      /ejectionFraction/,
    );
    expect(() => generateCardiacPhantom({ seed: 1, overrides: { lvAspectRatio: 0 } })).toThrow(
      /lvAspectRatio/,
    );
  });
});
