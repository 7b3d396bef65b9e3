/**
 * The dashboard's horizontal bar charts as static SVG markup, drawn on the server by hand
 * (docs/decisions/142, 155): the page inserts the string and the browser loads no chart code. Values
 * are printed at the end of each bar and the reference line is labelled, so nothing depends on
 * colour; the same figures are in the table beside each chart.
 *
 * A server cannot measure the container, so each chart is drawn at a few widths and the page's
 * stylesheet shows the one for the width it has (a container query on `.chart`, app/styles/app.css),
 * scaled to fill it. The geometry is recharts' (decision 004) for the same chart: its margins, axis,
 * bar bands and nice ticks; drawing it directly takes microseconds where recharts took milliseconds
 * for each width of each chart on every request.
 */
import { esc } from "~/utils/survival-svg";

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

/** One `<div class="chart-at chart-at-{width}">` per width, each holding the chart's SVG at that width. */
export function barsMarkup(id: string, spec: BarsSpec): string {
  const ticks = valueTicks(spec);
  return CHART_WIDTHS.map(
    (width) => `<div class="chart-at chart-at-${width}">${bars(`${id}-${width}`, spec, ticks, width)}</div>`,
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
/** The category axis of a wide chart. */
const AXIS_WIDTH = 170;
/** The value axis's height under the bars. */
const X_AXIS_HEIGHT = 30;
const TOP = 20;
const BOTTOM = 8;
const TEXT = "#212121";
const AXIS = "#666";

/**
 * A chart's height at a width: a row per category, on a narrow chart tall enough for the bar and,
 * above it, the longest name's lines (each bar is centred in its row).
 */
function chartHeight(spec: BarsSpec, width: number) {
  if (width >= NARROW) return Math.max(120, spec.data.length * 34 + CHROME);
  const fontSize = fontSizeAt(width);
  const lines = Math.max(1, ...spec.data.map((d) => wrapWords(d.label, width - NARROW_LEFT - 4, fontSize).length));
  const row = 2 * (lines * lineHeightOf(fontSize) + 4) + NARROW_BAR;
  return Math.max(120, Math.ceil(spec.data.length * row + CHROME));
}

/** A coordinate to two decimals. */
const r2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The value axis's ticks: 0 to `max` in quarters when the maximum is given (a rate), else five ticks
 * at a round step from 0 past the largest value, as recharts chooses them (recharts-scale's
 * `getNiceTickValues`: a step of 1, 1.5, 2, 2.5 … times a power of ten).
 */
export function valueTicks(spec: Pick<BarsSpec, "data" | "max">): number[] {
  const count = 5;
  const top = spec.max ?? Math.max(0, ...spec.data.map((d) => d.value));
  if (spec.max != null || top === 0) {
    const end = top === 0 ? 1 : top;
    return Array.from({ length: count }, (_, i) => (end * i) / (count - 1));
  }
  const rough = top / (count - 1);
  const digits = Math.floor(Math.log10(rough)) + 1;
  const scale = 10 ** digits;
  const ratioStep = digits !== 1 ? 0.05 : 0.1;
  // Rounded before the ceiling, so that 0.3 / 0.1 is 3 and not 3.0000000000000004.
  let step = Number(
    (Math.ceil(Number((rough / scale / ratioStep).toPrecision(12))) * ratioStep * scale).toPrecision(12),
  );
  // Whole numbers count things: never a fractional step.
  if (spec.data.every((d) => Number.isInteger(d.value))) step = Math.max(1, Math.ceil(step));
  return Array.from({ length: count }, (_, i) => Number((step * i).toPrecision(12)));
}

/** Roughly how wide a text is at a font size (no DOM to measure on the server): for wrapping the names. */
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

/** `<tspan>`s of a wrapped text; the first line moved by `firstDy`, the others a line down each. */
const tspans = (lines: string[], x: number, firstDy: string, lineHeight: number) =>
  lines.map((line, i) => `<tspan x="${x}" dy="${i === 0 ? firstDy : r2(lineHeight)}">${esc(line)}</tspan>`).join("");

/** The chart at one width: on a narrow one the names stand above the bars and the font is smaller. */
function bars(id: string, spec: BarsSpec, ticks: number[], width: number) {
  const { data, format, reference, referenceLabel } = spec;
  const height = chartHeight(spec, width);
  const narrow = width < NARROW;
  const fontSize = fontSizeAt(width);
  const lineHeight = lineHeightOf(fontSize);
  const withText = data.some((d) => d.text);
  const left = narrow ? NARROW_LEFT : 8 + AXIS_WIDTH;
  const right = width - (withText ? (narrow ? 100 : 124) : 64);
  const top = TOP;
  const bottom = height - BOTTOM - X_AXIS_HEIGHT;
  const end = ticks[ticks.length - 1];
  const x = (v: number) => r2(left + ((right - left) * Math.min(Math.max(v, 0), end)) / end);
  const band = data.length ? (bottom - top) / data.length : 0;
  // recharts' bar: 10 % of the band on each side (a whole number of pixels), or the narrow chart's fixed size.
  const barSize = narrow ? NARROW_BAR : Math.trunc(band * 0.8);
  const barOffset = narrow ? (band - NARROW_BAR) / 2 : band * 0.1;
  const out: string[] = [];
  out.push(
    `<svg id="${id}" class="bars" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-size="${fontSize}">`,
  );
  // The grid: a dashed vertical line at each value tick.
  out.push(
    `<g class="bars-grid" stroke="#c8cdd0" stroke-dasharray="3 3">${ticks
      .map((t) => `<line x1="${x(t)}" y1="${top}" x2="${x(t)}" y2="${r2(bottom)}"/>`)
      .join("")}</g>`,
  );
  // The value axis: its line, and a tick and a label at each value (every other one on a narrow chart,
  // whose labels the server cannot measure to leave out those that would collide).
  const shown = ticks.filter((_, i) => !narrow || i % 2 === 0);
  out.push(
    `<g class="bars-x-axis" stroke="${AXIS}"><line x1="${left}" y1="${r2(bottom)}" x2="${r2(right)}" y2="${r2(bottom)}"/>${shown
      .map((t) => `<line x1="${x(t)}" y1="${r2(bottom + 6)}" x2="${x(t)}" y2="${r2(bottom)}"/>`)
      .join("")}</g>`,
    `<g class="bars-x-ticks" fill="${TEXT}" text-anchor="middle">${shown
      .map((t) => `<text x="${x(t)}" y="${r2(bottom + 8)}" dy="0.71em">${esc(format(t))}</text>`)
      .join("")}</g>`,
  );
  // The category axis beside the bars of a wide chart: each name right-aligned, wrapped between words.
  if (!narrow) {
    const centre = (i: number) => r2(top + band * (i + 0.5));
    out.push(
      `<g class="bars-y-axis" stroke="${AXIS}"><line x1="${left}" y1="${top}" x2="${left}" y2="${r2(bottom)}"/>${data
        .map((_, i) => `<line x1="${left - 6}" y1="${centre(i)}" x2="${left}" y2="${centre(i)}"/>`)
        .join("")}</g>`,
      `<g class="bars-categories" fill="${TEXT}" text-anchor="end">${data
        .map((d, i) => {
          const lines = wrapWords(d.label, AXIS_WIDTH - 10, fontSize);
          const dy = `${Number((0.355 - ((lines.length - 1) * 1.15) / 2).toFixed(3))}em`;
          return lines.length === 1
            ? `<text x="${left - 8}" y="${centre(i)}" dy="${dy}">${esc(d.label)}</text>`
            : `<text x="${left - 8}" y="${centre(i)}">${tspans(lines, left - 8, dy, lineHeight)}</text>`;
        })
        .join("")}</g>`,
    );
  }
  // The reference line, under the bars: the values printed beside them stay on top of it.
  if (reference != null) {
    const rx = x(reference);
    out.push(
      `<g class="bars-reference"><line stroke="#b3261e" stroke-dasharray="6 3" stroke-width="2" x1="${rx}" y1="${r2(bottom)}" x2="${rx}" y2="${top}"/>` +
        `<text x="${rx}" y="${top - 5}" text-anchor="middle" fill="#b3261e">${esc(referenceLabel ?? "")}</text></g>`,
    );
  }
  const rows = data.map((d, i) => ({ d, y: top + band * i + barOffset, w: x(d.value) - left }));
  out.push(
    `<g class="bars-bars" fill="#003479">${rows
      .map(({ y, w }) => `<path d="M ${left},${r2(y)} h ${r2(w)} v ${barSize} h ${r2(-w)} Z"/>`)
      .join("")}</g>`,
  );
  // A narrow chart's names, above their bars from the chart's left edge: there they have the chart's
  // whole width, where an axis beside the bars would cut a long Finnish compound word.
  if (narrow) {
    out.push(
      `<g class="bars-names" fill="${TEXT}">${rows
        .map(({ d, y }) => {
          const lines = wrapWords(d.label, width - left - 4, fontSize);
          return `<text x="${left}" y="${r2(y - 4 - (lines.length - 1) * lineHeight)}" text-anchor="start">${tspans(lines, left, "0", lineHeight)}</text>`;
        })
        .join("")}</g>`,
    );
  }
  // Each bar's value at its end, with a white outline that keeps it readable where the reference line crosses it.
  out.push(
    `<g class="bars-values" fill="${TEXT}" stroke="#ffffff" stroke-width="4" paint-order="stroke">${rows
      .map(({ d, y, w }) => {
        const vx = r2(left + w + 5);
        return `<text x="${vx}" y="${r2(y + barSize / 2)}" dy="0.355em">${esc(d.text ?? format(d.value))}</text>`;
      })
      .join("")}</g>`,
  );
  out.push("</svg>");
  return out.join("");
}
