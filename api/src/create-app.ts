import { Hono } from "hono";
import type { AppDependencies, AppEnv } from "./app-context.ts";
import { authenticate } from "./auth/authenticate.ts";
import { TokenCache } from "./auth/token-cache.ts";
import { mapDomainError } from "./map-domain-error.ts";
import { registerAcceptInvite } from "./routes/accept-invite.ts";
import { registerCreateInvite } from "./routes/create-invite.ts";
import { registerCreateStudy } from "./routes/create-study.ts";
import { registerCreateUser } from "./routes/create-user.ts";
import { registerExportStudy } from "./routes/export-study.ts";
import { registerGetMe } from "./routes/get-me.ts";
import { registerGetMyQuality } from "./routes/get-my-quality.ts";
import { registerGetOpenApi } from "./routes/get-openapi.ts";
import { registerGetSliceImage } from "./routes/get-slice-image.ts";
import { registerGetStudy } from "./routes/get-study.ts";
import { registerGetStudyProgress } from "./routes/get-study-progress.ts";
import { registerGetTaskImage } from "./routes/get-task-image.ts";
import { registerHealth } from "./routes/health.ts";
import { registerListRaterStatistics } from "./routes/list-rater-statistics.ts";
import { registerListSlices } from "./routes/list-slices.ts";
import { registerListStudies } from "./routes/list-studies.ts";
import { registerListUsers } from "./routes/list-users.ts";
import { registerLogIn } from "./routes/log-in.ts";
import { registerLogOut } from "./routes/log-out.ts";
import { registerNextTask } from "./routes/next-task.ts";
import { registerRedeemInvite } from "./routes/redeem-invite.ts";
import { registerSetGoldSlices } from "./routes/set-gold-slices.ts";
import { registerSetRaterBlocked } from "./routes/set-rater-blocked.ts";
import { registerSkipTask } from "./routes/skip-task.ts";
import { registerSubmitAnnotation } from "./routes/submit-annotation.ts";
import { registerTaskHeartbeat } from "./routes/task-heartbeat.ts";
import { registerUpdateStudy } from "./routes/update-study.ts";
import { registerUploadVolume } from "./routes/upload-volume.ts";
import { registerWebApp } from "./routes/web-app.ts";
import { registerRunRoutes } from "./runs/register-run-routes.ts";

export type App = Hono<AppEnv>;

/** Routes under /api that answer without a token: everything else there needs one. */
const publicApiRoutes = new Set(["POST /api/auth/login", "POST /api/invites/redeem"]);

export function createApp(deps: AppDependencies): App {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  app.use(
    "/api/*",
    authenticate(new TokenCache(), (method, path) => publicApiRoutes.has(`${method} ${path}`)),
  );

  registerHealth(app);
  registerGetOpenApi(app);
  registerLogIn(app);
  registerLogOut(app);
  registerGetMe(app);
  registerCreateUser(app);
  registerListUsers(app);
  registerRedeemInvite(app);
  registerAcceptInvite(app);

  registerListStudies(app);
  registerCreateStudy(app);
  registerGetStudy(app);
  registerUpdateStudy(app);
  registerUploadVolume(app);
  registerListSlices(app);
  registerSetGoldSlices(app);
  registerCreateInvite(app);
  registerGetStudyProgress(app);
  registerListRaterStatistics(app);
  registerSetRaterBlocked(app);
  registerExportStudy(app);

  registerNextTask(app);
  registerGetTaskImage(app);
  registerTaskHeartbeat(app);
  registerSkipTask(app);
  registerSubmitAnnotation(app);
  registerGetMyQuality(app);
  registerRunRoutes(app);
  registerGetSliceImage(app);
  // last: the web app answers every other GET outside /api with its files or index.html
  registerWebApp(app);

  app.notFound((c) =>
    c.json(
      { error: { code: "not_found", message: `no route for ${c.req.method} ${c.req.path}` } },
      404,
    ),
  );
  app.onError((error, c) => {
    const known = mapDomainError(error);
    if (known) {
      return c.json({ error: { code: known.code, message: known.message } }, known.status);
    }
    console.error(error);
    return c.json({ error: { code: "internal", message: "internal server error" } }, 500);
  });
  return app;
}
