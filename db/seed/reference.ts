/** Reference data: regions, municipalities, classifications. Idempotent. */
import fs from "node:fs";
import path from "node:path";
import type { Db } from "../connect";
import {
  artForms,
  continuationStatuses,
  municipalities,
  municipalityLanguages,
  municipalityRegions,
  regions,
  sectors,
  targetGroups,
} from "../schema";

type Row = Record<string, string>;

export function readMunicipalityCsv(): Row[] {
  const text = fs.readFileSync(path.resolve("db/data/municipalities.csv"), "utf8").trim();
  const [head, ...lines] = text.split(/\r?\n/);
  const cols = head.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(cols.map((c, i) => [c, cells[i]]));
  });
}

export const TARGET_GROUPS = [
  ["older_people", "Ikäihmiset", "Äldre"],
  ["intellectual_disabilities", "Kehitysvammaiset henkilöt", "Personer med intellektuell funktionsnedsättning"],
  ["social_exclusion_risk", "Syrjäytymisvaarassa olevat", "Personer som riskerar social utslagning"],
  ["mental_health", "Mielenterveyskuntoutujat", "Personer i psykiatrisk rehabilitering"],
  ["children_families", "Lapset ja perheet", "Barn och familjer"],
  ["young_people", "Nuoret", "Unga"],
  ["immigrants", "Maahanmuuttajataustaiset", "Personer med invandrarbakgrund"],
  ["other_special", "Muut erityisryhmät", "Andra särskilda grupper"],
] as const;

export const ART_FORMS = [
  ["music", "Musiikki", "Musik"],
  ["visual_arts", "Kuvataide", "Bildkonst"],
  ["theatre", "Teatteri", "Teater"],
  ["dance", "Tanssi", "Dans"],
  ["literature", "Sanataide ja kirjallisuus", "Ordkonst och litteratur"],
  ["circus", "Sirkus", "Cirkus"],
  ["crafts", "Käsityö", "Hantverk"],
  ["photography", "Valokuvataide", "Fotokonst"],
  ["media_arts", "Media- ja elokuvataide", "Medie- och filmkonst"],
  ["multidisciplinary", "Monitaide", "Mångkonst"],
] as const;

export const SECTORS = [
  ["culture", "Kulttuuri", "Kultur"],
  ["social", "Sosiaalipalvelut", "Socialtjänster"],
  ["health", "Terveyspalvelut", "Hälso- och sjukvård"],
  ["education", "Opetus ja koulutus", "Undervisning och utbildning"],
  ["youth", "Nuorisotyö", "Ungdomsarbete"],
  ["other", "Muu", "Annat"],
] as const;

/** product.md, "Continuation: the definition the dashboard uses". */
export const CONTINUATION_STATUSES = [
  ["continues_own", "Jatkuu omalla rahoituksella", "Fortsätter med egen finansiering", "continuing"],
  ["continues_other", "Jatkuu muulla rahoituksella", "Fortsätter med annan finansiering", "continuing"],
  ["continues_partly", "Jatkuu osittain", "Fortsätter delvis", "partly"],
  ["transferred", "Siirtynyt toiselle järjestäjälle", "Överförd till annan anordnare", "continuing"],
  ["ended", "Päättynyt", "Avslutad", "ended"],
  ["unknown", "Ei tiedossa", "Okänt", "unknown"],
] as const;

/** Isokyrö (152) belonged to Pohjanmaa until 31.12.2020 and to Etelä-Pohjanmaa from 1.1.2021. */
const REGION_HISTORY: Record<string, { region: string; from: string; to: string | null }[]> = {
  "152": [
    { region: "15", from: "1970-01-01", to: "2021-01-01" },
    { region: "14", from: "2021-01-01", to: null },
  ],
};

export async function seedReference(db: Db) {
  const rows = readMunicipalityCsv();
  await db.transaction(async (tx) => {
    const regionMap = new Map<string, { fi: string; sv: string }>();
    for (const r of rows) regionMap.set(r.region_code, { fi: r.region_fi, sv: r.region_sv });
    await tx
      .insert(regions)
      .values([...regionMap].map(([code, name]) => ({ code, name })))
      .onConflictDoNothing();
    await tx
      .insert(municipalities)
      .values(
        rows.map((r) => ({
          code: r.code,
          name: { fi: r.name_fi, sv: r.name_sv },
          kind: r.kind,
          population: Number(r.population),
        })),
      )
      .onConflictDoNothing();
    const existing = await tx.select({ code: municipalityRegions.municipalityCode }).from(municipalityRegions).limit(1);
    if (existing.length === 0) {
      await tx.insert(municipalityRegions).values(
        rows.flatMap((r) =>
          (REGION_HISTORY[r.code] ?? [{ region: r.region_code, from: "1970-01-01", to: null }]).map((h) => ({
            municipalityCode: r.code,
            regionCode: h.region,
            validFrom: h.from,
            validTo: h.to,
          })),
        ),
      );
      await tx.insert(municipalityLanguages).values(
        rows.map((r) => ({
          municipalityCode: r.code,
          language: r.language,
          validFrom: "2023-01-01",
          validTo: "2033-01-01",
        })),
      );
    }
    const named = (list: readonly (readonly string[])[]) =>
      list.map(([code, fi, sv], i) => ({ code, name: { fi, sv }, sort: i + 1 }));
    await tx.insert(targetGroups).values(named(TARGET_GROUPS)).onConflictDoNothing();
    await tx.insert(artForms).values(named(ART_FORMS)).onConflictDoNothing();
    await tx.insert(sectors).values(named(SECTORS)).onConflictDoNothing();
    await tx
      .insert(continuationStatuses)
      .values(
        CONTINUATION_STATUSES.map(([code, fi, sv, countsAs], i) => ({ code, name: { fi, sv }, countsAs, sort: i + 1 })),
      )
      .onConflictDoNothing();
  });
}
