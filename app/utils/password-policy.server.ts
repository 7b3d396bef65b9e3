/**
 * The password policy (docs/decisions/016): at least 12 characters, at most 256, not a
 * common password, not a common word or the email's name padded with digits or symbols, and not
 * built from a handful of characters. Returns the i18n key of the first rule broken, or null.
 * The common passwords are the 49,000 of @zxcvbn-ts/language-common, plus Finnish and Swedish words
 * people use as passwords.
 */
import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

const LOCAL_WORDS = [
  "salasana",
  "salainen",
  "tunnus",
  "kirjaudu",
  "kissa",
  "koira",
  "aurinko",
  "kesäloma",
  "kevät",
  "kesä",
  "syksy",
  "talvi",
  "suomi",
  "finland",
  "rakkaus",
  "perkele",
  "hyvinvointi",
  "kulttuuri",
  "taide",
  "vaasa",
  "vasa",
  "seinäjoki",
  "kauhava",
  "lösenord",
  "hemlig",
  "sommar",
  "vinter",
  "hösten",
  "kärlek",
  "kultur",
  "konst",
  "välfärd",
  "österbotten",
  "pohjanmaa",
  "rajaton",
  "gränslös",
  "qwertyuiopå",
  "qwertyuiopåasdfghjklöä",
  "asdfghjklöä",
  "1234567890",
];

let common: Set<string> | undefined;
function commonPasswords() {
  common ??= new Set([...(dictionary["passwords-common"] as string[]), ...LOCAL_WORDS].map((p) => p.toLowerCase()));
  return common;
}

/** The word inside "Password2024!" or "!!kissa123": leading and trailing digits and symbols removed. */
function core(password: string) {
  return password
    .toLowerCase()
    .replace(/^[\d\W_]+/u, "")
    .replace(/[\d\W_]+$/u, "");
}

export function checkPassword(
  password: string,
  opts: { email?: string | null; name?: string | null } = {},
): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return "validation.passwordTooShort";
  if (length > PASSWORD_MAX) return "validation.passwordTooLong";
  const lower = password.toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return "validation.passwordCommon";
  const word = core(password);
  if (list.has(word) || /^\d*$/.test(word)) return "validation.passwordCommon";
  const personal = [opts.email?.split("@")[0], ...(opts.name?.split(/\s+/) ?? [])].filter(
    (w): w is string => !!w && w.length >= 3,
  );
  if (
    personal.some(
      (w) => word === w.toLowerCase() || lower.replace(/[\d\W_]/gu, "") === w.toLowerCase().replace(/[\d\W_]/gu, ""),
    )
  ) {
    return "validation.passwordPersonal";
  }
  if (new Set(lower).size < 5) return "validation.passwordCommon";
  return null;
}
