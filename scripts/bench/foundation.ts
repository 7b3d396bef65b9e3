import type { BenchScenario } from "./types";

/** The home page: headline figures over the whole data set. */
export const scenarios: BenchScenario[] = [
  {
    name: "home /fi",
    path: "/fi",
    sql: (sql) =>
      Promise.all([
        sql`select count(*) from pilots p where p.end_date <= current_date and p.state = 'published'`,
        sql`select (select count(*) from pilots p where p.state = 'published'),
          (select count(distinct pm.municipality_code) from pilot_municipalities pm join pilots p on p.id = pm.pilot_id where p.state = 'published'),
          (select count(*) from artists where state = 'approved')`,
      ]),
    targets: {},
  },
];
