import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { firstLoad, measurePages, PAGES } from "../../scripts/page-weight.mjs";

/** A client build of about 72 KB of gzip per page, whose pilot list's module is `extraKb` larger. */
function fakeBuild(extraKb: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "page-weight-"));
  fs.mkdirSync(path.join(dir, "assets"));
  // Random bytes do not compress: n bytes are about n bytes of gzip.
  const write = (name: string, bytes: number) =>
    fs.writeFileSync(path.join(dir, "assets", name), crypto.randomBytes(bytes));
  write("entry.js", 60 * 1024);
  write("shared.js", 10 * 1024);
  write("pilots.js", 1024 + extraKb * 1024);
  const routes: Record<string, unknown> = {
    root: { id: "root", module: "/assets/root.js", imports: ["/assets/shared.js"] },
  };
  write("root.js", 1024);
  for (const page of PAGES) {
    const module = page.route === "routes/$lang.pilots._index" ? "/assets/pilots.js" : "/assets/root.js";
    routes[page.route] = { id: page.route, parentId: "root", module, imports: ["/assets/shared.js"] };
  }
  const manifest = { entry: { module: "/assets/entry.js", imports: [] }, routes };
  fs.writeFileSync(path.join(dir, "assets", "manifest-test.js"), `window.__remixManifest=${JSON.stringify(manifest)};`);
  return dir;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe("page-weight budgets", () => {
  it("count each file a page loads once: entry, and every matched route's module and imports, not the manifest file", () => {
    const dir = fakeBuild(0);
    dirs.push(dir);
    const { files, gzip } = firstLoad(dir, "routes/$lang.pilots._index");
    expect(files.sort()).toEqual(
      ["/assets/entry.js", "/assets/pilots.js", "/assets/root.js", "/assets/shared.js"].sort(),
    );
    expect(gzip / 1024).toBeGreaterThan(72);
    expect(gzip / 1024).toBeLessThan(76);
  });

  it("fail a public page that grows by 20 KB", () => {
    // The pilot list a few KB under its budget, then 20 KB more.
    const room = (PAGES.find((p) => p.name === "/fi/pilots")?.budgetKb ?? 0) - 72 - 4;
    const lean = fakeBuild(room);
    const heavy = fakeBuild(room + 20);
    dirs.push(lean, heavy);
    expect(measurePages(lean).over).toEqual([]);
    expect(measurePages(heavy).over.map((r) => r.name)).toEqual(["/fi/pilots"]);
  });
});
