import { describe, expect, it } from "vitest";
import type { Me, StudyRole, UserRole } from "../api/api-types.ts";
import { navLinks } from "./nav-links.ts";

function me(role: UserRole, studyRoles: StudyRole[] = []): Me {
  return {
    user: { id: 1, email: "a@b.c", displayName: "A", role },
    memberships: studyRoles.map((r, i) => ({
      studyId: i + 1,
      studyName: "S",
      role: r,
      blocked: false,
    })),
  };
}

describe("navLinks", () => {
  it("gives each role its own page", () => {
    expect(navLinks(me("rater")).map((l) => l.page)).toEqual(["label"]);
    expect(navLinks(me("coordinator")).map((l) => l.page)).toEqual(["studies"]);
    expect(navLinks(me("researcher")).map((l) => l.page)).toEqual(["runs"]);
    expect(navLinks(me("admin")).map((l) => l.page)).toEqual(["label", "studies", "runs"]);
  });

  it("adds the pages of roles held in studies", () => {
    expect(navLinks(me("researcher", ["rater"])).map((l) => l.page)).toEqual(["label", "runs"]);
  });
});
