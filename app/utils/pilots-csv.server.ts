/**
 * Every published pilot as one CSV file (docs/decisions/104): the dashboard's Finnish-Excel dialect
 * (UTF-8 with BOM, ";", decimal comma, CRLF), one pilot a row, read from the database in keyset
 * batches by id and written as each batch arrives, so memory stays flat however many pilots there are.
 * Content in both languages has a column per language; a missing translation stays empty.
 */
import type { Db } from "~db/connect";
import { publishedPilotBatch, type PilotDumpRow } from "~db/queries/findable.server";
import type { Localized } from "~shared/codes";
import type { Cell, Column } from "./dashboard-types";
import { CSV_BOM, csvLine } from "./export.server";
import { keysetStream } from "./keyset-stream.server";

/** The columns, in order; the header row names them by `key` (docs/decisions/104 explains each). */
export const PILOT_CSV_COLUMNS: Column[] = (
  [
    ["id", "int"],
    ["url_fi", "text"],
    ["url_sv", "text"],
    ["title_fi", "text"],
    ["title_sv", "text"],
    ["summary_fi", "text"],
    ["summary_sv", "text"],
    ["easy_read_fi", "text"],
    ["easy_read_sv", "text"],
    ["start_date", "text"],
    ["end_date", "text"],
    ["implementer_fi", "text"],
    ["implementer_sv", "text"],
    ["programmes", "text"],
    ["municipalities", "text"],
    ["lead_municipality", "text"],
    ["regions", "text"],
    ["target_groups", "text"],
    ["art_forms", "text"],
    ["sectors", "text"],
    ["funders_fi", "text"],
    ["funders_sv", "text"],
    ["funding_eur", "eur"],
    ["employments", "int"],
    ["participants", "int"],
    ["sessions_held", "int"],
    ["latest_status", "text"],
    ["latest_check_date", "text"],
    ["contact_name", "text"],
    ["contact_email", "text"],
    ["example", "int"],
    ["updated_at", "text"],
  ] as const
).map(([key, kind]) => ({ key, label: key, kind }));

/** Rows read per query. */
export const PILOT_CSV_BATCH = 2000;

/** The text in one language exactly as stored: a missing translation is empty, never the other language. */
const own = (value: Localized | null | undefined, lang: "fi" | "sv") => value?.[lang]?.trim() || null;
const names = (values: Localized[], lang: "fi" | "sv") =>
  values
    .map((v) => own(v, lang))
    .filter(Boolean)
    .join(" | ") || null;

/** One pilot as a CSV record. */
export function pilotCsvRecord(p: PilotDumpRow, base: string): Record<string, Cell> {
  return {
    id: p.id,
    url_fi: `${base}/fi/pilots/${p.id}`,
    url_sv: `${base}/sv/pilots/${p.id}`,
    title_fi: own(p.title, "fi"),
    title_sv: own(p.title, "sv"),
    summary_fi: own(p.summary, "fi"),
    summary_sv: own(p.summary, "sv"),
    easy_read_fi: own(p.easyRead, "fi"),
    easy_read_sv: own(p.easyRead, "sv"),
    start_date: p.startDate,
    end_date: p.endDate,
    implementer_fi: own(p.implementer, "fi"),
    implementer_sv: own(p.implementer, "sv"),
    programmes: p.programmes,
    municipalities: p.municipalities,
    lead_municipality: p.leadMunicipality,
    regions: p.regions,
    target_groups: p.targetGroups,
    art_forms: p.artForms,
    sectors: p.sectors,
    funders_fi: names(p.funders, "fi"),
    funders_sv: names(p.funders, "sv"),
    funding_eur: p.fundingCents,
    employments: p.employments,
    participants: p.participants,
    sessions_held: p.sessionsHeld,
    latest_status: p.latestStatus,
    latest_check_date: p.latestCheckedOn,
    contact_name: p.contactName,
    contact_email: p.contactEmail,
    example: p.isExample ? 1 : 0,
    updated_at: p.updatedAt,
  };
}

/** The header row, with the BOM. */
export function pilotCsvHeader() {
  return `${CSV_BOM}${PILOT_CSV_COLUMNS.map((c) => c.key).join(";")}\r\n`;
}

/** The whole file as a byte stream: the header, then the pilots in keyset batches (keysetStream). */
export function pilotsCsvStream(db: Db, base: string, batch = PILOT_CSV_BATCH): ReadableStream<Uint8Array> {
  return keysetStream({
    head: pilotCsvHeader(),
    batch,
    read: (after, limit) => publishedPilotBatch(db, after, limit),
    encode: (rows) => rows.map((p) => csvLine(PILOT_CSV_COLUMNS, pilotCsvRecord(p, base))).join(""),
  });
}
