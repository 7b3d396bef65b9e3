import { FinnishBusinessIds } from "finnish-business-ids";

/** A Finnish business ID (Y-tunnus), e.g. "1572860-0", checked with finnish-business-ids. */
export function isValidBusinessId(value: string) {
  return FinnishBusinessIds.isValidBusinessId(value.trim());
}
