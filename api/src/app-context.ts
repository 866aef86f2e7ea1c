import type { BlobStore, Database } from "@crowdseg/db";
import type { AuthUser } from "./auth/auth-user.ts";
import type { TokenCache } from "./auth/token-cache.ts";
import type { JobQueue } from "./jobs/job-queue.ts";
import type { StudyAccess } from "./studies/require-study-role.ts";

/** What every route may use; built once at start-up and handed to createApp. */
export interface AppDependencies {
  db: Database;
  blobs: BlobStore;
  jobs: JobQueue;
}

export interface AppEnv {
  Variables: {
    deps: AppDependencies;
    /** the caller; set by `authenticate` on every route that is not public */
    user: AuthUser;
    tokenCache: TokenCache;
    /** the study of a `/api/studies/:studyId` route, set by `studyRole` */
    studyAccess: StudyAccess;
  };
}
