/**
 * Municipalities in the pilot form: typed as a name in either language (or the label the
 * suggestions show), stored as a code.
 */
import type { Localized } from "~shared/codes";

/** Lower-case, accents kept, parenthesised other-language name removed: "Vaasa (Vasa)" → "vaasa". */
export function normalizeMunicipality(s: string) {
  return s.trim().toLowerCase().replace(/\s+/g, " ");
}

export type MunicipalityLookup = (typed: string) => string | null;

/** Builds the lookup the form uses: a municipality is found by its code, either language's name, or the label shown. */
export function municipalityLookup(list: { code: string; name: Localized }[]): MunicipalityLookup {
  const map = new Map<string, string>();
  for (const m of list) {
    map.set(m.code, m.code);
    for (const lang of ["fi", "sv"] as const) {
      const n = m.name[lang];
      if (n) map.set(normalizeMunicipality(n), m.code);
    }
    for (const lang of ["fi", "sv"] as const) map.set(normalizeMunicipality(municipalityLabel(m.name, lang)), m.code);
  }
  return (typed) => map.get(normalizeMunicipality(typed)) ?? null;
}

/** The label in the combobox: the page language's name, the other language's in parentheses when it differs ("Vaasa (Vasa)"). */
export function municipalityLabel(name: Localized, lang: "fi" | "sv") {
  const own = name[lang] || name[lang === "fi" ? "sv" : "fi"] || "";
  const other = name[lang === "fi" ? "sv" : "fi"];
  return other && other !== own ? `${own} (${other})` : own;
}
