import { describe, expect, it } from "vitest";
import { getI18n } from "./i18n";
import { i18nScript, recordLookups, resourcesFor } from "./locales.server";

describe("the translations a page carries", () => {
  it("are the namespaces its render looked up, in its language only", async () => {
    const { result, used } = recordLookups(async () => {
      const t = getI18n("sv").getFixedT("sv");
      t("errors.404.title");
      // Work the render schedules later is recorded too.
      await new Promise((resolve) => setImmediate(resolve));
      t("pilots:title");
    });
    await result;
    getI18n("fi").t("dashboard:title"); // outside the render: not this page's
    expect([...used].sort()).toEqual(["sv/common", "sv/pilots"]);
    const sent = resourcesFor(used);
    expect(Object.keys(sent)).toEqual(["sv"]);
    expect(Object.keys(sent.sv).sort()).toEqual(["common", "pilots"]);
  });

  it("go into the page as a script that cannot close itself early", () => {
    const { used } = recordLookups(() => getI18n("fi").t("errors.404.title"));
    const script = i18nScript(used, "abc");
    expect(script.startsWith('<script nonce="abc">window.__i18n=')).toBe(true);
    expect(script.slice(0, -"</script>".length)).not.toContain("</");
    const json = JSON.parse(script.slice(script.indexOf("__i18n=") + "__i18n=".length, -"</script>".length));
    expect(json.fi.common.errors["404"].title).toBe(getI18n("fi").t("errors.404.title"));
  });

  it("are the same script for the same namespaces, whatever order they were looked up in, with each page's nonce", () => {
    const first = new Set(["fi/pilots", "fi/common"]);
    const second = new Set(["fi/common", "fi/pilots"]);
    const a = i18nScript(first, "one");
    const b = i18nScript(second, "two");
    expect(a.replace('nonce="one"', "")).toBe(b.replace('nonce="two"', ""));
    expect(b.startsWith('<script nonce="two">')).toBe(true);
    const json = JSON.parse(a.slice(a.indexOf("__i18n=") + "__i18n=".length, -"</script>".length));
    expect(Object.keys(json.fi)).toEqual(["common", "pilots"]);
    // Another set of namespaces is another script.
    expect(i18nScript(new Set(["fi/common"]), "one")).not.toBe(a);
  });
});
