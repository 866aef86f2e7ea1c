import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../testing/backend-comparison.ts";
import { createENet } from "./enet.ts";
import { initializeWeights } from "./initialize-weights.ts";
import { oneTrainingStep } from "./testing/one-training-step.ts";

/**
 * The parameter count of createENet's layout, term by term; batch norm counts its moving mean
 * and variance too (4 per channel), as countParams does.
 */
function expectedParameters(o: {
  classes: number;
  channels: number;
  width: number;
  stage1: number;
  middle: number;
  ratio: number;
}): number {
  const bn = (c: number) => 4 * c;
  const prelu = (c: number) => c;
  const p = (c: number) => Math.floor(c / o.ratio);
  const regular = (c: number, conv: number) =>
    c * p(c) + bn(p(c)) + prelu(p(c)) + conv + bn(p(c)) + prelu(p(c)) + p(c) * c + bn(c) + prelu(c);
  const square = (c: number) => regular(c, 9 * p(c) ** 2);
  const asymmetric = (c: number) => regular(c, 10 * p(c) ** 2);
  const down = (cin: number, cout: number) =>
    4 * cin * p(cout) +
    bn(p(cout)) +
    prelu(p(cout)) +
    9 * p(cout) ** 2 +
    bn(p(cout)) +
    prelu(p(cout)) +
    p(cout) * cout +
    bn(cout) +
    prelu(cout);
  const up = (cin: number, cout: number) =>
    cin * cout +
    bn(cout) +
    cin * p(cin) +
    bn(p(cin)) +
    prelu(p(cin)) +
    9 * p(cin) ** 2 +
    bn(p(cin)) +
    prelu(p(cin)) +
    p(cin) * cout +
    bn(cout) +
    prelu(cout);
  const w = o.width;
  return (
    9 * o.channels * (w - o.channels) +
    bn(w) +
    prelu(w) +
    down(w, 4 * w) +
    o.stage1 * square(4 * w) +
    down(4 * w, 8 * w) +
    o.middle * (6 * square(8 * w) + 2 * asymmetric(8 * w)) +
    up(8 * w, 4 * w) +
    2 * square(4 * w) +
    up(4 * w, w) +
    square(w) +
    4 * w * o.classes +
    o.classes
  );
}

describe("createENet", () => {
  beforeAll(() => useBackend("wasm"));

  it("has the paper's size at the paper's widths, and the formula's count at others", () => {
    const paper = createENet({ classes: 4 });
    const count = paper.countParams();
    expect(count).toBe(
      expectedParameters({ classes: 4, channels: 1, width: 16, stage1: 4, middle: 2, ratio: 4 }),
    );
    // Paszke et al. report 0.37 M parameters (3 input channels, their class count).
    expect(count).toBeGreaterThan(340_000);
    expect(count).toBeLessThan(400_000);
    paper.dispose();
    const small = createENet({
      classes: 3,
      width: 8,
      stage1Bottlenecks: 1,
      middleStages: 1,
      projectionRatio: 2,
    });
    expect(small.countParams()).toBe(
      expectedParameters({ classes: 3, channels: 1, width: 8, stage1: 1, middle: 1, ratio: 2 }),
    );
    small.dispose();
  });

  it("outputs logits at the input's size and trains every weight, batch-norm statistics too", () => {
    const before = tf.memory().numTensors;
    const model = createENet({
      classes: 4,
      width: 4,
      stage1Bottlenecks: 1,
      middleStages: 1,
      outputActivation: "linear",
    });
    initializeWeights(model, 2);
    const shape = tf.tidy(() => (model.predict(tf.zeros([2, 16, 24, 1])) as tf.Tensor).shape);
    expect(shape).toEqual([2, 16, 24, 4]);
    const step = oneTrainingStep(model, 16, 4);
    expect(Number.isFinite(step.loss)).toBe(true);
    // PReLU slopes, dilated and asymmetric kernels, the unpooling branches: all on the gradient's path.
    expect(step.changed).toBe(step.trainable);
    expect(step.statisticsChanged).toBe(model.nonTrainableWeights.length);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("is the identity through dropout at inference and refuses sizes three poolings cannot halve", () => {
    const model = createENet({ classes: 2, width: 4, stage1Bottlenecks: 0, middleStages: 0 });
    initializeWeights(model, 3);
    const [a, b] = tf.tidy(() => {
      const x = tf.randomNormal([1, 16, 16, 1], 0, 1, "float32", 4);
      return [model.predict(x) as tf.Tensor, model.predict(x) as tf.Tensor].map((t) =>
        t.dataSync(),
      );
    });
    expect([...a!]).toEqual([...b!]);
    model.dispose();
    expect(() => createENet({ classes: 4, size: [20, 24] })).toThrow(/multiples of 8/);
    expect(() => createENet({ classes: 4, width: 1 })).toThrow(/width must be an integer >= 2/);
  });
});
