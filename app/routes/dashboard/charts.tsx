/** A chart on the page: its markup, and its text alternative (null: the chart is hidden, its table says it). */
export type ChartView = { html: string; description: string | null };

/**
 * A chart drawn on the server (bars.server.tsx), inserted as static markup: the browser hydrates
 * nothing inside it and loads no chart library. With a text alternative the chart is an image with
 * that name; otherwise it is hidden from assistive technology (the table beside it says the same).
 */
export function Chart({ chart }: { chart: ChartView | null }) {
  if (!chart) return null;
  return (
    <div
      className="chart"
      {...(chart.description ? { role: "img", "aria-label": chart.description } : { "aria-hidden": true })}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: recharts' markup rendered by React on the server (renderToStaticMarkup escapes every text and attribute); the browser keeps the server's markup (the figures' static part) or renders the same string from the loader data after a navigation
      dangerouslySetInnerHTML={{ __html: chart.html }}
    />
  );
}
