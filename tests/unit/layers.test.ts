/**
 * Routes and app/utils call functions in db/queries; they build no queries themselves, so they import
 * nothing from drizzle but its types (dependency-cruiser, which leaves node_modules out, checks the
 * tables: .dependency-cruiser.cjs "routes-and-utils-call-queries").
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The value imports of drizzle in a module's source (`import type` is erased and allowed). */
function drizzleValueImports(source: string) {
  const out: string[] = [];
  for (const m of source.matchAll(/import\s+(type\s+)?(\{[^}]*\}|[\w*\s,]+)\s+from\s+"(drizzle-orm[^"]*)"/g)) {
    if (m[1]) continue;
    const names = m[2]
      .replace(/[{}]/g, "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (names.every((n) => n.startsWith("type "))) continue;
    out.push(`${m[3]}: ${names.join(", ")}`);
  }
  return out;
}

describe("layers", () => {
  it("reads value and type imports apart", () => {
    expect(drizzleValueImports('import { eq, sql } from "drizzle-orm";')).toEqual(["drizzle-orm: eq, sql"]);
    expect(drizzleValueImports('import type { SQL } from "drizzle-orm";')).toEqual([]);
    expect(drizzleValueImports('import { type SQL } from "drizzle-orm";')).toEqual([]);
  });

  it("routes and app/utils import no drizzle query builder", () => {
    const found: string[] = [];
    for (const dir of ["app/routes", "app/utils"]) {
      for (const file of files(dir)) {
        for (const hit of drizzleValueImports(fs.readFileSync(file, "utf8"))) found.push(`${file} → ${hit}`);
      }
    }
    expect(found).toEqual([]);
  });
});
