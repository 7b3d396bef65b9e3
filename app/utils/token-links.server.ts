/** The pages behind single-use links (docs/decisions/010); the tokens themselves: db/queries/tokens.server.ts. */
import { data } from "@remix-run/node";
import type { TokenStatus } from "~db/queries/tokens.server";

/**
 * The answer to a link that cannot be used: 404 for an unknown token, 410 Gone for a used or expired
 * one; `empty` fills the fields the page would show for a valid link. ("valid" here means the token
 * was fine but what it points to was not, so it answers as unknown.)
 */
export function unusableToken<E extends Record<string, string>, S extends string = never>(
  status: TokenStatus | S,
  empty: E,
) {
  const state = (status === "valid" ? "unknown" : status) as Exclude<TokenStatus, "valid"> | S;
  return data({ state, ...empty }, { status: state === "unknown" ? 404 : 410 });
}
