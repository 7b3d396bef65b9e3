/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin } from "vite";
import path from "node:path";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * The browser gets the app's own small i18next and react-i18next (app/i18n-browser, docs/decisions/146);
 * the server, the mails and the tests use the libraries themselves.
 */
const browserI18n = (): Plugin => ({
  name: "browser-i18n",
  enforce: "pre",
  resolveId(id, _importer, options) {
    if (options?.ssr) return null;
    if (id === "i18next") return path.resolve("app/i18n-browser/i18next.ts");
    if (id === "react-i18next") return path.resolve("app/i18n-browser/react-i18next.tsx");
    return null;
  },
});

export default defineConfig({
  server: { port: 3000 },
  resolve: {
    alias: {
      "~db": path.resolve("db"),
      "~shared": path.resolve("shared"),
      "~": path.resolve("app"),
    },
  },
  plugins: [
    !process.env.VITEST && browserI18n(),
    !process.env.VITEST &&
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
          v3_routeConfig: true,
        },
      }),
  ],
  optimizeDeps: { exclude: ["@electric-sql/pglite"] },
  ssr: { external: ["@electric-sql/pglite", "@node-rs/argon2", "@resvg/resvg-js"] },
  test: {
    include: ["app/**/*.test.ts", "db/**/*.test.ts", "shared/**/*.test.ts", "tests/unit/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two files at a time: each has a database of its own, and the CI machine has two cores (docs/decisions/168).
    fileParallelism: true,
    maxWorkers: 2,
    // Every translation, as the server holds them (the app's own entry loads it there).
    setupFiles: ["app/locales.server.ts"],
    // Names this run's migrated and seeded template databases, which each file's database is copied from (tests/helpers/db.ts).
    globalSetup: ["tests/helpers/db-templates.ts"],
  },
});
