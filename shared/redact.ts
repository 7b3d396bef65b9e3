/** Single-use links' tokens kept out of stored and logged email bodies (docs/decisions/010). */
/** A single-use link's path (…/invite/<token>, …/reset/<token>, …/verify/<token>). */
const SECRET_LINK = /\/(invite|reset|verify)\/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;
/** What replaces the token in a stored or shown body. */
export const REDACTED = "…";

/** The body with every single-use link's token replaced by `…`. */
export function redactLinks(body: string) {
  return body.replace(SECRET_LINK, (_, kind: string) => `/${kind}/${REDACTED}`);
}

/** Whether a body had a single-use link's token removed. */
export function linkWasRemoved(body: string) {
  return new RegExp(`/(invite|reset|verify)/${REDACTED}`).test(body);
}
