/**
 * What the server log says about an error (docs/decisions/018). A database error names the SQLSTATE
 * code, the constraint or table when the driver gives one, and the first words of the query — never
 * the query's parameters (a password hash, an email, a name) nor the driver's message, which can
 * quote a value. A refusal (a 4xx answer thrown as a response) is not an error and is not logged:
 * the request log already has its line.
 */

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => typeof v === "object" && v !== null;

/** The HTTP status of a thrown response, `data(…, { status })` or route error response, if any. */
export function thrownStatus(error: unknown): number | undefined {
  if (!isObject(error)) return undefined;
  if (typeof error.status === "number" && !(error instanceof Error)) return error.status;
  const init = error.init;
  if (error.type === "DataWithResponseInit" && isObject(init) && typeof init.status === "number") return init.status;
  return undefined;
}

/** The SQL's first words, without anything past the first `(` that is not an identifier list. */
function queryHead(query: string) {
  const words = query.replace(/\s+/g, " ").trim().split(" ").slice(0, 6).join(" ");
  return words.length > 80 ? `${words.slice(0, 80)}…` : words;
}

/** Only the stack's "at …" lines: the first line of a stack repeats the message. */
function frames(error: Error) {
  return (error.stack ?? "")
    .split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .slice(0, 8)
    .join("\n");
}

/** One description of an error that is safe to log. */
export function describeError(error: unknown): string {
  // Walk the cause chain: drizzle wraps the driver's error in one that carries the parameters.
  let query: string | undefined;
  let dbError: Loose | undefined;
  const top = error instanceof Error ? error : undefined;
  for (let e: unknown = error, depth = 0; isObject(e) && depth < 5; e = e.cause, depth++) {
    if (typeof e.query === "string" && query === undefined) query = e.query;
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) {
      dbError = e;
      break;
    }
  }
  if (query !== undefined || dbError) {
    const parts = [`database error${dbError ? ` ${dbError.code}` : ""}`];
    for (const name of ["constraint", "constraint_name", "table", "table_name", "column", "column_name"] as const) {
      const value = dbError?.[name];
      if (typeof value === "string" && value) parts.push(`${name.replace(/_name$/, "")} ${value}`);
    }
    if (query !== undefined) parts.push(`in "${queryHead(query)}"`);
    return `${parts.join(", ")}${top ? `\n${frames(top)}` : ""}`;
  }
  if (top) return top.stack ?? `${top.name}: ${top.message}`;
  return String(error);
}

/** A request's path for the log, with a single-use link's token left out. */
export function logPath(url: string) {
  const { pathname } = new URL(url);
  return pathname.replace(/\/(invite|reset|verify)\/[^/]+/, "/$1/…");
}
