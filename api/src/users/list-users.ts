import { type Database, users } from "@crowdseg/db";
import { asc } from "drizzle-orm";
import type { Page } from "../studies/list-studies.ts";

export function listUsers(db: Database, page: Page) {
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.id))
    .limit(page.limit)
    .offset(page.offset);
}
