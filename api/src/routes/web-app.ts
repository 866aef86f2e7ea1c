import { existsSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Env, Hono } from "hono";

/** Where `vite build` in web/ puts the app. */
export const defaultWebDist = path.resolve(import.meta.dirname, "../../../web/dist");

/**
 * Serves the built web app (web/dist) to every GET outside /api: its files, and index.html for
 * any other extension-less path, so a reload on /label/3 opens the page the client routes to.
 * Registered after the API routes; does nothing (and returns false) when there is no build.
 */
export function registerWebApp<E extends Env>(app: Hono<E>, distDir = defaultWebDist): boolean {
  if (!existsSync(path.join(distDir, "index.html"))) return false;
  const files = serveStatic<E>({ root: distDir });
  const indexHtml = serveStatic<E>({ root: distDir, path: "index.html" });
  const nothing = async () => {};
  app.get("*", async (c, next) => {
    const requestPath = c.req.path;
    if (requestPath === "/api" || requestPath.startsWith("/api/")) return next();
    const file = await files(c, nothing);
    if (file) {
      // Vite names assets by content hash: a name never changes meaning, so cache it for good
      const hashed = requestPath.startsWith("/assets/");
      file.headers.set(
        "cache-control",
        hashed ? "public, max-age=31536000, immutable" : "no-cache",
      );
      return file;
    }
    const lastSegment = requestPath.slice(requestPath.lastIndexOf("/") + 1);
    // a missing /assets/x.js must stay a 404, not turn into a page
    if (lastSegment.includes(".")) return next();
    const page = await indexHtml(c, nothing);
    if (!page) return next();
    page.headers.set("cache-control", "no-cache");
    return page;
  });
  return true;
}
