import { eq } from "drizzle-orm";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import type { App } from "../create-app.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { findRun } from "../runs/find-run.ts";
import { runIdParamsSchema } from "../runs/run-id-params.ts";
import { runKinds } from "../runs/run-kinds.ts";
import { validate } from "../validate.ts";

const querySchema = z.object({
  /** how often the run row is read; the job may run in another process, so the row is the truth */
  intervalMs: z.coerce.number().int().min(100).max(10_000).default(500),
});

const finished = new Set(["succeeded", "failed", "cancelled"]);

export function registerStreamRunEvents(app: App): void {
  for (const kind of runKinds) {
    const path = `/api/${kind.segment}/:id/events`;
    app.get(
      path,
      validate("param", runIdParamsSchema),
      validate("query", querySchema),
      async (c) => {
        const { db } = c.get("deps");
        const first = await findRun(db, c.get("user"), kind, c.req.valid("param").id);
        const { intervalMs } = c.req.valid("query");
        return streamSSE(c, async (stream) => {
          let open = true;
          stream.onAbort(() => {
            open = false;
          });
          let run = first;
          let sent = "";
          let idleSince = Date.now();
          while (open) {
            const payload = JSON.stringify({ run });
            if (payload !== sent) {
              await stream.writeSSE({ event: "progress", data: payload });
              sent = payload;
              idleSince = Date.now();
            } else if (Date.now() - idleSince > 15_000) {
              // a comment line keeps proxies from closing a quiet stream during a long epoch
              await stream.write(": keep-alive\n\n");
              idleSince = Date.now();
            }
            if (finished.has(run.status)) {
              await stream.writeSSE({ event: "done", data: payload });
              break;
            }
            await stream.sleep(intervalMs);
            const [next] = await db.select().from(kind.table).where(eq(kind.table.id, run.id));
            if (!next) break;
            run = next;
          }
        });
      },
    );
    documentRoute(app, {
      method: "get",
      path,
      tag: "runs",
      summary: `Server-sent events of a ${kind.noun}'s progress`,
      description:
        "`progress` events carry `{run}` whenever it changes; a final `done` event carries the finished run.",
      access: "researcher or coordinator of the run's study",
      params: runIdParamsSchema,
      query: querySchema,
      responses: { 200: { description: "an event stream", contentType: "text/event-stream" } },
    });
  }
}
