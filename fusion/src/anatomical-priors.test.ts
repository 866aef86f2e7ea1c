import { describe, expect, it } from "vitest";
import { applyAnatomicalPriors } from "./anatomical-priors.ts";
import { argmaxLabels } from "./argmax-labels.ts";
import { dice } from "./dice.ts";
import { priorBoundaryUncertainty } from "./prior-boundary-uncertainty.ts";
import { priorMyocardiumEnclosesLv } from "./prior-myocardium-encloses-lv.ts";
import { priorRvAdjacentSeptum } from "./prior-rv-adjacent-septum.ts";
import { priorSingleComponent } from "./prior-single-component.ts";
import { priorSliceConsistency } from "./prior-slice-consistency.ts";
import { cardiacSlice, softFromLabels } from "./test-helpers/cardiac-slice.ts";

const W = 64;
const H = 64;
const shape = { width: W, height: H };
const C = 4;
const hardOf = (p: Float32Array) => argmaxLabels(p, { numClasses: C });

/** LV voxels with a face neighbour that is background or RV: a hole in the myocardial ring. */
function lvLeaks(labels: Uint8Array): number {
  let leaks = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 3) continue;
    for (const j of [i - 1, i + 1, i - W, i + W]) {
      if (labels[j] === 0 || labels[j] === 1) leaks++;
    }
  }
  return leaks;
}

describe("priorMyocardiumEnclosesLv", () => {
  it("closes a planted gap in the myocardial ring", () => {
    const labels = cardiacSlice(W, H);
    // Planted error: the raters missed the lateral wall on the right (myocardium → background).
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] === 2 && i % W > W / 2 + 6 + 8) labels[i] = 0;
    }
    expect(lvLeaks(labels)).toBeGreaterThan(0);
    const fixed = hardOf(
      priorMyocardiumEnclosesLv(softFromLabels(labels, C, 0.2), shape, { numClasses: C }),
    );
    expect(lvLeaks(fixed)).toBe(0);
    // It closed the ring without eating the cavity.
    expect(dice(fixed, labels, { label: 3 })).toBe(1);
  });

  it("leaves a closed ring untouched", () => {
    const p = softFromLabels(cardiacSlice(W, H), C, 0.2);
    expect(priorMyocardiumEnclosesLv(p, shape, { numClasses: C })).toEqual(p);
  });
});

describe("priorSingleComponent", () => {
  it("removes a planted stray LV island and fills a planted hole", () => {
    const truth = cardiacSlice(W, H);
    const labels = Uint8Array.from(truth);
    for (let y = 2; y < 5; y++) for (let x = 2; x < 5; x++) labels[y * W + x] = 3; // island
    labels[32 * W + 38] = 0; // a hole inside the LV cavity
    const p = softFromLabels(labels, C);
    const fixed = hardOf(priorSingleComponent(p, shape, { numClasses: C, classes: [0, 1, 2, 3] }));
    expect(Array.from(fixed)).toEqual(Array.from(truth));
  });

  it("leaves a single-component label untouched", () => {
    const p = softFromLabels(cardiacSlice(W, H), C, 0.3);
    expect(priorSingleComponent(p, shape, { numClasses: C, classes: [0, 1, 2, 3] })).toEqual(p);
  });
});

describe("priorRvAdjacentSeptum", () => {
  it("removes an RV region drawn far from the septum", () => {
    const truth = cardiacSlice(W, H);
    const labels = Uint8Array.from(truth, (v) => (v === 1 ? 0 : v));
    // Planted error: the only RV is a blob in the far right corner, nowhere near the septum.
    for (let y = 50; y < 60; y++) for (let x = 54; x < 62; x++) labels[y * W + x] = 1;
    const fixed = hardOf(
      priorRvAdjacentSeptum(softFromLabels(labels, C, 0.2), shape, { numClasses: C }),
    );
    expect(fixed.includes(1)).toBe(false);
    expect(dice(fixed, labels, { label: 2 })).toBe(1);
  });

  it("keeps an RV against the septum", () => {
    const p = softFromLabels(cardiacSlice(W, H), C, 0.2);
    expect(priorRvAdjacentSeptum(p, shape, { numClasses: C })).toEqual(p);
  });
});

describe("priorBoundaryUncertainty", () => {
  it("removes planted disagreement deep inside a structure", () => {
    const labels = cardiacSlice(W, H);
    const p = softFromLabels(labels, C);
    const n = W * H;
    const centre = 32 * W + 38; // middle of the LV cavity, ~10 px from any edge
    p[3 * n + centre] = 0.6;
    p[0 * n + centre] = 0.4;
    const out = priorBoundaryUncertainty(p, shape, { numClasses: C });
    expect(out[3 * n + centre]).toBeGreaterThan(0.995);
    expect(out[0 * n + centre]).toBeLessThan(0.005);
  });

  it("leaves uncertainty that sits on the edges alone", () => {
    const labels = cardiacSlice(W, H);
    const n = W * H;
    const p = softFromLabels(labels, C);
    // Soften only voxels on the consensus edge: the kind of disagreement raters really have.
    for (let i = W; i < n - W; i++) {
      if ([i - 1, i + 1, i - W, i + W].some((j) => labels[j] !== labels[i])) {
        p[labels[i]! * n + i] = 0.7;
        p[(labels[i] === 0 ? 1 : 0) * n + i] = 0.3;
      }
    }
    expect(priorBoundaryUncertainty(p, shape, { numClasses: C })).toEqual(p);
  });
});

describe("priorSliceConsistency", () => {
  const depth = 5;
  // The cavity shrinks towards the apex while the wall thickens, the epicardium staying put:
  // every voxel's class sequence through the stack is then monotone.
  const stack = (radii: number[]) => {
    const out = new Uint8Array(W * H * depth);
    radii.forEach((r, z) => {
      out.set(cardiacSlice(W, H, r, 17 - r), z * W * H);
    });
    return out;
  };
  const shape3 = { width: W, height: H, depth };

  it("restores a structure missing from one slice", () => {
    const truth = stack([12, 11, 10, 9, 8]);
    const labels = Uint8Array.from(truth);
    const plane = W * H;
    // Planted error: on slice 2 the raters labeled the LV cavity as myocardium.
    for (let j = 0; j < plane; j++) if (labels[2 * plane + j] === 3) labels[2 * plane + j] = 2;
    const fixed = hardOf(
      priorSliceConsistency(softFromLabels(labels, C), shape3, { numClasses: C }),
    );
    const slice2 = fixed.subarray(2 * plane, 3 * plane);
    // The median restores the cavity of the smaller neighbour (radius 9 for a true 10).
    expect(dice(slice2, truth.subarray(3 * plane, 4 * plane), { label: 3 })).toBe(1);
    expect(dice(slice2, truth.subarray(2 * plane, 3 * plane), { label: 3 })).toBeGreaterThan(0.85);
  });

  it("keeps a stack that changes monotonically from base to apex", () => {
    const p = softFromLabels(stack([12, 11, 10, 9, 8]), C, 0.2);
    expect(priorSliceConsistency(p, shape3, { numClasses: C })).toEqual(p);
  });
});

describe("applyAnatomicalPriors", () => {
  it("runs only the switched-on steps, in order, and reports them", () => {
    const labels = cardiacSlice(W, H);
    for (let y = 2; y < 5; y++) for (let x = 2; x < 5; x++) labels[y * W + x] = 3;
    const p = softFromLabels(labels, C, 0.2);
    const off = applyAnatomicalPriors(p, shape, { numClasses: C, enabled: {} });
    expect(off.applied).toEqual([]);
    expect(off.probabilities).toEqual(p);
    const on = applyAnatomicalPriors(p, shape, {
      numClasses: C,
      enabled: { boundaryUncertainty: true, singleComponent: true, myocardiumEnclosesLv: false },
    });
    expect(on.applied).toEqual(["singleComponent", "boundaryUncertainty"]);
    expect(on.labels[3 * W + 3]).toBe(0);
  });
});
