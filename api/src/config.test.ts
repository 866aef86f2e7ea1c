import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("defaults to the embedded database on port 3000 with demo data", () => {
    expect(loadConfig({})).toEqual({
      PORT: 3000,
      HOST: "127.0.0.1",
      DATA_DIR: "./data",
      DEMO_DATA: true,
      DEMO_PASSWORD: "demo",
      DATABASE_URL: undefined,
      REDIS_URL: undefined,
    });
  });

  it("reads an empty variable as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", REDIS_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names every bad variable at once", () => {
    expect(() =>
      loadConfig({ PORT: "http", DATABASE_URL: "not a url", DEMO_DATA: "maybe" }),
    ).toThrow(/PORT: .*; DATABASE_URL: .*; DEMO_DATA: /);
  });
});
