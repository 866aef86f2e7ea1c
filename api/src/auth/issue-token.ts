import { authTokens, type Database } from "@crowdseg/db";
import { hashToken, newToken } from "./auth-token.ts";

export const TOKEN_LIFETIME_MS = 30 * 24 * 3600 * 1000;

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** Creates a login token for a user; the plain token is returned once and never stored. */
export async function issueToken(
  db: Database,
  userId: number,
  label: string | null = null,
): Promise<IssuedToken> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_MS);
  await db.insert(authTokens).values({ userId, tokenHash: hashToken(token), label, expiresAt });
  return { token, expiresAt };
}
