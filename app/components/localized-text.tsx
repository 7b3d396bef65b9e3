import { useTranslation } from "react-i18next";
import type { Localized } from "~db/schema/common";
import { localized } from "~/utils/localized";
import { useLang } from "~/utils/use-lang";

/**
 * Content in the page's language. A missing translation falls back to the other language,
 * visibly marked ("på finska" / "ruotsiksi") and with the right lang attribute for screen readers.
 */
export function LocalizedText({
  value,
  as: Tag = "span",
  className,
  emptyText,
}: {
  value: Localized | null | undefined;
  as?: "span" | "p" | "div" | "h1" | "h2" | "h3";
  className?: string;
  emptyText?: string;
}) {
  const lang = useLang();
  const { t } = useTranslation();
  const l = localized(value, lang);
  if (!l) return emptyText ? <Tag className={`missing ${className ?? ""}`}>{emptyText}</Tag> : null;
  if (!l.fallback) return <Tag className={className}>{l.text}</Tag>;
  return (
    <Tag className={className}>
      <span lang={l.lang}>{l.text}</span> <span className="fallback-mark">({t(`fallback.${l.lang}`)})</span>
    </Tag>
  );
}
