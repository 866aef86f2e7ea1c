import type { RouteDoc } from "./route-doc.ts";

const docsByApp = new WeakMap<object, RouteDoc[]>();

/**
 * Records a route for `/openapi.json`. Each route file calls it next to `app.<method>(...)` with
 * the same zod schemas it validates with, so the document cannot drift from the validation.
 */
export function documentRoute(app: object, doc: RouteDoc): void {
  const docs = docsByApp.get(app) ?? [];
  docs.push(doc);
  docsByApp.set(app, docs);
}

export function documentedRoutes(app: object): readonly RouteDoc[] {
  return docsByApp.get(app) ?? [];
}
