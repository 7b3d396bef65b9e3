/**
 * The dashboard's horizontal bar charts, drawn with recharts on the server into static SVG markup
 * (docs/decisions/142): the page inserts the string and the browser loads none of recharts. Values
 * are printed at the end of each bar and the reference line is labelled, so nothing depends on
 * colour; the same figures are in the table beside each chart.
 *
 * A server cannot measure the container, so each chart is drawn at a few widths and the page's
 * stylesheet shows the one for the width it has (a container query on `.chart`, app/styles/app.css),
 * scaled to fill it as the measured chart did.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, XAxis, YAxis } from "recharts";

export type BarDatum = { label: string; value: number; text?: string };
export type BarsSpec = {
  data: BarDatum[];
  format: (v: number) => string;
  reference?: number;
  referenceLabel?: string;
  max?: number;
};

/** The widths each chart is drawn at, widest first; app.css chooses among them by the container's width. */
export const CHART_WIDTHS = [1080, 800, 560, 320] as const;

/**
 * The chart as markup: one `<div class="chart-at chart-at-{width}">` per width, each holding
 * recharts' own output. `id` makes the SVGs' clip-path ids unique on the page and the same on every
 * render of the same chart.
 */
export function barsMarkup(id: string, spec: BarsSpec): string {
  const height = Math.max(120, spec.data.length * 34 + 50);
  return CHART_WIDTHS.map(
    (width) =>
      `<div class="chart-at chart-at-${width}">${tidy(
        renderToStaticMarkup(<Bars id={`${id}-${width}`} width={width} height={height} {...spec} />),
      )}</div>`,
  ).join("");
}

/** Attributes recharts copies onto elements that have no such attribute in SVG (a line has no width). */
const STRAY: Record<string, RegExp> = {
  line: / (?:x|y|width|height|orientation)="[^"]*"/g,
  path: / (?:x|y|width|height|radius)="[^"]*"/g,
  text: / (?:width|height|orientation)="[^"]*"/g,
};

/**
 * recharts' markup with the same drawing in about half the bytes (each chart is in the page four
 * times, and again in the loader data): stray attributes dropped, coordinates to two decimals, the
 * empty title and description left out. Only the inside of tags is touched, never a text; React has
 * escaped every attribute value, so none contains a quote.
 */
export function tidy(markup: string) {
  return markup
    .replace("<title></title><desc></desc>", "")
    .replace(/<(line|path|text)\b[^>]*>/g, (tag, name: string) =>
      tag.replace(STRAY[name], "").replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100)),
    );
}

/** Roughly how wide a text is at a font size (no DOM to measure on the server): for wrapping the axis labels. */
const textWidth = (text: string, fontSize: number) => text.length * fontSize * 0.56;

/** A category label right-aligned at the axis, broken between words onto lines that fit `width`. */
function CategoryTick(props: { x?: number; y?: number; width: number; fontSize: number; payload?: { value: string } }) {
  const { x = 0, y = 0, width, fontSize, payload } = props;
  const lines: string[] = [];
  for (const word of String(payload?.value ?? "").split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && textWidth(`${lines[last]} ${word}`, fontSize) <= width) lines[last] = `${lines[last]} ${word}`;
    else lines.push(word);
  }
  const lineHeight = fontSize * 1.15;
  return (
    <text x={x} y={y} textAnchor="end" fill="#212121" fontSize={fontSize}>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static markup, never re-rendered; a label may repeat a word
        <tspan key={i} x={x} dy={i === 0 ? `${0.355 - ((lines.length - 1) * 1.15) / 2}em` : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** The chart at one width: on a narrow one the category axis and the labels take less room and a smaller font. */
function Bars({
  id,
  data,
  format,
  reference,
  referenceLabel,
  max,
  width,
  height,
}: BarsSpec & { id: string; width: number; height: number }) {
  const withText = data.some((d) => d.text);
  const narrow = width < 520;
  const fontSize = narrow ? 12 : 14;
  const axisWidth = narrow ? 86 : 170;
  return (
    <BarChart
      id={id}
      width={width}
      height={height}
      data={data}
      layout="vertical"
      margin={{ top: 20, right: withText ? (narrow ? 100 : 124) : 64, bottom: 8, left: narrow ? 0 : 8 }}
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#c8cdd0" horizontal={false} />
      <XAxis
        type="number"
        domain={[0, max ?? "auto"]}
        tickFormatter={format}
        // Every other tick on a narrow chart: the server cannot measure the labels to leave out those that collide.
        interval={narrow ? 1 : 0}
        tick={{ fill: "#212121", fontSize }}
      />
      <YAxis
        type="category"
        dataKey="label"
        width={axisWidth}
        interval={0}
        tick={<CategoryTick width={axisWidth - 10} fontSize={fontSize} />}
      />
      <Bar dataKey="value" fill="#003479" isAnimationActive={false}>
        <LabelList
          dataKey={withText ? "text" : "value"}
          position="right"
          formatter={(v: number | string) => (typeof v === "number" ? format(v) : v)}
          fill="#212121"
          fontSize={fontSize}
        />
      </Bar>
      {reference != null ? (
        <ReferenceLine
          x={reference}
          stroke="#b3261e"
          strokeDasharray="6 3"
          strokeWidth={2}
          label={{ value: referenceLabel, position: "top", fill: "#b3261e", fontSize }}
        />
      ) : null}
    </BarChart>
  );
}
