import type { App } from "../create-app.ts";
import { buildOpenApiDocument } from "../openapi/build-openapi-document.ts";
import { documentRoute } from "../openapi/document-route.ts";
import { renderDocsPage } from "../openapi/render-docs-page.ts";

const info = { title: "CrowdSeg", version: "0.1.0" };

/** `/openapi.json` and `/docs`, both built from the routes' own zod schemas at request time. */
export function registerGetOpenApi(app: App): void {
  app.get("/openapi.json", (c) => c.json(buildOpenApiDocument(app, info)));
  app.get("/docs", (c) => c.html(renderDocsPage(buildOpenApiDocument(app, info))));
  documentRoute(app, {
    method: "get",
    path: "/openapi.json",
    tag: "meta",
    summary: "This document (OpenAPI 3.1)",
    access: null,
    responses: { 200: { description: "the OpenAPI document" } },
  });
  documentRoute(app, {
    method: "get",
    path: "/docs",
    tag: "meta",
    summary: "The API reference as an HTML page (works offline)",
    access: null,
    responses: { 200: { description: "HTML", contentType: "text/html" } },
  });
}
