/**
 * No focused field may end up under a form's sticky action bar (WCAG 2.2, 2.4.11). The browser
 * scrolls a field into view only when it is outside the window, not when it sits under the bar, so
 * after each focus move this scrolls the page by what the bar covers. Without JavaScript the bar is
 * still there on large screens, and CSS scroll padding keeps fields the browser does scroll to above it.
 */
const GAP = 16;

export function keepFocusAboveStickyBars(doc: Document = document) {
  doc.addEventListener("focusin", (event) => {
    const el = event.target;
    if (!(el instanceof HTMLElement)) return;
    const form = el.closest("form");
    const bar = form?.querySelector<HTMLElement>(".form-actions");
    if (!bar || bar.contains(el) || getComputedStyle(bar).position !== "sticky") return;
    const r = el.getBoundingClientRect();
    const b = bar.getBoundingClientRect();
    // The bar sticks at the bottom: the part of the field below its top edge is hidden.
    if (r.bottom > b.top && r.top < b.bottom) {
      const by = Math.min(r.bottom - b.top + GAP, r.top - GAP);
      if (by > 0) window.scrollBy({ top: by, behavior: "instant" as ScrollBehavior });
    }
  });
}
