import { type ZodType, z } from "zod";
import { documentedRoutes } from "./document-route.ts";
import type { RouteDoc } from "./route-doc.ts";

type JsonSchema = Record<string, unknown>;

const errorEnvelope: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", description: "stable, machine-readable, e.g. lease_ended" },
        message: { type: "string", description: "for a person: what is wrong and what to do" },
      },
    },
  },
};

/**
 * The OpenAPI 3.1 document of the app: every route documented with `documentRoute` in full (its
 * zod schemas as JSON Schema), and any route registered without a doc at least by method and
 * path, so the document never silently omits one.
 */
export function buildOpenApiDocument(
  app: { routes: readonly { method: string; path: string }[] },
  info: { title: string; version: string },
) {
  const paths: Record<string, Record<string, unknown>> = {};
  const documented = new Set<string>();
  for (const doc of documentedRoutes(app)) {
    const path = toOpenApiPath(doc.path);
    documented.add(`${doc.method} ${path}`);
    paths[path] ??= {};
    paths[path]![doc.method] = operation(doc, path);
  }
  for (const route of app.routes) {
    const method = route.method.toLowerCase();
    const path = toOpenApiPath(route.path);
    if (method === "all" || documented.has(`${method} ${path}`)) continue;
    documented.add(`${method} ${path}`);
    paths[path] ??= {};
    paths[path]![method] = {
      summary: `${route.method} ${path}`,
      parameters: pathParameters(path, undefined),
      responses: { default: { description: "not documented yet" } },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      ...info,
      description:
        "CrowdSeg: crowdsourced segmentation of medical images. Log in with POST /api/auth/login " +
        "and send `Authorization: Bearer <token>`. Every error is `{error: {code, message}}`.",
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: { Error: errorEnvelope },
    },
    paths,
  };
}

export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

function operation(doc: RouteDoc, path: string) {
  const parameters = [
    ...pathParameters(path, doc.params),
    ...objectParameters(doc.query, "query"),
    ...objectParameters(doc.headers, "header"),
  ];
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(doc.responses)) {
    const isError = Number(status) >= 400;
    const contentType = response.contentType ?? "application/json";
    const schema = response.schema
      ? toJsonSchema(response.schema, "output")
      : isError
        ? { $ref: "#/components/schemas/Error" }
        : undefined;
    responses[status] = {
      description: response.description,
      ...(schema ? { content: { [contentType]: { schema } } } : {}),
    };
  }
  if (doc.access !== null) {
    responses["401"] ??= {
      description: "no valid bearer token",
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  if (doc.body || doc.query || doc.params) {
    responses["400"] ??= {
      description: "invalid request: each bad field is named",
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  return {
    tags: [doc.tag],
    summary: doc.summary,
    description: [doc.description, `**Access:** ${doc.access ?? "public"}`]
      .filter(Boolean)
      .join("\n\n"),
    security: doc.access === null ? [] : [{ bearer: [] }],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(doc.body
      ? {
          requestBody: {
            required: true,
            content: {
              [doc.bodyType === "multipart" ? "multipart/form-data" : "application/json"]: {
                schema: toJsonSchema(doc.body, "input"),
              },
            },
          },
        }
      : {}),
    responses,
  };
}

function pathParameters(path: string, schema: ZodType | undefined) {
  const properties = schema
    ? ((toJsonSchema(schema, "input").properties ?? {}) as Record<string, JsonSchema>)
    : {};
  return [...path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: properties[name!] ?? { type: "integer", minimum: 1 },
  }));
}

function objectParameters(schema: ZodType | undefined, where: "query" | "header") {
  if (!schema) return [];
  const json = toJsonSchema(schema, "input");
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries((json.properties ?? {}) as Record<string, JsonSchema>).map(
    ([name, property]) => ({
      name,
      in: where,
      required: required.has(name),
      schema: property,
    }),
  );
}

function toJsonSchema(schema: ZodType, io: "input" | "output"): JsonSchema {
  // the document's jsonSchemaDialect applies; a $schema per fragment would only repeat it
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: "any",
    override: (context) => {
      // uploads are z.instanceof(File), which JSON Schema spells as a binary string
      const def = (context.zodSchema as { _zod?: { def?: { type?: string } } })._zod?.def;
      if (def?.type === "custom") {
        Object.assign(context.jsonSchema, { type: "string", format: "binary" });
      }
    },
  });
  return json as JsonSchema;
}
