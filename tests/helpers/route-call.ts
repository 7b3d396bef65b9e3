/**
 * Calls a route's loader or action as Remix would, with a request built like the browser's form post,
 * and reads what it answered (a thrown or returned Response, `data(…, { status })`, or plain data)
 * as one shape: status, data and headers.
 */
import type { ActionFunctionArgs } from "@remix-run/node";

export const ORIGIN = "http://localhost:3999";

// biome-ignore lint/suspicious/noExplicitAny: each route answers its own shape; the tests read it as given
export type Outcome = { status: number; data: any; headers: Headers };

type CallOptions = { cookie?: string; client?: string; method?: string };

/**
 * `routeCaller({ client })` gives a `call(fn, path, params, form, cookieOrOptions)`; `client` is the
 * address scripts/server.mjs would put in x-rajaton-client (none: the header is left out). A null
 * form, or `method: "GET"`, is a GET without a body; otherwise the form is posted, arrays as repeated names.
 */
export function routeCaller(defaults: { client?: string } = {}) {
  return async function call(
    fn: (args: ActionFunctionArgs) => Promise<unknown>,
    path: string,
    params: Record<string, string>,
    form: Record<string, string | string[]> | null,
    options: string | CallOptions = {},
  ): Promise<Outcome> {
    const opts = typeof options === "string" ? { cookie: options } : options;
    const method = opts.method ?? (form ? "POST" : "GET");
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form ?? {})) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    const client = opts.client ?? defaults.client;
    const request = new Request(`${ORIGIN}${path}`, {
      method,
      body: method === "GET" ? undefined : body,
      headers: {
        Origin: ORIGIN,
        "Content-Type": "application/x-www-form-urlencoded",
        ...(client ? { "x-rajaton-client": client } : {}),
        ...(opts.cookie ? { Cookie: opts.cookie } : {}),
      },
    });
    let result: unknown;
    try {
      result = await fn({ request, params, context: {} });
    } catch (thrown) {
      result = thrown;
    }
    if (result instanceof Response) return { status: result.status, data: null, headers: result.headers };
    const r = result as { type?: string; data?: unknown; init?: { status?: number; headers?: HeadersInit } };
    if (r?.type === "DataWithResponseInit")
      return { status: r.init?.status ?? 200, data: r.data, headers: new Headers(r.init?.headers) };
    return { status: 200, data: result, headers: new Headers() };
  };
}
