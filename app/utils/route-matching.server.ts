/**
 * Route matching remembered (docs/decisions/157). Remix 2 matches a request's path against the whole
 * route tree up to six times per page: the request handler, the static handler's query, the router's
 * `useRoutes`, and lazy route discovery once for each parent path ("/", "/fi", "/fi/pilots"). Each
 * time @remix-run/router's `matchRoutes` flattens the 68 routes, ranks them and compiles a regular
 * expression for each one it tries: about a fifth of the server's time on a cached page.
 *
 * The answer depends only on the tree's shape (each route's id, path, index and case sensitivity, and
 * its children) and on the path, so this wraps the router's exported `matchRoutes` (the function the
 * others call through its module object) with a cache keyed by both. The route objects differ
 * between calls (the React side builds its own each request), so a remembered match is kept as
 * route ids and handed back with the caller's own route objects. The static handler's own call is
 * internal to the router and still runs once per request.
 */
import { createRequire } from "node:module";

type RouteLike = { id?: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: RouteLike[] };
type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: RouteLike };
type MatchRoutes = (
  routes: RouteLike[],
  location: string | { pathname?: string },
  basename?: string,
  ...more: unknown[]
) => Match[] | null;
type Remembered = { ids: string[]; params: Record<string, string | undefined>; paths: [string, string][] } | null;

/** Paths remembered per route tree: each request looks up its own path a few times, its parents' often. */
const PATHS_KEPT = 500;

/** The shape of a tree as a string, and its routes by id; null when a route has no id. */
type Tree = { shape: string; byId: Map<string, RouteLike> } | null;
const trees = new WeakMap<RouteLike[], Tree>();

function treeOf(routes: RouteLike[]): Tree {
  let tree = trees.get(routes);
  if (tree !== undefined) return tree;
  const byId = new Map<string, RouteLike>();
  const walk = (list: RouteLike[]): string | null => {
    let out = "";
    for (const route of list) {
      if (typeof route.id !== "string" || byId.has(route.id)) return null;
      byId.set(route.id, route);
      const children = route.children?.length ? walk(route.children) : "";
      if (children === null) return null;
      out += `${route.id}\u0001${route.path ?? "\u0002"}\u0001${route.index ? 1 : 0}${route.caseSensitive ? 1 : 0}[${children}]`;
    }
    return out;
  };
  const shape = walk(routes);
  tree = shape === null ? null : { shape, byId };
  trees.set(routes, tree);
  return tree;
}

/** `matchRoutes` with its answers remembered per tree shape and path (least recently used dropped). */
export function rememberMatches(matchRoutes: MatchRoutes): MatchRoutes {
  const byShape = new Map<string, Map<string, Remembered>>();
  return function matchRoutesRemembered(routes, location, basename, ...more) {
    const tree = more.length === 0 && Array.isArray(routes) ? treeOf(routes) : null;
    const pathname = typeof location === "string" ? location : location?.pathname;
    if (!tree || typeof pathname !== "string") return matchRoutes(routes, location, basename, ...more);
    let paths = byShape.get(tree.shape);
    if (!paths) {
      paths = new Map();
      byShape.set(tree.shape, paths);
    }
    // The location's search and hash do not take part in matching, but a string location keeps them: the key is the string as given.
    const key = `${basename ?? "/"}\u0001${pathname}`;
    let remembered = paths.get(key);
    if (remembered === undefined) {
      const matches = matchRoutes(routes, location, basename);
      remembered = matches && {
        ids: matches.map((m) => m.route.id as string),
        params: { ...matches[0]?.params },
        paths: matches.map((m) => [m.pathname, m.pathnameBase]),
      };
      if (paths.size >= PATHS_KEPT) paths.delete(paths.keys().next().value as string);
      paths.set(key, remembered);
      return matches;
    }
    // Most recently used last.
    paths.delete(key);
    paths.set(key, remembered);
    if (!remembered) return null;
    // One params object shared by every match, as the router hands them out.
    const params = { ...remembered.params };
    const { byId } = tree;
    return remembered.ids.map((id, i) => ({
      params,
      pathname: remembered.paths[i][0],
      pathnameBase: remembered.paths[i][1],
      route: byId.get(id) as RouteLike,
    }));
  };
}

type RouterModule = { matchRoutes: MatchRoutes & { remembered?: true } };

/**
 * The @remix-run/router module objects the Remix server runtime, Remix's React side and React Router
 * call `matchRoutes` through (one file when installed deduplicated, as npm does).
 */
export function routerModules(): RouterModule[] {
  const here = createRequire(import.meta.url);
  const modules = new Set<RouterModule>();
  for (const caller of ["@remix-run/server-runtime", "@remix-run/react", "react-router"])
    modules.add(createRequire(here.resolve(caller))("@remix-run/router"));
  return [...modules];
}

/** Wraps the router's `matchRoutes` once per process. */
export function installRememberedMatches() {
  for (const router of routerModules()) {
    if (router.matchRoutes.remembered) continue;
    const remembered = Object.assign(rememberMatches(router.matchRoutes), { remembered: true as const });
    router.matchRoutes = remembered;
  }
}
