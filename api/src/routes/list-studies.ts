import { z } from "zod";
import type { App } from "../create-app.ts";
import { listStudies } from "../studies/list-studies.ts";
import { validate } from "../validate.ts";

const querySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export function registerListStudies(app: App): void {
  app.get("/api/studies", validate("query", querySchema), async (c) => {
    const page = c.req.valid("query");
    const studies = await listStudies(c.get("deps").db, page);
    return c.json({ studies, ...page });
  });
}
