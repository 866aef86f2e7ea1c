import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { ApiError } from "./api-error.ts";
import type { AppDependencies, AppEnv } from "./app-context.ts";
import { registerHealth } from "./routes/health.ts";
import { registerListStudies } from "./routes/list-studies.ts";

export type App = Hono<AppEnv>;

export function createApp(deps: AppDependencies): App {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("deps", deps);
    await next();
  });

  registerHealth(app);
  registerListStudies(app);

  app.notFound((c) =>
    c.json(
      { error: { code: "not_found", message: `no route for ${c.req.method} ${c.req.path}` } },
      404,
    ),
  );
  app.onError((error, c) => {
    if (error instanceof ApiError) {
      return c.json({ error: { code: error.code, message: error.message } }, error.status);
    }
    if (error instanceof HTTPException) {
      return c.json({ error: { code: "http_error", message: error.message } }, error.status);
    }
    console.error(error);
    return c.json({ error: { code: "internal", message: "internal server error" } }, 500);
  });
  return app;
}
