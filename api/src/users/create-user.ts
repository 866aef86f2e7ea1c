import { type Database, users } from "@crowdseg/db";
import { ApiError } from "../api-error.ts";
import { normalizeEmail } from "../auth/log-in.ts";
import { hashPassword } from "../auth/password-hash.ts";

export interface NewUser {
  email: string;
  displayName: string;
  role: (typeof users.$inferSelect)["role"];
  password: string;
}

export async function createUser(db: Database, input: NewUser) {
  const passwordHash = await hashPassword(input.password);
  const [user] = await db
    .insert(users)
    .values({
      email: normalizeEmail(input.email),
      displayName: input.displayName,
      role: input.role,
      passwordHash,
    })
    .onConflictDoNothing({ target: users.email })
    .returning({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      createdAt: users.createdAt,
    });
  if (!user) {
    throw new ApiError(409, "email_taken", `a user with email ${input.email} already exists`);
  }
  return user;
}
