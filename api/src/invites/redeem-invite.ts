import { type Database, users } from "@crowdseg/db";
import { eq } from "drizzle-orm";
import { ApiError } from "../api-error.ts";
import { issueToken } from "../auth/issue-token.ts";
import { normalizeEmail } from "../auth/log-in.ts";
import { hashPassword } from "../auth/password-hash.ts";
import { claimInvite } from "./claim-invite.ts";

export interface Redemption {
  token: string;
  email: string;
  displayName: string;
  password: string;
}

/**
 * A newcomer's way in: creates their account (global role = the invite's study role) and the
 * membership in one transaction, then logs them in. People with an account accept instead.
 */
export async function redeemInvite(db: Database, redemption: Redemption) {
  const passwordHash = await hashPassword(redemption.password);
  const email = normalizeEmail(redemption.email);
  const joined = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email, displayName: redemption.displayName, passwordHash, role: "rater" })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email });
    if (!user) {
      throw new ApiError(
        409,
        "email_taken",
        `${email} already has an account: log in and POST the invite to /api/invites/accept`,
      );
    }
    const membership = await claimInvite(tx, redemption.token, user);
    if (membership.role !== "rater") {
      await tx.update(users).set({ role: membership.role }).where(eq(users.id, user.id));
    }
    return { user, membership };
  });
  const login = await issueToken(db, joined.user.id, "invite");
  return { ...login, userId: joined.user.id, ...joined.membership };
}
