import { Hono } from "hono";
import type { AppDependencies, AppEnv } from "./app-context.ts";
import { authenticate } from "./auth/authenticate.ts";
import { TokenCache } from "./auth/token-cache.ts";
import { mapDomainError } from "./map-domain-error.ts";
import { registerCreateUser } from "./routes/create-user.ts";
import { registerGetMe } from "./routes/get-me.ts";
import { registerHealth } from "./routes/health.ts";
import { registerListStudies } from "./routes/list-studies.ts";
import { registerListUsers } from "./routes/list-users.ts";
import { registerLogIn } from "./routes/log-in.ts";
import { registerLogOut } from "./routes/log-out.ts";

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
  registerLogIn(app);
  registerLogOut(app);
  registerGetMe(app);
  registerCreateUser(app);
  registerListUsers(app);
  registerListStudies(app);

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
