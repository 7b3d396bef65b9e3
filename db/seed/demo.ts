/**
 * Example data so every page and the dashboard mean something. Every row is flagged is_example
 * (or belongs to a flagged pilot/artist) and `npm run db:remove-demo` removes it all.
 */
import { seedDemoFollowUps } from "./demo-follow-ups";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../connect";
import type { PilotState } from "~shared/codes";
import { hashPassword } from "~shared/password.server";
import {
  activityFigures,
  artistArtForms,
  artistLanguages,
  artistMunicipalities,
  artistRegions,
  artists,
  continuationChecks,
  employments,
  fundingLines,
  organisations,
  pilotArtForms,
  pilotMunicipalities,
  pilotPartners,
  pilotProgrammes,
  pilots,
  pilotSectors,
  pilotSources,
  pilotTargetGroups,
  programmePhases,
  programmes,
  serviceLanguages,
  services,
  serviceTargetGroups,
  userMunicipalities,
  userOrganisations,
  users,
} from "../schema";
import { PROGRAMME_CODE, TAIKU_CODE } from "./facts";

export const DEMO_PASSWORD = "Rajaton-demo-2026";
export const DEMO_ACCOUNTS = [
  { email: "admin@rajaton.example", role: "admin", name: "Aino Admin", language: "fi" },
  { email: "council@rajaton.example", role: "council", name: "Kaisa Koordinaattori", language: "fi" },
  { email: "staff.kauhava@rajaton.example", role: "staff", name: "Kalle Kulttuurisihteeri", language: "fi" },
  { email: "staff.vasa@rajaton.example", role: "staff", name: "Stina Kultursekreterare", language: "sv" },
  { email: "artist@rajaton.example", role: "artist", name: "Helmi Heinonen", language: "fi" },
] as const;

/** Deterministic pseudo-random numbers so the demo data is the same on every machine. */
export function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type DemoPilot = {
  title: { fi?: string; sv?: string };
  summary: { fi?: string; sv?: string };
  /** An easy-to-read summary (selkokieli / lättläst), where the demo shows one. */
  easyRead?: { fi?: string; sv?: string };
  municipalities: string[]; // codes, lead first
  phase: "2015" | "2016";
  start: string;
  end: string;
  groups: string[];
  forms: string[];
  sectors: string[];
  checks: [string, string][]; // [date, status]
  state?: PilotState;
  taiku?: boolean;
};

// Latest statuses: 15 continuing (incl. partly) and 4 ended among 19 followed-up pilots, with the two real ones: 78.9 %.
const DEMO_PILOTS: DemoPilot[] = [
  {
    title: { fi: "Laulava kotihoito", sv: "Sjungande hemvård" },
    summary: {
      fi: "Muusikot laulavat kotihoidon asiakkaiden kanssa viikoittain.",
      sv: "Musiker sjunger med hemvårdens klienter varje vecka.",
    },
    easyRead: {
      fi: "Muusikko tulee kotiin kerran viikossa.\nMuusikko ja asiakas laulavat yhdessä tuttuja lauluja.\nLaulaminen tuo iloa arkeen.",
      sv: "En musiker kommer hem till dig en gång i veckan.\nNi sjunger välkända sånger tillsammans.\nSången ger glädje i vardagen.",
    },
    municipalities: ["743"],
    phase: "2015",
    start: "2015-03-01",
    end: "2015-12-31",
    groups: ["older_people"],
    forms: ["music"],
    sectors: ["culture", "social", "health"],
    checks: [
      ["2016-06-15", "continues_own"],
      ["2017-06-20", "continues_own"],
    ],
    taiku: true,
  },
  {
    title: { fi: "Taidetta palvelukotiin", sv: "Konst till servicehemmet" },
    summary: {
      fi: "Kuvataiteilija ohjaa maalausryhmää palvelukodin asukkaille.",
      sv: "En bildkonstnär leder en målargrupp för servicehemmets invånare.",
    },
    municipalities: ["408"],
    phase: "2015",
    start: "2015-04-01",
    end: "2015-12-31",
    groups: ["older_people"],
    forms: ["visual_arts"],
    sectors: ["culture", "social"],
    checks: [["2016-09-01", "continues_own"]],
  },
  {
    title: { fi: "Tanssien muistoihin", sv: "Dansa till minnen" },
    summary: {
      fi: "Tanssitaiteilija ja muistihoitajat kehittävät liikkeellistä muistelua.",
      sv: "En danskonstnär och minnesskötare utvecklar rörelsebaserat minnesarbete.",
    },
    municipalities: ["301"],
    phase: "2015",
    start: "2015-03-15",
    end: "2015-11-30",
    groups: ["older_people"],
    forms: ["dance"],
    sectors: ["culture", "health"],
    checks: [
      ["2016-05-10", "continues_own"],
      ["2017-05-12", "continues_partly"],
    ],
  },
  {
    title: { fi: "Sanataidetta kehitysvammaisille aikuisille" },
    summary: { fi: "Sanataideryhmä kehitysvammaisten henkilöiden työtoiminnassa." },
    easyRead: {
      fi: "Ryhmä kokoontuu työtoiminnassa.\nRyhmässä kirjoitetaan ja kerrotaan tarinoita.\nKirjailija ohjaa ryhmää.",
    },
    municipalities: ["010"],
    phase: "2015",
    start: "2015-05-01",
    end: "2015-12-31",
    groups: ["intellectual_disabilities"],
    forms: ["literature"],
    sectors: ["culture", "social"],
    checks: [["2016-08-30", "ended"]],
  },
  {
    title: { fi: "Nuorten valokuvapaja", sv: "Fotoverkstad för unga" },
    summary: {
      fi: "Valokuvaaja ohjaa työpajaa nuorille, joilla on syrjäytymisen riski.",
      sv: "En fotograf leder en verkstad för unga som riskerar social utslagning.",
    },
    municipalities: ["232"],
    phase: "2015",
    start: "2015-02-15",
    end: "2015-12-15",
    groups: ["social_exclusion_risk", "young_people"],
    forms: ["photography"],
    sectors: ["culture", "youth", "social"],
    checks: [["2016-04-20", "continues_other"]],
  },
  {
    title: { sv: "Kulturgrannar i Närpes" },
    summary: { sv: "Frivilliga kulturgrannar och en musiker besöker äldre i hemmet." },
    municipalities: ["545"],
    phase: "2015",
    start: "2015-03-01",
    end: "2015-12-31",
    groups: ["older_people"],
    forms: ["music", "theatre"],
    sectors: ["culture", "social"],
    checks: [["2016-06-01", "continues_own"]],
  },
  {
    title: { fi: "Taidetta reseptillä Pietarsaaressa", sv: "Konst på recept i Jakobstad" },
    summary: {
      fi: "Terveyskeskus ohjaa asiakkaita taidetyöpajoihin.",
      sv: "Hälsovårdscentralen remitterar klienter till konstverkstäder.",
    },
    municipalities: ["598", "599"],
    phase: "2015",
    start: "2015-04-01",
    end: "2015-12-31",
    groups: ["mental_health"],
    forms: ["visual_arts"],
    sectors: ["culture", "health"],
    checks: [["2016-10-01", "transferred"]],
  },
  {
    title: { fi: "Teatteria toimintakeskukseen", sv: "Teater i dagverksamheten" },
    summary: {
      fi: "Teatteriryhmä kehitysvammaisten henkilöiden päivätoiminnassa.",
      sv: "En teatergrupp i dagverksamheten för personer med intellektuell funktionsnedsättning.",
    },
    municipalities: ["905"],
    phase: "2015",
    start: "2015-03-01",
    end: "2015-12-31",
    groups: ["intellectual_disabilities"],
    forms: ["theatre"],
    sectors: ["culture", "social"],
    checks: [["2016-12-01", "continues_partly"]],
  },
  {
    title: { fi: "Sirkusta senioreille", sv: "Cirkus för seniorer" },
    summary: {
      fi: "Sirkustaiteilija ohjaa tasapaino- ja jongleerausharjoituksia senioreille.",
      sv: "En cirkusartist leder balans- och jongleringsövningar för seniorer.",
    },
    municipalities: ["145"],
    phase: "2015",
    start: "2015-05-01",
    end: "2015-12-31",
    groups: ["older_people"],
    forms: ["circus"],
    sectors: ["culture", "health"],
    checks: [["2016-06-30", "ended"]],
  },
  {
    title: { fi: "Käsityökahvila", sv: "Hantverkscafé" },
    summary: {
      fi: "Matalan kynnyksen käsityökahvila työttömille ja yksinäisille.",
      sv: "Ett lågtröskelcafé med hantverk för arbetslösa och ensamma.",
    },
    municipalities: ["005", "934"],
    phase: "2015",
    start: "2015-02-01",
    end: "2015-12-31",
    groups: ["social_exclusion_risk"],
    forms: ["crafts"],
    sectors: ["culture", "social"],
    checks: [
      ["2016-06-01", "continues_partly"],
      ["2018-06-01", "unknown"],
    ],
  },
  {
    title: { sv: "Musik i vardagen på Malax bäddavdelning", fi: "Musiikkia arkeen Maalahden vuodeosastolla" },
    summary: { sv: "En musiker spelar och sjunger med patienter på bäddavdelningen varje vecka." },
    municipalities: ["475"],
    phase: "2016",
    start: "2016-05-01",
    end: "2016-12-31",
    groups: ["older_people"],
    forms: ["music"],
    sectors: ["culture", "health"],
    checks: [
      ["2017-06-01", "continues_own"],
      ["2018-06-01", "continues_own"],
    ],
    taiku: true,
  },
  {
    title: { fi: "Kamerat kädessä", sv: "Kameran i hand" },
    summary: { fi: "Nuoret kuvaavat lyhytelokuvia omasta kylästään.", sv: "Unga filmar kortfilmer om sin egen by." },
    municipalities: ["152"],
    phase: "2016",
    start: "2016-06-01",
    end: "2016-12-31",
    groups: ["young_people"],
    forms: ["photography", "media_arts"],
    sectors: ["culture", "youth"],
    checks: [["2017-08-15", "ended"]],
  },
  {
    title: { fi: "Tarinoiden talo", sv: "Berättelsernas hus" },
    summary: {
      fi: "Sanataiteilija kokoaa ikäihmisten ja maahanmuuttajien tarinoita.",
      sv: "En ordkonstnär samlar berättelser av äldre och invandrare.",
    },
    municipalities: ["743", "145"],
    phase: "2016",
    start: "2016-04-01",
    end: "2016-12-31",
    groups: ["older_people", "immigrants"],
    forms: ["literature"],
    sectors: ["culture", "social", "education"],
    checks: [["2017-09-01", "continues_other"]],
  },
  {
    title: { sv: "Dans för alla i Korsholm", fi: "Tanssia kaikille Mustasaaressa" },
    summary: {
      sv: "Inkluderande dans för personer med intellektuell funktionsnedsättning och deras assistenter.",
      fi: "Osallistavaa tanssia kehitysvammaisille henkilöille ja heidän avustajilleen.",
    },
    municipalities: ["499"],
    phase: "2016",
    start: "2016-03-01",
    end: "2016-12-31",
    groups: ["intellectual_disabilities"],
    forms: ["dance"],
    sectors: ["culture", "social"],
    checks: [["2017-04-01", "continues_own"]],
  },
  {
    title: {
      fi: "Kuvataidetta kehitysvammaisille aikuisille",
      sv: "Bildkonst för vuxna med intellektuell funktionsnedsättning",
    },
    summary: {
      fi: "Viikoittainen kuvataideryhmä asumisyksikössä.",
      sv: "En bildkonstgrupp varje vecka i boendeenheten.",
    },
    municipalities: ["233"],
    phase: "2016",
    start: "2016-02-01",
    end: "2016-11-30",
    groups: ["intellectual_disabilities"],
    forms: ["visual_arts"],
    sectors: ["culture", "social"],
    checks: [["2017-03-01", "continues_other"]],
  },
  {
    title: { sv: "Kulturombud i Vörå", fi: "Kulttuuriasiamiehet Vöyrillä" },
    summary: { sv: "Kulturombud på äldreboenden ordnar konst- och musikstunder." },
    municipalities: ["946"],
    phase: "2016",
    start: "2016-03-01",
    end: "2016-12-31",
    groups: ["older_people"],
    forms: ["multidisciplinary"],
    sectors: ["culture", "social", "health"],
    checks: [["2017-10-01", "continues_partly"]],
  },
  {
    title: { fi: "Taidelähete nuorille", sv: "Konstremiss för unga" },
    summary: {
      fi: "Nuorisotyö ja taiteilijat tarjoavat taidepajoja syrjäytymisvaarassa oleville nuorille.",
      sv: "Ungdomsarbetet och konstnärer erbjuder konstverkstäder för unga som riskerar social utslagning.",
    },
    municipalities: ["408"],
    phase: "2016",
    start: "2016-01-15",
    end: "2016-12-31",
    groups: ["social_exclusion_risk", "mental_health"],
    forms: ["visual_arts", "music"],
    sectors: ["culture", "youth", "health"],
    checks: [["2017-06-01", "ended"]],
  },
  {
    title: { sv: "Sång och lek i familjecentret", fi: "Laulu- ja leikkituokiot perhekeskuksessa" },
    summary: { sv: "Musiklekstunder för småbarnsfamiljer i familjecentret." },
    municipalities: ["287"],
    phase: "2016",
    start: "2016-04-01",
    end: "2016-12-31",
    groups: ["children_families"],
    forms: ["music"],
    sectors: ["culture", "social", "education"],
    checks: [],
    state: "draft",
  },
  {
    title: { fi: "Muistojen kuvat", sv: "Minnenas bilder" },
    summary: {
      fi: "Valokuvataiteilija ja ikäihmiset kokoavat muistojen näyttelyn.",
      sv: "En fotokonstnär och äldre sammanställer en utställning om minnen.",
    },
    municipalities: ["010"],
    phase: "2016",
    start: "2016-05-01",
    end: "2016-12-31",
    groups: ["older_people"],
    forms: ["photography"],
    sectors: ["culture", "social"],
    checks: [["2017-11-01", "continues_own"]],
    state: "submitted",
  },
];

const FIRST = [
  "Helmi",
  "Aino",
  "Eero",
  "Veikko",
  "Sanna",
  "Mikael",
  "Linnea",
  "Johanna",
  "Oskar",
  "Elina",
  "Tuomas",
  "Ida",
  "Matilda",
  "Ville",
  "Emma",
  "Anders",
  "Sofia",
  "Jussi",
  "Karin",
  "Petra",
];
const LAST = [
  "Heinonen",
  "Mäkelä",
  "Björklund",
  "Koskinen",
  "Lindqvist",
  "Rantala",
  "Nyström",
  "Hakala",
  "Sjöberg",
  "Laine",
  "Holm",
  "Salo",
];
const GROUP_NAMES = [
  "Teatteri Tuulispää",
  "Ensemble Kustvind",
  "Sirkus Taivaanranta",
  "Kollektivet Ljusglimt",
  "Tanssiryhmä Askel",
  "Kuvataideyhdistys Sävy",
  "Musikförening Klang",
  "Tarinatalo Oy",
];
const AREA = [
  { region: "14", municipalities: ["743", "408", "145", "301", "232", "233", "010", "005"] },
  { region: "15", municipalities: ["905", "499", "946", "545", "598", "475", "893", "287"] },
];
const FORMS = [
  "music",
  "visual_arts",
  "theatre",
  "dance",
  "literature",
  "circus",
  "crafts",
  "photography",
  "media_arts",
  "multidisciplinary",
];
const FORM_WORDS: Record<string, { fi: string; sv: string }> = {
  music: { fi: "musiikki", sv: "musik" },
  visual_arts: { fi: "kuvataide", sv: "bildkonst" },
  theatre: { fi: "teatteri", sv: "teater" },
  dance: { fi: "tanssi", sv: "dans" },
  literature: { fi: "sanataide", sv: "ordkonst" },
  circus: { fi: "sirkus", sv: "cirkus" },
  crafts: { fi: "käsityö", sv: "hantverk" },
  photography: { fi: "valokuvaus", sv: "fotografi" },
  media_arts: { fi: "mediataide", sv: "mediekonst" },
  multidisciplinary: { fi: "monitaide", sv: "mångkonst" },
};
const FORMATS = [
  { code: "workshop_series", fi: "Työpajasarja", sv: "Verkstadsserie" },
  { code: "single_workshop", fi: "Työpaja", sv: "Verkstad" },
  { code: "performance", fi: "Esitys", sv: "Föreställning" },
  { code: "course", fi: "Kurssi", sv: "Kurs" },
  { code: "outreach", fi: "Jalkautuva toiminta", sv: "Uppsökande verksamhet" },
];

export async function demoPresent(db: Db) {
  const rows = await db.select({ id: pilots.id }).from(pilots).where(eq(pilots.isExample, true)).limit(1);
  return rows.length > 0;
}

export async function seedDemo(db: Db) {
  if (await demoPresent(db)) return;
  const rand = prng(2015);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    const [programme] = await tx
      .select({ id: programmes.id })
      .from(programmes)
      .where(eq(programmes.code, PROGRAMME_CODE));
    const [taiku] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, TAIKU_CODE));
    const phases = await tx
      .select({ id: programmePhases.id, code: programmePhases.code })
      .from(programmePhases)
      .where(eq(programmePhases.programmeId, programme.id));
    const phaseId = (code: string) => phases.find((p) => p.code === code)!.id;
    const funders = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations);
    const okm = funders.find((f) => f.name.fi?.startsWith("Opetus-"))!.id;
    const epl = funders.find((f) => f.name.fi === "Etelä-Pohjanmaan liitto")!.id;
    const pl = funders.find((f) => f.name.fi === "Pohjanmaan liitto")!.id;

    // A municipality organisation for each municipality a demo pilot runs in (its own share is funding).
    // One organisation per municipality: where the real facts already hold one (Kauhavan kaupunki),
    // the demo data uses it instead of adding a second under the bare municipality name.
    const muniCodes = [...new Set(DEMO_PILOTS.flatMap((p) => p.municipalities))];
    const muniRows = await tx.query.municipalities.findMany({
      where: (m, { inArray: inArr }) => inArr(m.code, muniCodes),
    });
    const muniOrg = new Map<string, number>();
    const existingMuniOrgs = await tx
      .select({ id: organisations.id, code: organisations.municipalityCode })
      .from(organisations)
      .where(and(eq(organisations.kind, "municipality"), inArray(organisations.municipalityCode, muniCodes)))
      .orderBy(organisations.id);
    for (const o of existingMuniOrgs) if (o.code && !muniOrg.has(o.code)) muniOrg.set(o.code, o.id);
    for (const m of muniRows) {
      if (muniOrg.has(m.code)) continue;
      const [row] = await tx
        .insert(organisations)
        .values({ name: m.name, kind: "municipality", municipalityCode: m.code, isExample: true })
        .returning({ id: organisations.id });
      muniOrg.set(m.code, row.id);
    }
    const [association] = await tx
      .insert(organisations)
      .values({
        name: { fi: "Pohjanmaan Muistiyhdistys ry", sv: "Österbottens minnesförening rf" },
        kind: "association",
        isExample: true,
      })
      .returning({ id: organisations.id });
    const [foundation] = await tx
      .insert(organisations)
      .values({
        name: { fi: "Kulttuurisäätiö Lakeus", sv: "Kulturstiftelsen Lakeus" },
        kind: "foundation",
        isExample: true,
        businessId: "1572860-0",
      })
      .returning({ id: organisations.id });

    // Artists.
    const artistIds: { id: number; forms: string[] }[] = [];
    for (let i = 0; i < 40; i++) {
      const isGroup = i % 5 === 4;
      const name = isGroup ? GROUP_NAMES[(i / 5) | 0] : `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
      const area = AREA[i % 2];
      const forms = [FORMS[i % FORMS.length], ...(i % 3 === 0 ? [FORMS[(i + 3) % FORMS.length]] : [])];
      const w = FORM_WORDS[forms[0]];
      const swedishSpeaking = i % 2 === 1;
      const languages = swedishSpeaking
        ? ["sv", ...(i % 4 === 1 ? ["fi"] : []), ...(i % 6 === 1 ? ["en"] : [])]
        : ["fi", ...(i % 4 === 0 ? ["sv"] : []), ...(i % 7 === 0 ? ["en"] : [])];
      const bio = {
        fi:
          i % 8 === 3
            ? undefined
            : `Ammattitaiteilija, taiteenalana ${w.fi}. Osallistavaa toimintaa ikäihmisille ja erityisryhmille vuodesta ${2005 + (i % 10)}.`,
        sv:
          !swedishSpeaking && i % 3 !== 0
            ? undefined
            : `Professionell konstnär inom ${w.sv}. Deltagande konst för äldre och särskilda grupper sedan ${2005 + (i % 10)}.`,
      };
      const state = i === 38 ? "submitted" : i === 39 ? "returned" : i === 37 ? "draft" : "approved";
      const slug = name
        .toLowerCase()
        .normalize("NFD")
        .replace(/[^a-z]+/g, ".")
        .replace(/^\.|\.$/g, "");
      const [artist] = await tx
        .insert(artists)
        .values({
          kind: isGroup ? (i % 10 === 4 ? "group" : "association") : "person",
          name,
          bio,
          website: `https://${slug.replace(/\./g, "")}.example`,
          contactEmail: `${slug}@artist.example`,
          contactPhone: `040 ${String(1000000 + i * 7919).slice(0, 3)} ${String(1000 + i * 37).slice(0, 4)}`,
          contactConsent: i % 3 !== 2,
          showDaysConsent: i % 2 === 0,
          state,
          returnReason:
            state === "returned" ? "Lisää esittely myös ruotsiksi. / Lägg till en presentation även på svenska." : null,
          approvedAt: state === "approved" ? new Date("2016-01-15T10:00:00Z") : null,
          isExample: true,
        })
        .returning({ id: artists.id });
      artistIds.push({ id: artist.id, forms });
      await tx.insert(artistArtForms).values(forms.map((artFormCode) => ({ artistId: artist.id, artFormCode })));
      await tx.insert(artistLanguages).values(languages.map((language) => ({ artistId: artist.id, language })));
      await tx.insert(artistRegions).values({ artistId: artist.id, regionCode: area.region });
      const served = [area.municipalities[i % 8], area.municipalities[(i + 3) % 8]];
      await tx
        .insert(artistMunicipalities)
        .values([...new Set(served)].map((municipalityCode) => ({ artistId: artist.id, municipalityCode })));
      for (let s = 0; s < 2; s++) {
        const format = FORMATS[(i + s * 2) % FORMATS.length];
        const form = forms[s % forms.length];
        const fw = FORM_WORDS[form];
        const priceFrom = (150 + ((i * 13 + s * 50) % 350)) * 100;
        const [service] = await tx
          .insert(services)
          .values({
            artistId: artist.id,
            title: {
              fi: swedishSpeaking && s === 1 ? undefined : `${format.fi}: ${fw.fi}`,
              sv: !swedishSpeaking && s === 1 && i % 3 !== 0 ? undefined : `${format.sv}: ${fw.sv}`,
            },
            description: {
              fi: `${format.fi} (${fw.fi}), sovitetaan ryhmän toimintakyvyn mukaan.`,
              sv:
                swedishSpeaking || i % 3 === 0
                  ? `${format.sv} (${fw.sv}), anpassas efter gruppens funktionsförmåga.`
                  : undefined,
            },
            artFormCode: form,
            format: format.code,
            durationMinutes: [45, 60, 90, 120][(i + s) % 4],
            groupSizeMin: 3,
            groupSizeMax: 8 + ((i + s) % 4) * 4,
            priceFromCents: s === 1 && i % 6 === 0 ? null : priceFrom,
            priceToCents: s === 1 && i % 6 === 0 ? null : priceFrom + 10000,
            priceOnRequest: s === 1 && i % 6 === 0,
            accessibility:
              i % 2 === 0
                ? {
                    fi: "Sopii liikuntarajoitteisille ja muistisairaille.",
                    sv: "Passar personer med begränsad rörlighet och minnessjukdomar.",
                  }
                : {},
            state: state === "approved" ? "approved" : "submitted",
            isExample: true,
          })
          .returning({ id: services.id });
        const groups = [
          ["older_people"],
          ["intellectual_disabilities"],
          ["social_exclusion_risk", "young_people"],
          ["older_people", "mental_health"],
        ][(i + s) % 4];
        await tx
          .insert(serviceTargetGroups)
          .values(groups.map((targetGroupCode) => ({ serviceId: service.id, targetGroupCode })));
        await tx.insert(serviceLanguages).values(languages.map((language) => ({ serviceId: service.id, language })));
      }
    }

    // Pilots.
    for (const [index, p] of DEMO_PILOTS.entries()) {
      const lead = p.municipalities[0];
      const swedish = !p.title.fi || ["545", "475", "499", "946", "287", "598"].includes(lead);
      const state = p.state ?? "published";
      const sessions = 10 + Math.floor(rand() * 30);
      const [pilot] = await tx
        .insert(pilots)
        .values({
          title: p.title,
          summary: p.summary,
          easyRead: p.easyRead ?? {},
          description: swedish
            ? {
                sv: `${p.summary.sv ?? ""} Pilotprojektet genomfördes i samarbete mellan kulturväsendet och social- och hälsovården.`,
              }
            : {
                fi: `${p.summary.fi ?? ""} Pilotti toteutettiin kulttuuritoimen sekä sosiaali- ja terveyspalvelujen yhteistyönä.`,
                ...(p.summary.sv
                  ? {
                      sv: `${p.summary.sv} Pilotprojektet genomfördes i samarbete mellan kulturväsendet och social- och hälsovården.`,
                    }
                  : {}),
              },
          startDate: p.start,
          endDate: p.end,
          implementerId: muniOrg.get(lead)!,
          state,
          publishedAt: state === "published" ? new Date(`${p.end}T12:00:00Z`) : null,
          contactName: swedish ? "Kultursekreteraren" : "Kulttuurisihteeri",
          contactEmail: `kultur.${lead}@kunta.example`,
          sessionsHeld: sessions,
          gpProblem:
            index % 3 === 0
              ? {
                  fi: "Asiakkailla on vähän mielekästä tekemistä ja osallisuuden kokemuksia.",
                  sv: "Klienterna har lite meningsfull sysselsättning och få upplevelser av delaktighet.",
                }
              : {},
          gpSolution:
            index % 3 === 0
              ? {
                  fi: "Ammattitaiteilijan ohjaama ryhmä kerran viikossa noin 3 tuntia, enintään 8 osallistujaa.",
                  sv: "En grupp ledd av en professionell konstnär en gång i veckan cirka 3 timmar, högst 8 deltagare.",
                }
              : {},
          gpResultsClient: index % 3 === 0 ? { fi: "Hyvinvointi ja osallisuus lisääntyivät." } : {},
          gpResultsService: index % 3 === 0 ? { fi: "Uusi palvelumuoto osaksi yksikön arkea." } : {},
          gpResultsSociety:
            index % 3 === 0 ? { fi: "Yksinäisyys väheni ja palvelujen käyttö ennaltaehkäisevänä lisääntyi." } : {},
          costPerSessionCents: index % 3 === 0 ? 33000 : null,
          maxGroupSize: index % 3 === 0 ? 8 : null,
          sessionHours: index % 3 === 0 ? "3" : null,
          isExample: true,
        })
        .returning({ id: pilots.id });
      await tx
        .insert(pilotProgrammes)
        .values([
          { pilotId: pilot.id, programmeId: programme.id, phaseId: phaseId(p.phase) },
          ...(p.taiku ? [{ pilotId: pilot.id, programmeId: taiku.id }] : []),
        ]);
      await tx
        .insert(pilotMunicipalities)
        .values(
          p.municipalities.map((municipalityCode, i) => ({ pilotId: pilot.id, municipalityCode, isLead: i === 0 })),
        );
      await tx.insert(pilotSectors).values(p.sectors.map((sectorCode) => ({ pilotId: pilot.id, sectorCode })));
      await tx
        .insert(pilotTargetGroups)
        .values(p.groups.map((targetGroupCode) => ({ pilotId: pilot.id, targetGroupCode })));
      await tx.insert(pilotArtForms).values(p.forms.map((artFormCode) => ({ pilotId: pilot.id, artFormCode })));
      if (index % 4 === 1)
        await tx.insert(pilotPartners).values({ pilotId: pilot.id, organisationId: association.id, role: "partner" });
      if (index % 5 === 2)
        await tx.insert(pilotPartners).values({ pilotId: pilot.id, organisationId: foundation.id, role: "funder" });
      await tx.insert(activityFigures).values(
        p.groups.map((targetGroupCode) => ({
          pilotId: pilot.id,
          targetGroupCode,
          participants: 8 + Math.floor(rand() * 60),
        })),
      );
      const grant =
        (p.phase === "2015" ? 5000 + Math.floor(rand() * 10) * 1000 : 4000 + Math.floor(rand() * 8) * 1000) * 100;
      await tx
        .insert(fundingLines)
        .values([
          { pilotId: pilot.id, funderId: okm, amountCents: grant, kind: "grant" },
          { pilotId: pilot.id, funderId: muniOrg.get(lead)!, amountCents: Math.round(grant * 0.3), kind: "own_share" },
          ...(index % 3 === 1
            ? [{ pilotId: pilot.id, funderId: muniOrg.get(lead)!, amountCents: 150000, kind: "in_kind" }]
            : []),
          ...(p.phase === "2016"
            ? [{ pilotId: pilot.id, funderId: lead < "400" ? epl : pl, amountCents: 200000, kind: "grant" }]
            : []),
          ...(index % 5 === 2
            ? [{ pilotId: pilot.id, funderId: foundation.id, amountCents: 100000, kind: "grant" }]
            : []),
        ]);
      const matching = artistIds.filter((a) => a.forms.some((f) => p.forms.includes(f)));
      const employed = [
        matching[index % Math.max(matching.length, 1)] ?? pick(artistIds),
        ...(index % 2 === 0 ? [pick(artistIds)] : []),
      ];
      for (const a of new Map(employed.map((e) => [e.id, e])).values()) {
        const days = 5 + Math.floor(rand() * 30);
        await tx.insert(employments).values({
          pilotId: pilot.id,
          artistId: a.id,
          artFormCode: a.forms.find((f) => p.forms.includes(f)) ?? a.forms[0],
          role: swedish ? "Konstnär" : "Ohjaava taiteilija",
          days: String(days),
          feeCents: days * (25000 + Math.floor(rand() * 10) * 1000),
          // Listed artists are professionals; one in seven rows leaves it unstated, as real forms will.
          professional: index % 7 === 5 ? null : true,
        });
      }
      if (index % 6 === 3) {
        await tx.insert(employments).values({
          pilotId: pilot.id,
          artistName: "Vierailija / Gästartist",
          role: "Esiintyjä",
          days: "2",
          feeCents: 60000,
          professional: false,
        });
      }
      await tx
        .insert(pilotSources)
        .values({ pilotId: pilot.id, title: "Esimerkkiaineisto / Exempeldata", document: "Demo" });
      for (const [checkedOn, statusCode] of p.checks) {
        await tx.insert(continuationChecks).values({
          pilotId: pilot.id,
          checkedOn,
          statusCode,
          fundingAfter: statusCode.startsWith("continues_own")
            ? swedish
              ? "Kommunens kulturbudget"
              : "Kunnan kulttuuritoimen talousarvio"
            : null,
          evidenceRef:
            statusCode === "unknown" ? null : swedish ? "Bildningsnämndens beslut" : "Sivistyslautakunnan päätös",
          notes: null,
          checkedByName: swedish ? "Kultursekreteraren" : "Kulttuurisihteeri",
          isExample: true,
        });
      }
    }

    // Demo accounts, one per role.
    const staffScopes: Record<string, string[]> = {
      "staff.kauhava@rajaton.example": ["233", "052", "403", "934"],
      "staff.vasa@rajaton.example": ["905", "499", "287"],
    };
    const kaks = funders.find((f) => f.name.fi === "Kuntayhtymä Kaksineuvoinen")!.id;
    for (const account of DEMO_ACCOUNTS) {
      const [user] = await tx
        .insert(users)
        .values({ ...account, passwordHash, emailVerifiedAt: new Date(), isExample: true })
        .returning({ id: users.id });
      const scope = staffScopes[account.email];
      if (scope) {
        await tx
          .insert(userMunicipalities)
          .values(scope.map((municipalityCode) => ({ userId: user.id, municipalityCode })));
        if (account.email.startsWith("staff.kauhava"))
          await tx.insert(userOrganisations).values({ userId: user.id, organisationId: kaks });
      }
      if (account.role === "artist") {
        await tx.update(artists).set({ userId: user.id, name: account.name }).where(eq(artists.id, artistIds[0].id));
      }
    }
  });
  await seedDemoFollowUps(db);
}

/** Removes every example record and leaves the real facts and reference data. */
export async function removeDemo(db: Db) {
  await db.transaction(async (tx) => {
    await tx.delete(pilots).where(eq(pilots.isExample, true));
    await tx.delete(continuationChecks).where(eq(continuationChecks.isExample, true));
    await tx.delete(artists).where(eq(artists.isExample, true));
    await tx.delete(users).where(eq(users.isExample, true));
    const orgs = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.isExample, true));
    if (orgs.length) {
      const ids = orgs.map((o) => o.id);
      await tx.delete(fundingLines).where(inArray(fundingLines.funderId, ids));
      await tx.delete(pilotPartners).where(inArray(pilotPartners.organisationId, ids));
      await tx.delete(organisations).where(inArray(organisations.id, ids));
    }
  });
}
