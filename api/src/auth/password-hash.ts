import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

// OWASP's scrypt floor is N=2^17; 2^15 keeps a login near 100 ms on a small server while still
// costing an attacker 32 MiB per guess. The parameters are stored with each hash, so they can
// be raised later without invalidating existing passwords.
const PARAMETERS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

/** `scrypt$N$r$p$salt$key`, salt and key in base64url: a fresh salt per password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, PARAMETERS);
  const { N, r, p } = PARAMETERS;
  return ["scrypt", N, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** Constant-time comparison; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  const parameters = { N: Number(n), r: Number(r), p: Number(p) };
  if (![parameters.N, parameters.r, parameters.p].every(Number.isSafeInteger)) return false;
  const actual = await derive(
    password,
    Buffer.from(salt, "base64url"),
    parameters,
    expected.length,
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function derive(
  password: string,
  salt: Buffer,
  parameters: { N: number; r: number; p: number },
  keyBytes: number = KEY_BYTES,
): Promise<Buffer> {
  const options: ScryptOptions = { ...parameters, maxmem: 256 * parameters.N * parameters.r };
  return new Promise((resolve, reject) => {
    // the async form runs on libuv's thread pool, so a login does not stall other requests
    scrypt(password.normalize("NFC"), salt, keyBytes, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
