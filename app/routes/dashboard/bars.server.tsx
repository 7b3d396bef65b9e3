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

/** Drawings kept by what they show, most recently used last (docs/decisions/155). */
const drawn = new Map<string, string>();
const DRAWN_MAX = 200;

/**
 * The chart as markup: one `<div class="chart-at chart-at-{width}">` per width, each holding
 * recharts' own output. `id` makes the SVGs' clip-path ids unique on the page and the same on every
 * render of the same chart. recharts takes milliseconds a drawing, so a chart is drawn once for what
 * it shows (its id, bars, printed values, reference and number format) and the markup reused: a new
 * reporting date redraws only the charts whose figures it changed.
 */
export function barsMarkup(id: string, spec: BarsSpec): string {
  const key = JSON.stringify([
    id,
    spec.data.map((d) => [d.label, d.value, d.text, spec.format(d.value)]),
    spec.reference,
    spec.referenceLabel,
    spec.max,
    // The axis's ticks are printed with the same format: two probes tell one language's from another's.
    [spec.format(0.75), spec.format(1234.5)],
  ]);
  const hit = drawn.get(key);
  drawn.delete(key);
  const markup = hit ?? draw(id, spec);
  drawn.set(key, markup);
  if (drawn.size > DRAWN_MAX) drawn.delete(drawn.keys().next().value!);
  return markup;
}

function draw(id: string, spec: BarsSpec): string {
  return CHART_WIDTHS.map(
    (width) =>
      `<div class="chart-at chart-at-${width}">${tidy(
        renderToStaticMarkup(<Bars id={`${id}-${width}`} width={width} height={chartHeight(spec, width)} {...spec} />),
      )}</div>`,
  ).join("");
}

/** Below this width a chart's category names stand above their bars instead of on an axis beside them. */
const NARROW = 520;
const fontSizeAt = (width: number) => (width < NARROW ? 12 : 14);
const lineHeightOf = (fontSize: number) => fontSize * 1.15;
/** A narrow chart's bar, thinner so that its name fits above it. */
const NARROW_BAR = 14;
/** Room for the top margin, the value axis and the bottom margin. */
const CHROME = 50;
/** A narrow chart's left margin: half the value axis's first label ("0 %") must fit before the bars. */
const NARROW_LEFT = 16;

/**
 * A chart's height at a width: a row per category, on a narrow chart tall enough for the bar and,
 * above it, the longest name's lines (recharts centres each bar in its row).
 */
function chartHeight(spec: BarsSpec, width: number) {
  if (width >= NARROW) return Math.max(120, spec.data.length * 34 + CHROME);
  const fontSize = fontSizeAt(width);
  const lines = Math.max(1, ...spec.data.map((d) => wrapWords(d.label, width - NARROW_LEFT - 4, fontSize).length));
  const row = 2 * (lines * lineHeightOf(fontSize) + 4) + NARROW_BAR;
  return Math.max(120, Math.ceil(spec.data.length * row + CHROME));
}

/** Attributes recharts copies onto elements that have no such attribute in SVG (a line has no width), or that say the default. */
const STRAY: Record<string, RegExp> = {
  line: / (?:x|y|width|height|orientation|class)="[^"]*"| fill-opacity="1"/g,
  path: / (?:x|y|width|height|radius|class)="[^"]*"/g,
  text: / (?:width|height|orientation|offset|class)="[^"]*"/g,
  tspan: / class="[^"]*"/g,
};

/** A coordinate with more than two decimals, and it to two (a hundredth of a pixel). */
const LONG = /-?\d+\.\d{3,}/g;
const round = (n: string) => String(Math.round(Number(n) * 100) / 100);

/**
 * Groups recharts wraps single parts in (a bar, an axis tick) and the class every group carries: no
 * stylesheet or script reads them. The groups the page's tests and styles name (the bars, the labels,
 * the reference line, the axes) keep their class.
 */
const WRAPPER = /<g class="recharts-layer recharts-(?:bar-rectangle|cartesian-axis-tick)">((?:(?!<\/?g[ >]).)*)<\/g>/g;

/**
 * recharts' markup with the same drawing in well under half the bytes (each chart is in the page four
 * times, at its four widths): stray and default attributes dropped, the classes no stylesheet reads
 * left out, coordinates to two decimals, the empty title, description and group left out. Only the
 * inside of tags is touched, never a text; React has escaped every attribute value, so none contains
 * a quote.
 */
export function tidy(markup: string) {
  return (
    markup
      .replace("<title></title><desc></desc>", "")
      .replace(/<(line|path|text)\b[^>]*>/g, (tag, name: string) => tag.replace(STRAY[name], "").replace(LONG, round))
      // A line's place (x), not its offset in ems (dy), which is as the chart's code wrote it.
      .replace(/<tspan\b[^>]*>/g, (tag) =>
        tag.replace(STRAY.tspan, "").replace(/ x="[^"]*"/, (x) => x.replace(LONG, round)),
      )
      .replace(WRAPPER, "$1")
      .replaceAll('<g class="recharts-layer"></g>', "")
      .replaceAll('<g class="recharts-layer ', '<g class="')
  );
}

/** Roughly how wide a text is at a font size (no DOM to measure on the server): for wrapping the axis labels. */
const textWidth = (text: string, fontSize: number) => text.length * fontSize * 0.56;

/** A text broken between words onto lines that fit `width` (a word longer than that keeps a line of its own). */
function wrapWords(text: string, width: number, fontSize: number) {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && textWidth(`${lines[last]} ${word}`, fontSize) <= width) lines[last] = `${lines[last]} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A category label right-aligned at the axis, broken between words onto lines that fit `width`. */
function CategoryTick(props: { x?: number; y?: number; width: number; fontSize: number; payload?: { value: string } }) {
  const { x = 0, y = 0, width, fontSize, payload } = props;
  const lines = wrapWords(String(payload?.value ?? ""), width, fontSize);
  const lineHeight = lineHeightOf(fontSize);
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

/**
 * On a narrow chart, a category's name above its bar, from the chart's left edge: there it has the
 * chart's whole width, where an axis beside the bars would cut a long Finnish compound word.
 */
function NameAbove(props: {
  x?: number | string;
  y?: number | string;
  value?: number | string;
  width: number;
  fontSize: number;
}) {
  const { width, fontSize } = props;
  const x = Number(props.x ?? 0);
  const y = Number(props.y ?? 0);
  const lines = wrapWords(String(props.value ?? ""), width, fontSize);
  const lineHeight = lineHeightOf(fontSize);
  return (
    <text x={x} y={y - 4 - (lines.length - 1) * lineHeight} textAnchor="start" fill="#212121" fontSize={fontSize}>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static markup, never re-rendered; a label may repeat a word
        <tspan key={i} x={x} dy={i === 0 ? 0 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** The chart at one width: on a narrow one the names stand above the bars and the font is smaller. */
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
  const narrow = width < NARROW;
  const fontSize = fontSizeAt(width);
  const axisWidth = 170;
  const left = narrow ? NARROW_LEFT : 8;
  return (
    <BarChart
      id={id}
      width={width}
      height={height}
      data={data}
      layout="vertical"
      margin={{ top: 20, right: withText ? (narrow ? 100 : 124) : 64, bottom: 8, left }}
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
      {narrow ? (
        <YAxis type="category" dataKey="label" hide />
      ) : (
        <YAxis
          type="category"
          dataKey="label"
          width={axisWidth}
          interval={0}
          tick={<CategoryTick width={axisWidth - 10} fontSize={fontSize} />}
        />
      )}
      {/* Drawn before the bars, so that the values printed beside them are on top of the line. */}
      {reference != null ? (
        <ReferenceLine
          x={reference}
          stroke="#b3261e"
          strokeDasharray="6 3"
          strokeWidth={2}
          label={{ value: referenceLabel, position: "top", fill: "#b3261e", fontSize }}
        />
      ) : null}
      <Bar dataKey="value" fill="#003479" isAnimationActive={false} barSize={narrow ? NARROW_BAR : undefined}>
        {narrow ? (
          <LabelList
            dataKey="label"
            content={(p) => <NameAbove x={p.x} y={p.y} value={p.value} width={width - left - 4} fontSize={fontSize} />}
          />
        ) : null}
        <LabelList
          dataKey={withText ? "text" : "value"}
          position="right"
          formatter={(v: number | string) => (typeof v === "number" ? format(v) : v)}
          fill="#212121"
          fontSize={fontSize}
          // A white outline under the text keeps it readable where the reference line crosses it.
          stroke="#ffffff"
          strokeWidth={4}
          paintOrder="stroke"
        />
      </Bar>
    </BarChart>
  );
}
