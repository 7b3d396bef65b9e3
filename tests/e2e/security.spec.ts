/**
 * Protection: security headers on every kind of response, nonces on inline scripts,
 * sign-in throttling in the user's language, cross-origin posts refused, sessions behind an
 * httpOnly SameSite cookie with a new id at every sign-in.
 */
import { expect, request as playwrightRequest } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, login, test } from "./fixtures";

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
  await login(page, lang, ACCOUNTS.admin);
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
  const signIn = await api.post(`/${lang}/login`, {
    form: { email: ACCOUNTS.staff, password: DEMO_PASSWORD },
    headers: { Origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBe(403);
  expect(signIn.headers()["set-cookie"]).toBeUndefined();
  await api.dispose();
});
