/**
 * Hardening seen over HTTP: a throttled action's 429 carries Retry-After to the client, both for the
 * document POST (no JavaScript) and for the `.data` request; an artist's refusal hides their days and
 * fee from the public pilot page and its data, while the council sees them; a pilot's contact person is
 * public only with their consent.
 */
import { ACCOUNTS, expect, loopbackAddress, postFromAddress, test, signIn } from "./fixtures";

test("registration from one address: the sixth is refused with 429 and Retry-After, with and without JavaScript", async ({
  lang,
  baseURL,
  t,
}, info) => {
  const address = loopbackAddress();
  const form = (i: number) => ({
    name: "Tulva",
    email: `flood.${lang}.${info.retry}.${Date.now()}.${i}@example.org`,
    password: "Tulva-salasana-2026",
    passwordConfirm: "Tulva-salasana-2026",
  });
  const statuses: number[] = [];
  for (let i = 1; i <= 5; i++)
    statuses.push((await postFromAddress(baseURL!, `/${lang}/register`, form(i), { address })).status);
  expect(statuses).toEqual([200, 200, 200, 200, 200]);
  // The document POST of a browser without JavaScript: a page in the URL's language, and the header.
  const page = await postFromAddress(baseURL!, `/${lang}/register`, form(6), { address });
  expect(page.status).toBe(429);
  expect(Number(page.headers["retry-after"])).toBeGreaterThan(0);
  expect(page.body).toContain(t("throttle.tooMany"));
  // The request the app makes with JavaScript.
  const fetched = await postFromAddress(baseURL!, `/${lang}/register.data`, form(7), {
    address,
    headers: { Accept: "*/*" },
  });
  expect(fetched.status).toBe(429);
  expect(Number(fetched.headers["retry-after"])).toBeGreaterThan(0);
});

test("an artist who refused has no days or fee on the public pilot page or its data; the council sees them", async ({
  page,
  browser,
  request,
  lang,
}) => {
  // Pilot 16 employs Veikko Laine (artist 4, 13 days, 3 900 €), who does not consent to showing days.
  const days = new Intl.NumberFormat(lang === "fi" ? "fi-FI" : "sv-FI", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(13);
  await page.goto(`/${lang}/pilots/16`);
  const row = page.getByRole("row").filter({ hasText: "Veikko Laine" });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText(days);
  await expect(row).not.toContainText(/3\s900/);
  const data = await (await request.get(`/${lang}/pilots/16.data`)).text();
  expect(data).not.toContain("390000");
  // Its contact person has not agreed to be public either.
  expect(data).not.toContain("kultur.499@kunta.example");
  await expect(page.getByText("kultur.499@kunta.example")).toHaveCount(0);

  const council = await browser.newPage();
  await signIn(council, lang, ACCOUNTS.council);
  await council.goto(`/${lang}/pilots/16`);
  const seen = council.getByRole("row").filter({ hasText: "Veikko Laine" });
  await expect(seen).toContainText(days);
  await expect(seen).toContainText(/3\s900/);
  await expect(council.getByText("kultur.499@kunta.example")).toBeVisible();
  await council.close();
});
