import type { Me } from "../api/api-types.ts";

export interface NavLink {
  page: "label" | "studies" | "runs";
  label: string;
}

const LINKS: Record<NavLink["page"], NavLink> = {
  label: { page: "label", label: "Label" },
  studies: { page: "studies", label: "Studies" },
  runs: { page: "runs", label: "Runs" },
};

/**
 * The pages a user may open: from the account's role and from the roles it holds in studies
 * (a researcher invited to rate a study gets the labeling page too). Admins see everything.
 */
export function navLinks(me: Me): NavLink[] {
  const roles = new Set<string>([me.user.role, ...me.memberships.map((m) => m.role)]);
  const all = roles.has("admin");
  const links: NavLink[] = [];
  if (all || roles.has("rater")) links.push(LINKS.label);
  if (all || roles.has("coordinator")) links.push(LINKS.studies);
  if (all || roles.has("researcher")) links.push(LINKS.runs);
  return links;
}
