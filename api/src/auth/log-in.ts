import { type Database, users } from "@crowdseg/db";
import { eq } from "drizzle-orm";
import { ApiError } from "../api-error.ts";
import { type IssuedToken, issueToken } from "./issue-token.ts";
import { verifyPassword } from "./password-hash.ts";

// verified against when the email is unknown, so a wrong email costs as long as a wrong password
// and response times do not reveal which accounts exist
const DECOY_HASH =
  "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export interface LoggedIn extends IssuedToken {
  user: { id: number; email: string; displayName: string; role: string };
}

export async function logIn(db: Database, email: string, password: string): Promise<LoggedIn> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  const matches = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
  if (!user?.passwordHash || !matches) {
    throw new ApiError(401, "invalid_credentials", "email or password is wrong");
  }
  const issued = await issueToken(db, user.id, "login");
  return {
    ...issued,
    user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role },
  };
}

/** Emails are compared case-insensitively, as mail systems treat them in practice. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
