export { assertValidBlobKey, BlobNotFoundError, type BlobStore } from "./blob-store.ts";
export { type CreateDatabaseOptions, createDatabase } from "./create-database.ts";
export { createTestDatabase } from "./create-test-database.ts";
export { createTestStorage, type TestStorage } from "./create-test-storage.ts";
export type { Database, DatabaseHandle } from "./database.ts";
export {
  DEMO_STUDY_NAME,
  type DemoStudyOptions,
  demoClasses,
  type SeededDemoStudy,
  seedDemoStudy,
} from "./demo/seed-demo-study.ts";
export { DirectoryBlobStore } from "./directory-blob-store.ts";
export { ImportError, type ImportErrorCode } from "./import/import-error.ts";
export { importNiftiVolume, type NiftiUpload } from "./import/import-nifti-volume.ts";
export { importPngSlices, type PngUpload } from "./import/import-png-slices.ts";
export { readSliceImage, type SliceImage } from "./import/read-slice-image.ts";
export { type StoredVolume, storeVolume, type VolumeToStore } from "./import/store-volume.ts";
export { migrate, migrationsFolder } from "./migrate.ts";
export * from "./schema/index.ts";
export { decodeSoftLabel, encodeSoftLabel } from "./soft-label-codec.ts";
export type { Storage } from "./storage.ts";
