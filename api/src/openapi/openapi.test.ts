import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiTestContext, createApiTestContext } from "../testing/api-test-context.ts";
import { toOpenApiPath } from "./build-openapi-document.ts";
import { documentedRoutes } from "./document-route.ts";

interface OpenApi {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        summary: string;
        security: unknown[];
        parameters?: { name: string; in: string; required: boolean }[];
        requestBody?: {
          content: Record<
            string,
            { schema: { properties?: Record<string, unknown>; required?: string[] } }
          >;
        };
        responses: Record<string, unknown>;
      }
    >
  >;
}

describe("OpenAPI document and docs page", () => {
  let t: ApiTestContext;
  let document: OpenApi;
  beforeAll(async () => {
    t = await createApiTestContext();
    const response = await t.call("GET", "/openapi.json");
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApi;
  });
  afterAll(() => t.close());

  it("lists every route the app serves", () => {
    const served = new Set(
      t.app.routes
        .filter((route) => route.method !== "ALL")
        .map((route) => `${route.method.toLowerCase()} ${toOpenApiPath(route.path)}`),
    );
    const listed = new Set(
      Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m} ${path}`),
      ),
    );
    expect([...served].filter((route) => !listed.has(route))).toEqual([]);
    expect(document.openapi).toBe("3.1.0");
  });

  it("documents the rater and coordinator routes from their zod schemas, with access", () => {
    const documented = new Set(
      documentedRoutes(t.app).map((doc) => `${doc.method} ${toOpenApiPath(doc.path)}`),
    );
    for (const route of [
      "post /api/auth/login",
      "post /api/tasks/next",
      "post /api/annotations",
      "get /api/tasks/{taskId}/image.png",
      "post /api/studies/{studyId}/volumes",
      "get /api/studies/{studyId}/export",
    ]) {
      expect(documented.has(route), route).toBe(true);
    }
    const submit = document.paths["/api/annotations"]!.post!;
    const body = submit.requestBody!.content["application/json"]!.schema;
    expect(body.required).toEqual(expect.arrayContaining(["taskId", "labels"]));
    expect(submit.parameters).toEqual([
      expect.objectContaining({ name: "idempotency-key", in: "header", required: false }),
    ]);
    expect(submit.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(submit.responses)).toEqual(
      expect.arrayContaining(["201", "200", "409", "422", "401"]),
    );
    expect(document.paths["/api/auth/login"]!.post!.security).toEqual([]);
    const upload = document.paths["/api/studies/{studyId}/volumes"]!.post!;
    expect(Object.keys(upload.requestBody!.content)).toEqual(["multipart/form-data"]);
    const exportQuery = document.paths["/api/studies/{studyId}/export"]!.get!.parameters!;
    expect(exportQuery.map((p) => `${p.in}:${p.name}`)).toEqual([
      "path:studyId",
      "query:format",
      "query:reference",
    ]);
  });

  it("serves a self-contained HTML page that names every path", async () => {
    const response = await t.call("GET", "/docs");
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();
    for (const path of Object.keys(document.paths)) expect(html).toContain(`<code>${path}</code>`);
    expect(html).not.toMatch(/<script|https?:\/\/(?!127)/);
  });
});
