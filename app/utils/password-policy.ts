/**
 * The password policy. A minimal version (length only) until the full policy with the
 * common-password list replaces this file; it keeps the same signature.
 * Returns null when the password is acceptable, else an i18n key of the reason.
 */
export const MIN_PASSWORD_LENGTH = 12;

export function checkPassword(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return "account:password.tooShort";
  if (password.length > 1000) return "validation.tooLong";
  return null;
}
