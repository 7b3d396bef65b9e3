/**
 * Authorization matrix entries for the dashboard's printable report and its Word document: like the
 * dashboard, open to everyone; the public's figures come from published pilots only, the council's
 * and the admin's from all (the scope is asserted in tests/e2e/report.spec.ts).
 */
import type { MatrixEntry, MatrixRole } from "./types";

const all = (status: number): Record<MatrixRole, number> => ({
  anonymous: status,
  artist: status,
  staff: status,
  staffOther: status,
  council: status,
  admin: status,
});

export const entries: MatrixEntry[] = [
  { route: "$lang.dashboard_.report", method: "GET", path: "/fi/dashboard/report", expect: all(200) },
  {
    route: "$lang.dashboard_.report",
    method: "GET",
    path: "/sv/dashboard/report?region=15&reportDate=2019-06-30",
    expect: all(200),
  },
  // A filter or date that does not parse is ignored, as on the dashboard: never a 500.
  {
    route: "$lang.dashboard_.report",
    method: "GET",
    path: "/fi/dashboard/report?reportDate=2017-02-31&phase=abc",
    expect: all(200),
  },
  { route: "$lang.dashboard_.report[.]docx", method: "GET", path: "/fi/dashboard/report.docx", expect: all(200) },
  {
    route: "$lang.dashboard_.report[.]docx",
    method: "GET",
    path: "/sv/dashboard/report.docx?programme=taiku",
    expect: all(200),
  },
];
