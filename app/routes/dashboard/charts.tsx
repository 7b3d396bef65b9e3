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
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the chart's SVG drawn on the server (bars.server.ts escapes every text); the same string is in the loader data, so the client renders what the server did
      dangerouslySetInnerHTML={{ __html: chart.html }}
    />
  );
}
