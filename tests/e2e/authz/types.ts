/**
 * The authorization matrix: every route and action × every role, with the exact status expected.
 * Each area keeps its entries in tests/e2e/authz/<area>.entries.ts exporting `entries: MatrixEntry[]`;
 * the matrix test (tests/e2e/authz.spec.ts) runs them all and fails when a route declared in app/routes.ts
 * has no entry.
 */
export const MATRIX_ROLES = ["anonymous", "artist", "staff", "staffOther", "council", "admin"] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

export type MatrixEntry = {
  /** The route id from app/routes.ts without "routes/", e.g. "$lang.pilots.$id_.edit". */
  route: string;
  method: "GET" | "POST";
  /** A concrete URL path, e.g. `/fi/pilots/${FIXTURES.pilots.draftVasa}/edit`. */
  path: string;
  /** Form fields for a POST (sent urlencoded, same origin). */
  form?: Record<string, string>;
  /** The exact status for each role; 302 means a redirect (to the sign-in page for anonymous). */
  expect: Record<MatrixRole, number>;
  /** For a refused POST: a GET path whose body must be identical before and after (nothing changed). */
  unchanged?: string;
  /** An anonymous 302 that is not a redirect to the sign-in page (e.g. "/" → "/fi", sign-out). */
  redirectsElsewhere?: boolean;
  /** Text the response body must not contain for any role (a draft's title or address in a public file). */
  absent?: string[];
};

/**
 * Ids in the demo data that `db/setup.ts` loads into every end-to-end database (deterministic:
 * db/seed/facts.ts then db/seed/demo.ts; checked by db/fixtures.test.ts). Tests that change data
 * create their own records; they never change or delete these.
 */
export const FIXTURES = {
  users: { admin: 1, council: 2, staff: 3, staffVasa: 4, artist: 5 },
  pilots: {
    /** "TaiKu sotessa", published, in Kauhava staff's scope (Kaksineuvoinen). */
    taikuSotessa: 1,
    /** "Kulttuurikaveri 2015", published, Kauhava. */
    kulttuurikaveri: 2,
    /** "Teatteria toimintakeskukseen", published, Vaasa (staff.vasa's scope). */
    publishedVasa: 10,
    /** "Sång och lek i familjecentret", draft, Kristinestad (staff.vasa's scope). */
    draftVasa: 20,
    /** "Muistojen kuvat", submitted, Alavus (nobody's staff scope). */
    submittedAlavus: 21,
  },
  artists: {
    /** Approved, owned by artist@rajaton.example (renamed "Helmi Heinonen"). */
    own: 1,
    /** Approved, owned by nobody. */
    other: 2,
    /** Draft, not public. */
    draft: 38,
    /** Submitted, waiting for approval. */
    submitted: 39,
  },
  /** Artist k's services have ids 2k-1 and 2k. */
  services: { own: 1, other: 3 },
} as const;
