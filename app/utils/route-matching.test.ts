import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";
import routes from "~/routes";
import { installRememberedMatches, rememberMatches, routerModules } from "./route-matching.server";

type Route = { id?: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };

/** The app's route tree under its root, as a fresh set of objects (the React side builds its own each request). */
function tree(): Route[] {
  const copy = (list: Route[]): Route[] =>
    list.map(({ id, path, index, caseSensitive, children }) => ({
      id,
      path,
      index,
      caseSensitive,
      ...(children ? { children: copy(children) } : {}),
    }));
  return [{ id: "root", path: "", children: copy(routes as Route[]) }];
}

/** Every route's path with its parameters filled in, their parents, and paths no route takes. */
function paths(): string[] {
  const out = new Set([
    "/",
    "/fi",
    "/sv",
    "/xx",
    "/fi/",
    "/fi/pilots/",
    "/fi/nowhere/at/all",
    "/api/v1/nope",
    "/%C3%A4",
  ]);
  const walk = (list: Route[], parent: string) => {
    for (const r of list) {
      const path = r.path ? `${parent}/${r.path}`.replace(/\/+/g, "/") : parent;
      const filled = path
        .replace(/:lang/g, "sv")
        .replace(/:[a-zA-Z]+/g, "147")
        .replace(/\*/g, "a/b");
      out.add(filled || "/");
      const segments = filled.split("/").filter(Boolean);
      for (let i = 0; i < segments.length; i++) out.add(`/${segments.slice(0, i).join("/")}`);
      if (r.children) walk(r.children, path);
    }
  };
  walk(tree(), "");
  return [...out];
}

const router = createRequire(createRequire(import.meta.url).resolve("@remix-run/server-runtime"))(
  "@remix-run/router",
) as { matchRoutes: (...args: unknown[]) => unknown };
const original = router.matchRoutes as Parameters<typeof rememberMatches>[0];

describe("remembered route matching", () => {
  it("answers as the router does, with the caller's own route objects, for every route of the app", () => {
    const remembered = rememberMatches(original);
    const first = tree();
    const second = tree();
    for (const path of paths())
      for (const routes of [first, second, first]) {
        const expected = original(routes, path);
        const got = remembered(routes, path);
        expect(got, path).toEqual(expected);
        expect(got?.map((m) => m.route)).toEqual(expected?.map((m) => m.route));
        // The very objects of the tree passed in, not those of the tree first matched.
        for (const [i, m] of (got ?? []).entries()) expect(m.route).toBe(expected?.[i].route);
        // As the router's: one params object shared by the matches.
        if (got && got.length > 1) expect(got[0].params).toBe(got[got.length - 1].params);
      }
  });

  it("matches a path against the tree's shape once, whichever objects the tree is made of", () => {
    const spy = vi.fn(original);
    const remembered = rememberMatches(spy);
    remembered(tree(), "/fi/pilots/147");
    remembered(tree(), "/fi/pilots/147");
    remembered(tree(), { pathname: "/fi/pilots/147" });
    expect(spy).toHaveBeenCalledTimes(1);
    remembered(tree(), "/fi/pilots/148");
    expect(spy).toHaveBeenCalledTimes(2);
    // A tree of another shape is matched again.
    const other = tree();
    other[0].children?.pop();
    remembered(other, "/fi/pilots/147");
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it("leaves a basename, a changed route and a tree without ids to the router", () => {
    const remembered = rememberMatches(original);
    const routes = tree();
    expect(remembered(routes, "/app/fi/pilots/147", "/app")).toEqual(original(routes, "/app/fi/pilots/147", "/app"));
    expect(remembered(routes, "/fi/pilots/147", "/app")).toBeNull();
    const changed = tree();
    const pilots = changed[0].children?.find((r) => r.path === ":lang")?.children?.find((r) => r.path === "pilots/:id");
    if (!pilots) throw new Error("no pilot page route");
    pilots.path = "pilots/:id/view";
    expect(remembered(changed, "/fi/pilots/147")).toEqual(original(changed, "/fi/pilots/147"));
    expect(remembered(changed, "/fi/pilots/147/view")?.at(-1)?.route).toBe(pilots);
    const spy = vi.fn(original);
    const noIds = [{ path: "a" }, { path: "b" }];
    rememberMatches(spy)(noIds, "/a");
    rememberMatches(spy)(noIds, "/a");
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it("is what the Remix server runtime, Remix's React side and React Router call once installed", () => {
    installRememberedMatches();
    installRememberedMatches();
    const modules = routerModules();
    expect(modules).toHaveLength(1);
    expect(modules[0]).toBe(router);
    expect((router.matchRoutes as { remembered?: boolean }).remembered).toBe(true);
  });
});
