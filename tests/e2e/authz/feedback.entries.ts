/** Authorization matrix entries for the accessibility feedback inbox (the council and the admin). */
import type { MatrixEntry, MatrixRole } from "./types";

const councilAndAdmin = (status: number): Record<MatrixRole, number> => ({
  anonymous: 302,
  artist: 403,
  staff: 403,
  staffOther: 403,
  council: status,
  admin: status,
});

export const entries: MatrixEntry[] = [
  { route: "$lang.admin.feedback._index", method: "GET", path: "/fi/admin/feedback", expect: councilAndAdmin(200) },
  {
    route: "$lang.admin.feedback._index",
    method: "GET",
    path: "/sv/admin/feedback?status=new",
    expect: councilAndAdmin(200),
  },
  { route: "$lang.admin.feedback.$id", method: "GET", path: "/fi/admin/feedback/999999", expect: councilAndAdmin(404) },
  {
    // An empty reply is refused with the form's 400 before anything is looked up or written.
    route: "$lang.admin.feedback.$id",
    method: "POST",
    path: "/fi/admin/feedback/999999",
    form: { reply: "", version: "0" },
    expect: councilAndAdmin(400),
    unchanged: "/fi/admin/feedback?status=answered",
  },
];
