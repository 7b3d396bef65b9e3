import { randomBytes } from "node:crypto";
import zlib from "node:zlib";
import type { EntryContext } from "@remix-run/node";
import { beforeEach, describe, expect, it } from "vitest";
import {
  acceptsGzip,
  forgetPages,
  gzipKept,
  NONCE_STAND_IN,
  rememberedPage,
  rememberPage,
  renderMemoKey,
  withNonce,
} from "./render-memo.server";

const PAGE_ROUTE = "routes/$lang.pilots.$id";
const URL_ = "http://127.0.0.1/fi/pilots/147";

/** The parts of Remix's entry context the key reads. */
function context(
  over: {
    loaderData?: Record<string, unknown>;
    statusCode?: number;
    actionData?: unknown;
    errors?: unknown;
    renderMemo?: boolean;
  } = {},
) {
  return {
    staticHandlerContext: {
      statusCode: over.statusCode ?? 200,
      actionData: over.actionData ?? null,
      errors: over.errors ?? null,
      matches: [{ route: { id: "root" } }, { route: { id: "routes/$lang" } }, { route: { id: PAGE_ROUTE } }],
      loaderData: over.loaderData ?? {
        root: { lang: "fi", user: null, demo: true },
        "routes/$lang": { lang: "fi" },
        [PAGE_ROUTE]: { pilot: { id: 147, title: { fi: "Taiku", sv: "" } }, canEdit: false },
      },
    },
    routeModules: { [PAGE_ROUTE]: { handle: { renderMemo: over.renderMemo ?? true } } },
  } as unknown as EntryContext;
}

const get = (url = URL_) => new Request(url);

describe("the key of a remembered page", () => {
  it("is the same for the same URL and data, and another for another URL or any other data", () => {
    const key = renderMemoKey(get(), context());
    expect(key).toBeTruthy();
    expect(renderMemoKey(get(), context())).toBe(key);
    expect(renderMemoKey(get(`${URL_}?done=saved`), context())).not.toBe(key);
    expect(renderMemoKey(get("http://localhost/fi/pilots/147"), context())).not.toBe(key);
    const data = (pilot: unknown) => ({
      root: { lang: "fi", user: null, demo: true },
      "routes/$lang": { lang: "fi" },
      [PAGE_ROUTE]: { pilot, canEdit: false },
    });
    const keyOf = (pilot: unknown) => renderMemoKey(get(), context({ loaderData: data(pilot) }));
    expect(keyOf({ id: 147, title: { fi: "Taiku", sv: "" } })).toBe(key);
    expect(keyOf({ id: 147, title: { fi: "Taiku", sv: "Taiku" } })).not.toBe(key);
    // What JSON would write alike is told apart.
    expect(keyOf({ a: undefined })).not.toBe(keyOf({ a: null }));
    expect(keyOf({ a: undefined })).not.toBe(keyOf({}));
    expect(keyOf({ a: new Date("2024-01-01T00:00:00Z") })).not.toBe(keyOf({ a: "2024-01-01T00:00:00.000Z" }));
    expect(keyOf({ a: Number.NaN })).not.toBe(keyOf({ a: null }));
  });

  it("is none for a signed-in user, another route, a form's answer, an error, a POST or data that is not plain", () => {
    const signedIn = {
      root: { lang: "fi", user: { name: "Council", email: "c@example.fi", role: "council" }, demo: true },
      "routes/$lang": { lang: "fi" },
      [PAGE_ROUTE]: { pilot: { id: 147 }, canEdit: false },
    };
    expect(renderMemoKey(get(), context({ loaderData: signedIn }))).toBeNull();
    expect(renderMemoKey(get(), context({ loaderData: { [PAGE_ROUTE]: {} } }))).toBeNull();
    expect(renderMemoKey(get(), context({ renderMemo: false }))).toBeNull();
    expect(renderMemoKey(get(), context({ statusCode: 404 }))).toBeNull();
    expect(renderMemoKey(get(), context({ actionData: { [PAGE_ROUTE]: { errors: {} } } }))).toBeNull();
    expect(renderMemoKey(get(), context({ errors: { [PAGE_ROUTE]: new Error("x") } }))).toBeNull();
    expect(renderMemoKey(new Request(URL_, { method: "POST" }), context())).toBeNull();
    for (const odd of [new Map([["a", 1]]), new Set([1]), () => 1, 1n]) {
      const loaderData = { root: { user: null }, [PAGE_ROUTE]: { odd } };
      expect(renderMemoKey(get(), context({ loaderData }))).toBeNull();
    }
  });
});

describe("a remembered page", () => {
  beforeEach(() => forgetPages());
  const rendered = Buffer.from(
    `<html><head><script nonce="${NONCE_STAND_IN}">a</script></head><body><script nonce="${NONCE_STAND_IN}">b</script></body></html>`,
  );

  it("is sent with each response's own nonce, in every place the render put one", () => {
    rememberPage("k", rendered);
    const first = rememberedPage("k", "Zmlyc3Qgbm9uY2UgaGVyZQ==")?.toString();
    const second = rememberedPage("k", "c2Vjb25kIG5vbmNlIGhlcmU=")?.toString();
    expect(first).toBe(
      '<html><head><script nonce="Zmlyc3Qgbm9uY2UgaGVyZQ==">a</script></head><body><script nonce="Zmlyc3Qgbm9uY2UgaGVyZQ==">b</script></body></html>',
    );
    expect(second).toBe(first?.replaceAll("Zmlyc3Qgbm9uY2UgaGVyZQ==", "c2Vjb25kIG5vbmNlIGhlcmU="));
    expect(first).not.toContain(NONCE_STAND_IN);
    expect(withNonce(rendered, "Zmlyc3Qgbm9uY2UgaGVyZQ==").toString()).toBe(first);
    expect(rememberedPage("other", "x")).toBeNull();
  });

  it("is a copy of its own: the buffer the response was given may change or be taken away", () => {
    const page = Buffer.from(rendered);
    rememberPage("k", page);
    page.fill(0);
    expect(rememberedPage("k", "n")?.toString()).toBe(rendered.toString().replaceAll(NONCE_STAND_IN, "n"));
  });

  it("is forgotten, the least recently used first, when too many are kept", () => {
    for (let i = 0; i < 301; i++) rememberPage(`k${i}`, Buffer.from(`page ${i}`));
    expect(rememberedPage("k0", "n")).toBeNull();
    expect(rememberedPage("k1", "n")?.toString()).toBe("page 1");
    rememberPage("k301", Buffer.from("page 301"));
    // k1 was just used: k2 went instead.
    expect(rememberedPage("k1", "n")).not.toBeNull();
    expect(rememberedPage("k2", "n")).toBeNull();
  });
});

describe("a remembered page, compressed", () => {
  beforeEach(() => forgetPages());
  const nonce = () => randomBytes(16).toString("base64");
  /** A page of some size, with nonces in the head, in the body and at its very end, and repeats across them. */
  const words = Array.from({ length: 4000 }, (_, i) => `sana${(i * 7919) % 1013}`).join(" ");
  const rendered = Buffer.from(
    `<html><head><script nonce="${NONCE_STAND_IN}">window.__i18n=${JSON.stringify(words)}</script></head>` +
      `<body><p>${words}</p><script nonce="${NONCE_STAND_IN}">${words.slice(0, 9000)}</script>` +
      `<script nonce="${NONCE_STAND_IN}">b</script><script nonce="${NONCE_STAND_IN}`,
  );

  it("unzips to the page with the response's own nonce, for each response", () => {
    expect(gzipKept).toBe(true);
    rememberPage("k", rendered);
    for (const value of [nonce(), nonce(), nonce()]) {
      const gzipped = rememberedPage("k", value, true);
      expect(gzipped?.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
      expect(zlib.gunzipSync(gzipped as Buffer).toString()).toBe(rememberedPage("k", value)?.toString());
      expect(zlib.gunzipSync(gzipped as Buffer).toString()).toBe(rendered.toString().replaceAll(NONCE_STAND_IN, value));
    }
  });

  it("is about as small as the whole page compressed at once", () => {
    rememberPage("k", rendered);
    const gzipped = rememberedPage("k", nonce(), true) as Buffer;
    expect(gzipped.length).toBeLessThan(zlib.gzipSync(rendered).length * 1.05);
    expect(gzipped.length).toBeLessThan(rendered.length / 5);
  });

  it("is right for a page with zero bytes of its own and for a nonce of another length", () => {
    const odd = Buffer.concat([
      Buffer.from(`a\0\0\0b<x nonce="${NONCE_STAND_IN}">`),
      Buffer.alloc(40),
      Buffer.from("c"),
    ]);
    rememberPage("odd", odd);
    const value = nonce();
    expect(zlib.gunzipSync(rememberedPage("odd", value, true) as Buffer)).toEqual(
      Buffer.from(odd.toString("latin1").replaceAll(NONCE_STAND_IN, value), "latin1"),
    );
    rememberPage("k", rendered);
    expect(zlib.gunzipSync(rememberedPage("k", "short", true) as Buffer).toString()).toBe(
      rendered.toString().replaceAll(NONCE_STAND_IN, "short"),
    );
  });

  it("is sent to a client that takes gzip, and only then", () => {
    expect(acceptsGzip("gzip, deflate")).toBe(true);
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8, *;q=0.1")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("x-gzip")).toBe(true);
    expect(acceptsGzip(null)).toBe(false);
    expect(acceptsGzip("")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip("br")).toBe(false);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("gzip;q=0, *")).toBe(false);
    expect(acceptsGzip("*;q=0")).toBe(false);
  });
});
