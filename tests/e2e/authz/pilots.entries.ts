/**
 * Authorization matrix entries for the pilot registry. Roles: `staff` is
 * staff.kauhava@rajaton.example (Kauhava, Kaksineuvoinen …), `staffOther` is staff.vasa@rajaton.example
 * (Vaasa, Korsholm, Kristinestad). The POSTs are built so that nothing is written for any role:
 * an allowed role gets a validation error (400), a version conflict or a refused transition (409),
 * or an unknown pilot (404).
 */
import { FIXTURES, type MatrixEntry } from "./types";

const kauhava = FIXTURES.pilots.kulttuurikaveri; // published, Kauhava staff's scope
const vasaDraft = FIXTURES.pilots.draftVasa; // draft, staff.vasa's scope

export const entries: MatrixEntry[] = [
  // The list and the pilot page are public (published pilots).
  {
    route: "$lang.pilots._index",
    method: "GET",
    path: "/fi/pilots?q=kulttuuri&region=14&sort=title",
    expect: { anonymous: 200, artist: 200, staff: 200, staffOther: 200, council: 200, admin: 200 },
  },
  {
    route: "$lang.pilots.$id",
    method: "GET",
    path: `/sv/pilots/${kauhava}`,
    expect: { anonymous: 200, artist: 200, staff: 200, staffOther: 200, council: 200, admin: 200 },
  },
  // A programme's page is public (its pilots and figures follow the viewer's visibility); an unknown or
  // malformed id is not found.
  {
    route: "$lang.programmes.$id",
    method: "GET",
    path: `/fi/programmes/${FIXTURES.programmes.regional}`,
    expect: { anonymous: 200, artist: 200, staff: 200, staffOther: 200, council: 200, admin: 200 },
  },
  {
    route: "$lang.programmes.$id",
    method: "GET",
    path: "/sv/programmes/999999",
    expect: { anonymous: 404, artist: 404, staff: 404, staffOther: 404, council: 404, admin: 404 },
  },
  {
    route: "$lang.programmes.$id",
    method: "GET",
    path: "/sv/programmes/1x",
    expect: { anonymous: 404, artist: 404, staff: 404, staffOther: 404, council: 404, admin: 404 },
  },
  // A draft: its municipality's staff and the council only.
  {
    route: "$lang.pilots.$id",
    method: "GET",
    path: `/fi/pilots/${vasaDraft}`,
    expect: { anonymous: 404, artist: 404, staff: 404, staffOther: 200, council: 200, admin: 200 },
  },

  // Create.
  {
    route: "$lang.pilots.new",
    method: "GET",
    path: "/fi/pilots/new",
    expect: { anonymous: 302, artist: 403, staff: 200, staffOther: 200, council: 200, admin: 200 },
  },
  {
    route: "$lang.pilots.new",
    method: "POST",
    path: "/fi/pilots/new",
    form: { "title.fi": "", intent: "save" }, // no title: refused by validation, nothing created
    expect: { anonymous: 302, artist: 403, staff: 400, staffOther: 400, council: 400, admin: 400 },
  },

  // The create and edit forms' artist search (JSON).
  {
    route: "$lang.artists.search",
    method: "GET",
    path: "/fi/artists/search?q=sirkus",
    expect: { anonymous: 302, artist: 403, staff: 200, staffOther: 200, council: 200, admin: 200 },
  },

  // Edit.
  {
    route: "$lang.pilots.$id_.edit",
    method: "GET",
    path: `/fi/pilots/${kauhava}/edit`,
    expect: { anonymous: 302, artist: 403, staff: 200, staffOther: 403, council: 200, admin: 200 },
  },
  {
    route: "$lang.pilots.$id_.edit",
    method: "GET",
    path: `/sv/pilots/${vasaDraft}/edit`,
    expect: { anonymous: 302, artist: 404, staff: 404, staffOther: 200, council: 200, admin: 200 },
  },
  // A published pilot is visible to all, editable only in scope: Kauhava staff (who also work for an
  // organisation) may not edit Vaasa's pilot (this once leaked through an unparenthesised scope condition).
  {
    route: "$lang.pilots.$id_.edit",
    method: "GET",
    path: `/fi/pilots/${FIXTURES.pilots.publishedVasa}/edit`,
    expect: { anonymous: 302, artist: 403, staff: 403, staffOther: 200, council: 200, admin: 200 },
  },
  {
    route: "$lang.pilots.$id_.edit",
    method: "POST",
    path: `/fi/pilots/${kauhava}/edit`,
    form: { version: "0", "title.fi": "", intent: "save" },
    expect: { anonymous: 302, artist: 403, staff: 400, staffOther: 403, council: 400, admin: 400 },
    unchanged: `/fi/pilots/${kauhava}`,
  },

  // Correcting and deleting a continuation check: the pilot's editors only. Check 2 is Kulttuurikaveri's
  // (the real facts' check, db/seed/facts.ts); check 12 is the Vaasa pilot's, so it is no check of pilot 2.
  // The POSTs carry version 0 and no reason: refused by validation, nothing changes.
  {
    route: "$lang.pilots.$id_.checks.$checkId",
    method: "GET",
    path: `/fi/pilots/${kauhava}/checks/2`,
    expect: { anonymous: 302, artist: 403, staff: 200, staffOther: 403, council: 200, admin: 200 },
  },
  {
    route: "$lang.pilots.$id_.checks.$checkId",
    method: "GET",
    path: `/sv/pilots/${kauhava}/checks/12`,
    expect: { anonymous: 302, artist: 403, staff: 404, staffOther: 403, council: 404, admin: 404 },
  },
  {
    route: "$lang.pilots.$id_.checks.$checkId",
    method: "POST",
    path: `/fi/pilots/${kauhava}/checks/2`,
    form: { version: "0", reason: "", "check.checkedOn": "16.4.2019", "check.statusCode": "ended" },
    expect: { anonymous: 302, artist: 403, staff: 400, staffOther: 403, council: 400, admin: 400 },
    unchanged: `/fi/pilots/${kauhava}`,
  },
  {
    route: "$lang.pilots.$id_.checks.$checkId_.delete",
    method: "GET",
    path: `/fi/pilots/${kauhava}/checks/2/delete`,
    expect: { anonymous: 302, artist: 403, staff: 200, staffOther: 403, council: 200, admin: 200 },
  },
  {
    route: "$lang.pilots.$id_.checks.$checkId_.delete",
    method: "POST",
    path: `/fi/pilots/${kauhava}/checks/2/delete`,
    form: { version: "0", reason: "" },
    expect: { anonymous: 302, artist: 403, staff: 400, staffOther: 403, council: 400, admin: 400 },
    unchanged: `/fi/pilots/${kauhava}`,
  },

  // Workflow and continuation checks (actions of the pilot page).
  {
    route: "$lang.pilots.$id",
    method: "POST",
    path: `/fi/pilots/${kauhava}`,
    form: { intent: "publish", version: "0" }, // already published: the council's transition is refused
    expect: { anonymous: 302, artist: 403, staff: 403, staffOther: 403, council: 409, admin: 409 },
    unchanged: `/fi/pilots/${kauhava}`,
  },
  {
    route: "$lang.pilots.$id",
    method: "POST",
    path: `/fi/pilots/${vasaDraft}`,
    form: { intent: "return", version: "0", comment: "" },
    expect: { anonymous: 302, artist: 404, staff: 404, staffOther: 403, council: 400, admin: 400 },
    unchanged: `/fi/pilots/${vasaDraft}`,
  },
  {
    route: "$lang.pilots.$id",
    method: "POST",
    path: `/fi/pilots/${kauhava}`,
    form: { intent: "addCheck", "check.checkedOn": "", "check.statusCode": "ended" }, // no date: refused by validation
    expect: { anonymous: 302, artist: 403, staff: 400, staffOther: 403, council: 400, admin: 400 },
    unchanged: `/fi/pilots/${kauhava}`,
  },

  // The council's review of a published pilot's pending edit, and withdrawal (decisions 070, 071).
  {
    route: "$lang.pilots.$id",
    method: "POST",
    path: `/fi/pilots/${kauhava}`,
    form: { intent: "approveRevision", version: "0" }, // no pending edit, stale version: nothing changes
    expect: { anonymous: 302, artist: 403, staff: 403, staffOther: 403, council: 409, admin: 409 },
    unchanged: `/fi/pilots/${kauhava}`,
  },
  {
    route: "$lang.pilots.$id",
    method: "POST",
    path: `/fi/pilots/${kauhava}`,
    form: { intent: "returnRevision", version: "0", comment: "" }, // a return needs its comment
    expect: { anonymous: 302, artist: 403, staff: 403, staffOther: 403, council: 400, admin: 400 },
    unchanged: `/fi/pilots/${kauhava}`,
  },
  {
    route: "$lang.pilots.$id",
    method: "POST",
    path: `/fi/pilots/${kauhava}`,
    form: { intent: "unpublish", version: "0", reason: "Koe" }, // stale version: stays published
    expect: { anonymous: 302, artist: 403, staff: 403, staffOther: 403, council: 409, admin: 409 },
    unchanged: `/fi/pilots/${kauhava}`,
  },

  // Delete (drafts only, after confirmation).
  {
    route: "$lang.pilots.$id_.delete",
    method: "GET",
    path: `/fi/pilots/${kauhava}/delete`,
    expect: { anonymous: 302, artist: 403, staff: 200, staffOther: 403, council: 200, admin: 200 },
  },
  {
    route: "$lang.pilots.$id_.delete",
    method: "POST",
    path: `/fi/pilots/${kauhava}/delete`,
    form: {}, // published: never deleted
    expect: { anonymous: 302, artist: 403, staff: 409, staffOther: 403, council: 409, admin: 409 },
    unchanged: `/fi/pilots/${kauhava}`,
  },

  // Follow-ups.
  {
    route: "$lang.follow-ups",
    method: "GET",
    path: "/fi/follow-ups",
    expect: { anonymous: 302, artist: 403, staff: 200, staffOther: 200, council: 200, admin: 200 },
  },
  {
    route: "$lang.follow-ups",
    method: "POST",
    path: "/sv/follow-ups",
    form: { intent: "remind", pilotId: "999999999" }, // reminders are the council's; an unknown pilot sends nothing
    expect: { anonymous: 302, artist: 403, staff: 403, staffOther: 403, council: 404, admin: 404 },
  },
];
