/**
 * The layers and their import rules (docs/decisions/055, docs/architecture.md):
 *   shared/codes.ts  imports nothing: the browser and the server both load it;
 *   shared/          leaf modules (codes, dates, statistics, password hashing) that import neither app/ nor db/;
 *   db/              the database layer: imports shared/, never app/;
 *   app/components/  React components: never db/ (that would ship drizzle to the browser);
 *   app/             routes and utils on top of both.
 * Run with `npm run lint:deps`.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "db-is-a-leaf",
      comment: "The database layer imports nothing from app/ (declare input types in db/queries/inputs.ts).",
      severity: "error",
      from: { path: "^db/", pathNot: "\\.test\\.ts$" },
      to: { path: "^app/" },
    },
    {
      name: "shared-is-a-leaf",
      comment: "shared/ is below both app/ and db/.",
      severity: "error",
      from: { path: "^shared/" },
      to: { path: "^(app|db)/" },
    },
    {
      name: "codes-import-nothing",
      comment: "shared/codes.ts is loaded by the browser and by db/schema: it imports nothing at all.",
      severity: "error",
      from: { path: "^shared/codes\\.ts$" },
      to: {},
    },
    {
      name: "components-not-db",
      comment:
        "Components take codes from shared/codes.ts; a value from db/ would reach the browser (a type-only import of a row's shape is erased).",
      severity: "error",
      from: { path: "^app/components/" },
      to: { path: "^db/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "routes-and-utils-call-queries",
      comment:
        "Routes and app/utils call functions in db/queries (handing them the db handle); they build no queries, so they import no table. (node_modules is excluded here: tests/unit/layers.test.ts keeps drizzle-orm out.)",
      severity: "error",
      from: { path: "^app/(routes|utils)/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^db/schema", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "no-circular",
      comment:
        "Modules that import each other cannot be understood (or moved) one at a time. A type-only import (a loader's data type) is erased and does not count.",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that resolves to nothing is a typo or a missing dependency.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(build|node_modules|\\.tmp|public)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
