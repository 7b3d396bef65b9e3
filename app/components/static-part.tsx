/**
 * A part of a page the server rendered and the browser only shows (app/utils/document-only.ts): it
 * hydrates as an element whose markup React leaves as the server wrote it — an element with
 * `dangerouslySetInnerHTML` has no children to hydrate, and its inner HTML is not compared outside
 * development — so its data need not be in the page twice. Its links and forms work as plain HTML
 * (a full page load), as they do without JavaScript. Give it a `key` other than the live part's, so
 * that when data for the live part arrives React replaces the element instead of patching it.
 */
export function StaticPart({ className }: { className: string }) {
  return (
    <div
      className={className}
      suppressHydrationWarning
      // biome-ignore lint/security/noDangerouslySetInnerHtml: empty, never set: it keeps the server's markup in place while hydrating
      dangerouslySetInnerHTML={{ __html: "" }}
    />
  );
}
