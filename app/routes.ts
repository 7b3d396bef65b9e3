/**
 * Every route, declared by area. URLs live here; the files live in app/routes/<area>/. Each route keeps
 * the id it had as a flat-route file name ("routes/$lang.pilots.$id"), so the authorization matrix
 * (tests/e2e/authz) and `useRouteLoaderData` callers name routes the same way as before.
 */
import { index, prefix, route, type RouteConfig } from "@remix-run/route-config";

export default [
  // Resource routes
  route("healthz", "routes/resources/healthz.ts", { id: "routes/healthz" }),
  route("favicon.ico", "routes/resources/favicon.ts", { id: "routes/favicon[.]ico" }),
  route("test-helpers/artist-account", "routes/resources/test-helpers.artist-account.ts", {
    id: "routes/test-helpers.artist-account",
  }),
  route("test-helpers/follow-up", "routes/resources/test-helpers.follow-up.ts", {
    id: "routes/test-helpers.follow-up",
  }),
  route("sitemap.xml", "routes/resources/sitemap.ts", { id: "routes/sitemap[.]xml" }),
  route("robots.txt", "routes/resources/robots.ts", { id: "routes/robots[.]txt" }),
  route("api/v1/pilots.csv", "routes/api/pilots-csv.ts", { id: "routes/api.v1.pilots[.]csv" }),
  index("routes/public/language-redirect.tsx", { id: "routes/_index" }),

  // The open-data API (docs/decisions/100): read-only JSON, published data only
  ...prefix("api/v1", [
    route("openapi.json", "routes/api/openapi.ts", { id: "routes/api.v1.openapi[.]json" }),
    route("pilots", "routes/api/pilots.ts", { id: "routes/api.v1.pilots" }),
    route("pilots.jsonl", "routes/api/pilots-jsonl.ts", { id: "routes/api.v1.pilots[.]jsonl" }),
    route("pilots/:id", "routes/api/pilot.ts", { id: "routes/api.v1.pilots.$id" }),
    route("artists", "routes/api/artists.ts", { id: "routes/api.v1.artists" }),
    route("artists/:id", "routes/api/artist.ts", { id: "routes/api.v1.artists.$id" }),
    route("figures/continuation", "routes/api/figures-continuation.ts", { id: "routes/api.v1.figures.continuation" }),
    route("figures/network", "routes/api/figures-network.ts", { id: "routes/api.v1.figures.network" }),
    route("reference/:list", "routes/api/reference.ts", { id: "routes/api.v1.reference.$list" }),
    route("*", "routes/api/not-found.ts", { id: "routes/api.v1.$" }),
  ]),

  route(":lang", "routes/layout.tsx", { id: "routes/$lang" }, [
    // Public pages
    index("routes/public/home.tsx", { id: "routes/$lang._index" }),
    route("accessibility", "routes/public/accessibility.tsx", { id: "routes/$lang.accessibility" }),
    route("privacy", "routes/public/privacy.tsx", { id: "routes/$lang.privacy" }),
    route("open-data", "routes/public/open-data.tsx", { id: "routes/$lang.open-data" }),
    route("*", "routes/public/not-found.tsx", { id: "routes/$lang.$" }),

    // The registry of pilots
    ...prefix("pilots", [
      index("routes/registry/pilots.tsx", { id: "routes/$lang.pilots._index" }),
      route("new", "routes/registry/new.tsx", { id: "routes/$lang.pilots.new" }),
      route(":id", "routes/registry/pilot/route.tsx", { id: "routes/$lang.pilots.$id" }),
      route(":id/edit", "routes/registry/edit.tsx", { id: "routes/$lang.pilots.$id_.edit" }),
      route(":id/delete", "routes/registry/delete.tsx", { id: "routes/$lang.pilots.$id_.delete" }),
      route(":id/checks/:checkId", "routes/registry/check.tsx", { id: "routes/$lang.pilots.$id_.checks.$checkId" }),
      route(":id/checks/:checkId/delete", "routes/registry/check-delete.tsx", {
        id: "routes/$lang.pilots.$id_.checks.$checkId_.delete",
      }),
    ]),
    route("programmes/:id", "routes/registry/programme.tsx", { id: "routes/$lang.programmes.$id" }),

    // The artist directory
    ...prefix("artists", [
      index("routes/directory/artists.tsx", { id: "routes/$lang.artists._index" }),
      // The pilot form's artist search (JSON, for those who make pilots)
      route("search", "routes/directory/artist-search.ts", { id: "routes/$lang.artists.search" }),
      route(":id", "routes/directory/artist.tsx", { id: "routes/$lang.artists.$id" }),
    ]),

    // The dashboard and its exports
    route("dashboard", "routes/dashboard/route.tsx", { id: "routes/$lang.dashboard" }),
    ...prefix("dashboard", [
      route("export.csv", "routes/dashboard/export-csv.ts", { id: "routes/$lang.dashboard_.export[.]csv" }),
      route("export.xlsx", "routes/dashboard/export-xlsx.ts", { id: "routes/$lang.dashboard_.export[.]xlsx" }),
      route("parity", "routes/dashboard/parity.tsx", { id: "routes/$lang.dashboard_.parity" }),
      route("parity.csv", "routes/dashboard/parity-csv.ts", { id: "routes/$lang.dashboard_.parity[.]csv" }),
      route("report", "routes/dashboard/report.tsx", { id: "routes/$lang.dashboard_.report" }),
      route("report.docx", "routes/dashboard/report-docx.ts", { id: "routes/$lang.dashboard_.report[.]docx" }),
    ]),

    // Follow-ups and moderation
    route("follow-ups", "routes/follow-ups/route.tsx", { id: "routes/$lang.follow-ups" }),
    route("follow-up/:token", "routes/follow-ups/answer.tsx", { id: "routes/$lang.follow-up.$token" }),
    route("moderation", "routes/moderation/route.tsx", { id: "routes/$lang.moderation" }),

    // The account: sign-in, registration, tokens, own settings and the artist's own profile
    route("login", "routes/account/login.tsx", { id: "routes/$lang.login" }),
    route("logout", "routes/account/logout.tsx", { id: "routes/$lang.logout" }),
    route("register", "routes/account/register.tsx", { id: "routes/$lang.register" }),
    route("forgot-password", "routes/account/forgot-password.tsx", { id: "routes/$lang.forgot-password" }),
    route("reset/:token", "routes/account/reset.tsx", { id: "routes/$lang.reset.$token" }),
    route("invite/:token", "routes/account/invite.tsx", { id: "routes/$lang.invite.$token" }),
    route("verify/:token", "routes/account/verify.tsx", { id: "routes/$lang.verify.$token" }),
    route("account", "routes/account/account.tsx", { id: "routes/$lang.account" }),
    ...prefix("me/artist", [
      index("routes/account/artist/profile.tsx", { id: "routes/$lang.me.artist._index" }),
      route("data.json", "routes/account/artist/data-json.ts", { id: "routes/$lang.me.artist.data[.]json" }),
      route("delete", "routes/account/artist/delete.tsx", { id: "routes/$lang.me.artist.delete" }),
      ...prefix("services", [
        index("routes/account/artist/services.tsx", { id: "routes/$lang.me.artist.services._index" }),
        route("new", "routes/account/artist/service-new.tsx", { id: "routes/$lang.me.artist.services.new" }),
        route(":id", "routes/account/artist/service.tsx", { id: "routes/$lang.me.artist.services.$id" }),
      ]),
    ]),

    // The admin area
    ...prefix("admin", [
      index("routes/admin/index.tsx", { id: "routes/$lang.admin._index" }),
      route("audit", "routes/admin/audit.tsx", { id: "routes/$lang.admin.audit" }),
      route("outbox", "routes/admin/outbox.tsx", { id: "routes/$lang.admin.outbox" }),
      ...prefix("feedback", [
        index("routes/admin/feedback.tsx", { id: "routes/$lang.admin.feedback._index" }),
        route(":id", "routes/admin/feedback-message.tsx", { id: "routes/$lang.admin.feedback.$id" }),
      ]),
      ...prefix("users", [
        index("routes/admin/users.tsx", { id: "routes/$lang.admin.users._index" }),
        route("invite", "routes/admin/invite.tsx", { id: "routes/$lang.admin.users.invite" }),
        route(":id", "routes/admin/user.tsx", { id: "routes/$lang.admin.users.$id" }),
      ]),
    ]),
  ]),
] satisfies RouteConfig;
