import { FUSION_METHODS, PRIOR_STEPS } from "@crowdseg/fusion";
import { describe, expect, it } from "vitest";
import { architectures, losses } from "../../../api/src/routes/start-training-run.ts";
import {
  ARCHITECTURE_OPTIONS,
  FUSION_METHOD_OPTIONS,
  LOSS_OPTIONS,
  optionLabel,
  PRIOR_OPTIONS,
} from "./run-options.ts";

describe("run options", () => {
  it("offer exactly what the fusion package and the training route accept", () => {
    expect(FUSION_METHOD_OPTIONS.map((o) => o.value)).toEqual([...FUSION_METHODS]);
    expect(PRIOR_OPTIONS.map((o) => o.value)).toEqual([...PRIOR_STEPS]);
    expect(ARCHITECTURE_OPTIONS.map((o) => o.value)).toEqual([...architectures]);
    expect(LOSS_OPTIONS.map((o) => o.value)).toEqual([...losses]);
  });

  it("names a value, and passes an unknown one through", () => {
    expect(optionLabel(LOSS_OPTIONS, "nce+rce")).toBe("NCE + RCE");
    expect(optionLabel(LOSS_OPTIONS, "focal")).toBe("focal");
  });
});
