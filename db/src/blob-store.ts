/**
 * Where image and mask bytes live. A directory by default; an S3-compatible store is the
 * scale-out path and only has to implement these four calls.
 */
export interface BlobStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** throws BlobNotFoundError when the key is absent */
  get(key: string): Promise<Uint8Array>;
  has(key: string): Promise<boolean>;
  /** no error when the key is absent, so cleanup after a failed import can be blind */
  delete(key: string): Promise<void>;
}

export class BlobNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`blob "${key}" does not exist`);
    this.name = "BlobNotFoundError";
  }
}

const KEY_PATTERN = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

/** Keys are relative paths of safe characters; ".." segments would escape the store's root. */
export function assertValidBlobKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.split("/").some((part) => part === "." || part === "..")) {
    throw new Error(`invalid blob key "${key}": use letters, digits, "_", "-", "." and "/"`);
  }
}
