import { createHash, randomBytes } from "node:crypto";

const PREFIX = "cst_";

/**
 * A bearer token: 32 random bytes, prefixed so a leaked one is recognisable in logs and
 * scanners. Only `hashToken(token)` is stored; the token itself is shown once.
 */
export function newToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

/** SHA-256 is enough here: the token has 256 bits of entropy, so there is nothing to brute-force. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
