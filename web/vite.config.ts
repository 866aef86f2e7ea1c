import { defineConfig } from "vite";

// Preact through the bundler's own JSX transform: no framework plugin needed.
export default defineConfig({
  root: import.meta.dirname,
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
  server: {
    // `vite` in web/ during development, with the API on its default port
    proxy: { "/api": "http://127.0.0.1:3000", "/health": "http://127.0.0.1:3000" },
  },
});
