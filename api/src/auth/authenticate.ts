import type { Database } from "@crowdseg/db";
import { sql } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { ApiError } from "../api-error.ts";
import type { AppEnv } from "../app-context.ts";
import { hashToken } from "./auth-token.ts";
import type { AuthUser } from "./auth-user.ts";
import type { TokenCache } from "./token-cache.ts";

/**
 * Resolves `Authorization: Bearer <token>` to the calling user for every route it guards, except
 * those `isPublic` names (logging in, redeeming an invite). Routes then read `c.get("user")`.
 */
export function authenticate(
  cache: TokenCache,
  isPublic: (method: string, path: string) => boolean,
) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set("tokenCache", cache);
    if (isPublic(c.req.method, c.req.path)) return next();
    const header = c.req.header("authorization");
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) {
      throw new ApiError(
        401,
        "unauthenticated",
        "this route needs `Authorization: Bearer <token>`; get a token from POST /api/auth/login",
      );
    }
    const tokenHash = hashToken(match[1]!);
    let user = cache.get(tokenHash);
    if (!user) {
      user = await lookUpToken(c.get("deps").db, tokenHash);
      if (!user) {
        throw new ApiError(401, "unauthenticated", "the token is unknown, expired or revoked");
      }
      cache.set(tokenHash, user);
    }
    c.set("user", user);
    return next();
  });
}

async function lookUpToken(db: Database, tokenHash: string): Promise<AuthUser | undefined> {
  const result = await db.execute<Omit<AuthUser, "tokenHash">>(sql`
    with token as (
      update auth_tokens set last_used_at = now()
      where token_hash = ${tokenHash} and revoked_at is null
        and (expires_at is null or expires_at > now())
      returning user_id
    )
    select users.id, users.email, users.display_name as "displayName", users.role
    from users join token on token.user_id = users.id`);
  const row = result.rows[0];
  return row ? { ...row, tokenHash } : undefined;
}
