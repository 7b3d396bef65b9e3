import { useTranslation } from "react-i18next";
import type { Localized } from "~shared/codes";
import { localized } from "~/utils/localized";
import { useLang } from "~/utils/use-lang";

/**
 * Content in the page's language. A missing translation falls back to the other language,
 * visibly marked ("på finska" / "ruotsiksi") and with the right lang attribute for screen readers.
 * `clamp` shows at most two lines (a card's one-line bio) with the mark first, so it is never cut off.
 */
export function LocalizedText({
  value,
  as: Tag = "span",
  className,
  emptyText,
  clamp,
}: {
  value: Localized | null | undefined;
  as?: "span" | "p" | "div" | "h1" | "h2" | "h3";
  className?: string;
  emptyText?: string;
  clamp?: boolean;
}) {
  const lang = useLang();
  const { t } = useTranslation();
  const l = localized(value, lang);
  const classes = [className, clamp ? "one-line" : null].filter(Boolean).join(" ") || undefined;
  if (!l) return emptyText ? <Tag className={`missing ${classes ?? ""}`}>{emptyText}</Tag> : null;
  if (!l.fallback) return <Tag className={classes}>{l.text}</Tag>;
  const mark = <span className="fallback-mark">({t(`fallback.${l.lang}`)})</span>;
  const text = <span lang={l.lang}>{l.text}</span>;
  return clamp ? (
    <Tag className={classes}>
      {mark} {text}
    </Tag>
  ) : (
    <Tag className={classes}>
      {text} {mark}
    </Tag>
  );
}
