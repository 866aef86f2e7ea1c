import { type Database, studyInvites } from "@crowdseg/db";
import { hashToken, newToken } from "../auth/auth-token.ts";
import { normalizeEmail } from "../auth/log-in.ts";
import type { StudyRole } from "../studies/require-study-role.ts";

export interface InviteRequest {
  role: StudyRole;
  email?: string | undefined;
  expiresInHours: number;
}

/** A single-use invite; the token is returned once and only its hash is kept. */
export async function createInvite(
  db: Database,
  studyId: number,
  createdBy: number,
  request: InviteRequest,
) {
  const token = newToken();
  const [invite] = await db
    .insert(studyInvites)
    .values({
      studyId,
      createdBy,
      role: request.role,
      email: request.email ? normalizeEmail(request.email) : null,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + request.expiresInHours * 3600 * 1000),
    })
    .returning({
      id: studyInvites.id,
      studyId: studyInvites.studyId,
      role: studyInvites.role,
      email: studyInvites.email,
      expiresAt: studyInvites.expiresAt,
    });
  return { invite: invite!, token };
}
