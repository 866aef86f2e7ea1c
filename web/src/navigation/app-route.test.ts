import { describe, expect, it } from "vitest";
import { parseRoute, routePath } from "./app-route.ts";

describe("app routes", () => {
  it("parses each page's paths and writes them back", () => {
    for (const path of ["/", "/login", "/label", "/label/3", "/studies/12", "/runs", "/runs/1"]) {
      expect(routePath(parseRoute(path))).toBe(path);
    }
    expect(parseRoute("/studies/12")).toEqual({ page: "studies", studyId: 12 });
    expect(parseRoute("/label/")).toEqual({ page: "label", studyId: null });
  });

  it("sends anything else to not-found", () => {
    for (const path of ["/label/0", "/label/x", "/studies/1/2", "/admin", "/login/x"]) {
      expect(parseRoute(path)).toEqual({ page: "not-found", path });
    }
  });
});
