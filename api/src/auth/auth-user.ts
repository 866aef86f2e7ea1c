import type { users } from "@crowdseg/db";

/** Who is calling, as the auth middleware resolved it from the bearer token. */
export interface AuthUser {
  id: number;
  email: string;
  displayName: string;
  role: (typeof users.$inferSelect)["role"];
  /** SHA-256 of the token used, so logout revokes exactly that token */
  tokenHash: string;
}
