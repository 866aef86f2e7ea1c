import { type Database, studyInvites, studyMembers } from "@crowdseg/db";
import { and, eq, gt, isNull } from "drizzle-orm";
import { ApiError } from "../api-error.ts";
import { hashToken } from "../auth/auth-token.ts";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Uses up an invite for `user` inside the caller's transaction and adds the membership it grants.
 * The conditional update is what makes an invite single-use under concurrent redemptions.
 */
export async function claimInvite(
  tx: Transaction,
  token: string,
  user: { id: number; email: string },
) {
  const tokenHash = hashToken(token);
  const [invite] = await tx
    .select()
    .from(studyInvites)
    .where(eq(studyInvites.tokenHash, tokenHash));
  if (invite?.email && invite.email !== user.email) {
    throw new ApiError(
      403,
      "invite_for_someone_else",
      "this invite was issued for another email address",
    );
  }
  const [claimed] = await tx
    .update(studyInvites)
    .set({ redeemedBy: user.id, redeemedAt: new Date() })
    .where(
      and(
        eq(studyInvites.tokenHash, tokenHash),
        isNull(studyInvites.redeemedAt),
        gt(studyInvites.expiresAt, new Date()),
      ),
    )
    .returning();
  if (!claimed) {
    throw new ApiError(410, "invite_unusable", "the invite is unknown, already used or expired");
  }
  await tx
    .insert(studyMembers)
    .values({ studyId: claimed.studyId, userId: user.id, role: claimed.role })
    .onConflictDoNothing();
  return { studyId: claimed.studyId, role: claimed.role };
}
