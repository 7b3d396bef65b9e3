/**
 * Protection: security headers on every kind of response, nonces on inline scripts,
 * sign-in throttling in the user's language, cross-origin posts refused, sessions behind an
 * httpOnly SameSite cookie with a new id at every sign-in.
 */
import http from "node:http";
import { expect, request as playwrightRequest } from "@playwright/test";
import { FIXTURES } from "./authz/types";
import { ACCOUNTS, DEMO_PASSWORD, login, test, signIn } from "./fixtures";

type Raw = { status: number; headers: http.IncomingHttpHeaders; text: string };

/**
 * One HTTP request exactly as given (any Host, any method, a chunked body), which a browser or
 * Playwright's client will not send. `body` as an array is sent chunked, without Content-Length.
 */
function raw(
  baseURL: string,
  method: string,
  path: string,
  opts: {
    host?: string;
    headers?: Record<string, string>;
    body?: string | Buffer | Buffer[];
    /** Send `body` and then nothing more, as a client that declared a longer body and stalls. */
    stall?: boolean;
  } = {},
): Promise<Raw> {
  const base = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers: { Host: opts.host ?? base.host, ...opts.headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (text += c));
        res.on("close", () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
          if (opts.stall) req.destroy();
        });
      },
    );
    // The server may cut a refused body short; the answer has come by then.
    let answered = false;
    req.on("response", () => (answered = true));
    req.on("error", (error) => setTimeout(() => (answered ? undefined : reject(error)), 200));
    if (Array.isArray(opts.body)) {
      const chunks = [...opts.body];
      const next = () => {
        const chunk = chunks.shift();
        if (!chunk) return req.end();
        if (req.write(chunk)) setImmediate(next);
        else req.once("drain", next);
      };
      next();
    } else if (opts.stall) req.write(opts.body ?? "");
    else req.end(opts.body);
  });
}

/** How many messages the admin's outbox lists for an address. */
/**
 * The reset messages among the newest messages to `email` in the admin's outbox. (Counting every
 * message would stop at the outbox's page size: the scheduler mails staff about follow-ups too.)
 */
async function resetMailCount(page: import("@playwright/test").Page, lang: string, email: string) {
  await page.goto(`/${lang}/admin/outbox?to=${encodeURIComponent(email)}`);
  return page.locator("article", { hasText: "/reset/" }).count();
}

test("every kind of response carries the security headers; inline scripts run only by nonce", async ({
  request,
  lang,
}) => {
  for (const path of [
    `/${lang}`,
    `/${lang}/pilots?q=musiikki`,
    `/${lang}/no-such-page`,
    `/${lang}/dashboard/export.csv?table=continuation`,
    "/healthz",
  ]) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"], path).toContain("camera=()");
    const csp = h["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc, path).not.toContain("unsafe-inline");
  }
  const page = await request.get(`/${lang}`);
  const nonce = /'nonce-([^']+)'/.exec(page.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  const html = await page.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
});

/** A page as a GET request gets it: the nonce of its Content-Security-Policy, and its HTML. */
async function visit(get: () => Promise<{ headers(): Record<string, string>; text(): Promise<string> }>) {
  const res = await get();
  const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1] ?? "";
  return { nonce, html: await res.text() };
}

/** Two visits of a page rendered once for its data: each with its own nonce everywhere, the same page otherwise. */
async function expectOwnNonces(get: () => ReturnType<typeof visit>) {
  const first = await get();
  const second = await get();
  expect(first.nonce).toBeTruthy();
  expect(second.nonce).not.toBe(first.nonce);
  for (const { nonce, html } of [first, second]) {
    const nonces = [...html.matchAll(/nonce="([^"]*)"/g)].map((m) => m[1]);
    expect(nonces.length).toBeGreaterThan(3);
    expect(new Set(nonces)).toEqual(new Set([nonce]));
  }
  expect(second.html.replaceAll(second.nonce, "")).toBe(first.html.replaceAll(first.nonce, ""));
}

test("a visitor's pilot list, rendered once for its data, carries each response's own nonce and is not staff's", async ({
  request,
  page,
  lang,
}) => {
  const path = `/${lang}/pilots?q=taiku`;
  await expectOwnNonces(() => visit(() => request.get(path)));
  // Staff see the list with their "new pilot" link; the visitor's stays without.
  await signIn(page, lang, ACCOUNTS.staff);
  const staff = await visit(() => page.request.get(path));
  expect(staff.html).toContain(`href="/${lang}/pilots/new"`);
  expect((await visit(() => request.get(path))).html).not.toContain(`href="/${lang}/pilots/new"`);
});

test("a visitor's pilot page, rendered once for its data, carries each response's own nonce and is not a signed-in user's", async ({
  request,
  page,
  lang,
}) => {
  const path = `/${lang}/pilots/${FIXTURES.pilots.taikuSotessa}`;
  await expectOwnNonces(() => visit(() => request.get(path)));
  // The council's page of the same pilot is rendered for them, with their forms; the visitor's stays without.
  await signIn(page, lang, ACCOUNTS.council);
  const council = await visit(() => page.request.get(path));
  expect(council.html).toContain('name="intent" value="unpublish"');
  expect(council.html).toContain(`nonce="${council.nonce}"`);
  expect((await visit(() => request.get(path))).html).not.toContain('name="intent" value="unpublish"');
});

test("the session cookie is httpOnly and SameSite, and every sign-in gets a new session id", async ({
  page,
  lang,
  context,
}) => {
  await login(page, lang, ACCOUNTS.council);
  const first = (await context.cookies()).find((c) => c.name === "__session");
  expect(first?.httpOnly).toBe(true);
  expect(first?.sameSite).toBe("Lax");
  await context.clearCookies();
  await login(page, lang, ACCOUNTS.council);
  const second = (await context.cookies()).find((c) => c.name === "__session");
  expect(second?.value).toBeTruthy();
  expect(second?.value).not.toBe(first?.value);
});

test("ten wrong passwords: after the fifth, sign-in is refused for a while, in the page's language", async ({
  page,
  lang,
  t,
}) => {
  const email = `guess-${lang}-${Date.now()}@example.fi`;
  const messages: string[] = [];
  const statuses: number[] = [];
  page.on("response", (r) => {
    if (r.request().method() === "POST" && r.url().includes("/login")) statuses.push(r.status());
  });
  for (let i = 1; i <= 10; i++) {
    await page.goto(`/${lang}/login`);
    await page.getByLabel(t("login.email")).fill(email);
    await page.getByLabel(t("login.password"), { exact: false }).fill(`wrong password ${i}`);
    await page.getByRole("button", { name: t("login.submit") }).click();
    const alert = page.locator(".error-summary");
    await expect(alert).toBeVisible();
    messages.push(
      (await alert.innerText()).includes(t("login.throttled"))
        ? "throttled"
        : (await alert.innerText()).includes(t("login.failed"))
          ? "failed"
          : "other",
    );
  }
  expect(messages).toEqual([
    "failed",
    "failed",
    "failed",
    "failed",
    "throttled",
    "throttled",
    "throttled",
    "throttled",
    "throttled",
    "throttled",
  ]);
  expect(statuses.slice(0, 4).every((s) => s === 401)).toBe(true);
  expect(statuses.slice(4).every((s) => s === 429)).toBe(true);
  // Attempts while locked are not even checked, so the lock is still the first one: 30 s.
  await expect(page.locator("p.notice")).toHaveText(t("login.retryIn_one"));
});

test("a form posted from another origin is refused and changes nothing", async ({ page, lang, baseURL, t }) => {
  // A page on another site (served by the test) with a form that signs the visitor out of Rajaton.
  await signIn(page, lang, ACCOUNTS.admin);
  await page.route("http://evil.example/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><title>x</title><form method="post" action="${baseURL}/${lang}/logout"><button>Go</button></form></html>`,
    }),
  );
  await page.goto("http://evil.example/");
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: "Go" }).click();
  expect((await response).status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("errors.403.title"));
  // Still signed in: the sign-out from the other site did nothing.
  await page.goto(`/${lang}/account`);
  await expect(page.getByText(ACCOUNTS.admin)).toBeVisible();

  // Straight from a script with a foreign Origin: refused before anything is read.
  const api = await playwrightRequest.newContext({ baseURL });
  const foreign = await api.post(`/${lang}/login`, {
    form: { email: ACCOUNTS.staff, password: DEMO_PASSWORD },
    headers: { Origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(403);
  expect(foreign.headers()["set-cookie"]).toBeUndefined();
  await api.dispose();
});

test("a Host the server does not serve gets 400 and sends nothing; links come from PUBLIC_URL", async ({
  page,
  lang,
  baseURL,
  t,
}) => {
  const email = lang === "fi" ? ACCOUNTS.staffVasa : ACCOUNTS.staff;
  await signIn(page, lang, ACCOUNTS.admin);
  const before = await resetMailCount(page, lang, email);
  const form = { "Content-Type": "application/x-www-form-urlencoded" };
  const body = `email=${encodeURIComponent(email)}`;
  const poisoned = await raw(baseURL!, "POST", `/${lang}/forgot-password`, {
    host: "evil.example",
    headers: form,
    body,
  });
  expect(poisoned.status).toBe(400);
  expect(poisoned.text).toContain(t("errors.host.title"));
  const forwarded = await raw(baseURL!, "POST", `/${lang}/forgot-password`, {
    headers: { ...form, "X-Forwarded-Host": "evil.example" },
    body,
  });
  expect(forwarded.status).toBe(200);
  // The one honest request sent one message, and its link is on the configured address.
  await expect.poll(() => resetMailCount(page, lang, email)).toBe(before + 1);
  const mail = (await page.locator("article", { hasText: "/reset/" }).first().textContent()) ?? "";
  // (in the account's language, which may not be the page's)
  expect(mail).toMatch(new RegExp(`${baseURL}/(fi|sv)/reset/`));
  expect(mail).not.toContain("evil.example");
  // /healthz answers any Host (a load balancer's probe names an address, not the service).
  expect((await raw(baseURL!, "GET", "/healthz", { host: "10.0.0.7:3000" })).status).toBe(200);
});

test("a body over 1 MB is refused with 413 in the URL's language before it is read, chunked too", async ({
  lang,
  baseURL,
  t,
}) => {
  const form = { "Content-Type": "application/x-www-form-urlencoded" };
  // 2 MB declared, 64 kB sent, then nothing: the answer comes without the rest of the body.
  const declared = await raw(baseURL!, "POST", `/${lang}/forgot-password`, {
    headers: { ...form, "Content-Length": String(2 * 1024 * 1024) },
    body: Buffer.alloc(64 * 1024, "a"),
    stall: true,
  });
  expect(declared.status).toBe(413);
  expect(declared.text).toContain(t("errors.413.title"));
  // Without Content-Length: 64 kB chunks, counted as they arrive.
  const chunks = Array.from({ length: 40 }, () => Buffer.alloc(64 * 1024, "b"));
  const chunked = await raw(baseURL!, "POST", `/${lang}/register`, { headers: form, body: chunks });
  expect(chunked.status).toBe(413);
  expect(chunked.text).toContain(t("errors.413.title"));
  expect((await raw(baseURL!, "GET", "/healthz")).status).toBe(200);
  // A form of ordinary size still goes through.
  const small = await raw(baseURL!, "POST", `/${lang}/forgot-password`, {
    headers: form,
    body: "email=nobody%40example.org",
  });
  expect(small.status).toBe(200);
});

test("TRACE and other methods the app does not take get 405 on any path, not 500", async ({ lang, baseURL }) => {
  for (const [method, path] of [
    ["TRACE", `/${lang}`],
    ["TRACE", "/healthz"],
    ["TRACE", `/${lang}/login?x=1`],
    ["PROPFIND", `/${lang}/pilots`],
  ]) {
    const res = await raw(baseURL!, method, path);
    expect(res.status, `${method} ${path}`).toBe(405);
    expect(res.headers.allow, `${method} ${path}`).toContain("GET");
  }
});

test("production sends HSTS; nothing shown to a signed-in user is stored by the browser", async ({
  page,
  lang,
  request,
}) => {
  const anonymous = await request.get(`/${lang}`);
  expect(anonymous.headers()["strict-transport-security"]).toContain("max-age=");
  expect(anonymous.headers()["cache-control"] ?? "").not.toContain("no-store");
  await signIn(page, lang, ACCOUNTS.council);
  for (const path of [
    `/${lang}`,
    `/${lang}/pilots`,
    `/${lang}/pilots.data`,
    `/${lang}/dashboard/export.csv?table=continuation`,
    `/${lang}/no-such-page`,
  ]) {
    const res = await page.request.get(path);
    expect(res.headers()["cache-control"], path).toBe("no-store");
    expect(res.headers()["strict-transport-security"], path).toContain("max-age=");
  }
});
