/**
 * Authorization matrix entries for what machines read: the sitemap, robots.txt and the pilots CSV
 * are public, the same for every role (a signed-in council member's download is the public one), and
 * never carry a draft or submitted pilot, an unapproved artist or a withheld contact address.
 */
import { FIXTURES, type MatrixEntry, type MatrixRole } from "./types";

const everyone: Record<MatrixRole, number> = {
  anonymous: 200,
  artist: 200,
  staff: 200,
  staffOther: 200,
  council: 200,
  admin: 200,
};
const { draftVasa, submittedAlavus } = FIXTURES.pilots;
const { draft, submitted } = FIXTURES.artists;

export const entries: MatrixEntry[] = [
  {
    route: "sitemap[.]xml",
    method: "GET",
    path: "/sitemap.xml",
    expect: everyone,
    absent: [
      ...["fi", "sv"].flatMap((l) => [`/${l}/pilots/${draftVasa}<`, `/${l}/pilots/${submittedAlavus}<`]),
      ...["fi", "sv"].flatMap((l) => [`/${l}/artists/${draft}<`, `/${l}/artists/${submitted}<`]),
    ],
  },
  { route: "robots[.]txt", method: "GET", path: "/robots.txt", expect: everyone },
  {
    route: "api.v1.pilots[.]csv",
    method: "GET",
    path: "/api/v1/pilots.csv",
    expect: everyone,
    // The draft's and the submitted pilot's titles, and the demo pilots' contact addresses (not public).
    absent: [
      "Sång och lek i familjecentret",
      "Laulu- ja leikkituokiot perhekeskuksessa",
      "Muistojen kuvat",
      "Minnenas bilder",
      "@kunta.example",
    ],
  },
];
