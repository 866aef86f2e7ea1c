export { assertValidBlobKey, BlobNotFoundError, type BlobStore } from "./blob-store.ts";
export { type CreateDatabaseOptions, createDatabase } from "./create-database.ts";
export { createTestDatabase } from "./create-test-database.ts";
export type { Database, DatabaseHandle } from "./database.ts";
export { DirectoryBlobStore } from "./directory-blob-store.ts";
export { migrate, migrationsFolder } from "./migrate.ts";
export * from "./schema/index.ts";
