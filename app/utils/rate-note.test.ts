import { describe, expect, it } from "vitest";
import { getI18n } from "~/i18n";
import { rateNote } from "./rate-note";

const summary = { followedUp: 1155, interval: { low: 0.7712, high: 0.8201 }, coverage: 0.6076 };

describe("the note beside a continuation rate", () => {
  it("groups n's digits and gives the interval and coverage to one decimal, in Finnish", () => {
    const note = rateNote(getI18n("fi").getFixedT("fi"), "fi", summary);
    expect(note.replace(/\s/g, " ")).toBe(
      "n = 1 155, 95 %:n luottamusväli 77,1 %–82,0 %, seurantakattavuus 60,8 %; vertailutaso 80 %",
    );
  });

  it("and in Swedish", () => {
    const note = rateNote(getI18n("sv").getFixedT("sv"), "sv", summary);
    expect(note.replace(/\s/g, " ")).toBe(
      "n = 1 155, 95 % konfidensintervall 77,1 %–82,0 %, uppföljningstäckning 60,8 %; referensnivå 80 %",
    );
  });
});
