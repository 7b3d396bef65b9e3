/**
 * One Kaplan–Meier curve per group as a self-contained SVG (docs/decisions/124), for the dashboard,
 * the report and the Word document. The groups are told apart without colour: each curve is black
 * with its own dash pattern and its own marker shape (drawn where pilots were still running at their
 * last answer and at the curve's end), and the legend shows both. The 80 % reference is a thin grey
 * line labelled at its end. The figures are in the tables beside it.
 */
import { axisEnd, type CurveStep, esc, r1, stepPath } from "./survival-svg";

export type CompareSvgLabels = {
  title: string;
  description: string;
  xAxis: string;
  yAxis: string;
  reference: string;
  markers: string;
  percent: (share: number) => string;
  number: (n: number) => string;
};

const DASHES = ["", "9 4", "2 3", "14 4 3 4", "5 2", "18 6"];
const MARKERS = ["circle", "square", "triangle", "diamond", "cross"] as const;

/** A group's line style and marker: distinct for the first 30 groups (6 dash patterns × 5 shapes). */
export function groupStyle(i: number) {
  return { dash: DASHES[i % DASHES.length], marker: MARKERS[i % MARKERS.length] };
}

function marker(shape: (typeof MARKERS)[number], cx: number, cy: number) {
  const x = r1(cx);
  const y = r1(cy);
  switch (shape) {
    case "circle":
      return `<circle cx="${x}" cy="${y}" r="4" fill="#fff" stroke="#000" stroke-width="1.5"/>`;
    case "square":
      return `<rect x="${r1(cx - 3.5)}" y="${r1(cy - 3.5)}" width="7" height="7" fill="#000"/>`;
    case "triangle":
      return `<path d="M${x},${r1(cy - 5)} L${r1(cx + 4.5)},${r1(cy + 3.5)} L${r1(cx - 4.5)},${r1(cy + 3.5)} Z" fill="#fff" stroke="#000" stroke-width="1.5"/>`;
    case "diamond":
      return `<path d="M${x},${r1(cy - 5)} L${r1(cx + 5)},${y} L${x},${r1(cy + 5)} L${r1(cx - 5)},${y} Z" fill="#000"/>`;
    default:
      return `<path d="M${r1(cx - 4)},${r1(cy - 4)} L${r1(cx + 4)},${r1(cy + 4)} M${r1(cx - 4)},${r1(cy + 4)} L${r1(cx + 4)},${r1(cy - 4)}" stroke="#000" stroke-width="2"/>`;
  }
}

export const COMPARE_SVG_WIDTH = 680;
const W = COMPARE_SVG_WIDTH;
const M = { top: 20, right: 24, left: 64 };
const PH = 256;
const PW = W - M.left - M.right;

/** The SVG's height: the plot, the axis title and one legend row per group and for the markers. */
export function compareSvgHeight(groups: number) {
  return M.top + PH + 64 + (groups + 1) * 20;
}

export function survivalCompareSvg(
  groups: { name: string; steps: CurveStep[] }[],
  labels: CompareSvgLabels,
  reference = 0.8,
): string {
  const H = compareSvgHeight(groups.length);
  const end = axisEnd(groups.flatMap((g) => g.steps).sort((a, b) => a.time - b.time));
  const x = (t: number) => M.left + (Math.min(t, end) / end) * PW;
  const y = (v: number) => M.top + (1 - v) * PH;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="kmc-title kmc-desc" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="13">`,
    `<title id="kmc-title">${esc(labels.title)}</title>`,
    `<desc id="kmc-desc">${esc(labels.description)}</desc>`,
    `<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`,
  ];
  for (let v = 0; v <= 1.0001; v += 0.2) {
    out.push(
      `<line x1="${M.left}" x2="${M.left + PW}" y1="${r1(y(v))}" y2="${r1(y(v))}" stroke="#d0d0d0" stroke-width="1"/>`,
      `<text x="${M.left - 8}" y="${r1(y(v) + 4)}" text-anchor="end" fill="#000">${esc(labels.percent(v))}</text>`,
    );
  }
  for (let t = 0; t <= end; t += end > 48 ? 12 : 6) {
    out.push(
      `<line x1="${r1(x(t))}" x2="${r1(x(t))}" y1="${M.top + PH}" y2="${M.top + PH + 5}" stroke="#000"/>`,
      `<text x="${r1(x(t))}" y="${M.top + PH + 20}" text-anchor="middle" fill="#000">${esc(labels.number(t))}</text>`,
    );
  }
  out.push(
    `<line x1="${M.left}" x2="${M.left + PW}" y1="${M.top + PH}" y2="${M.top + PH}" stroke="#000"/>`,
    `<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + PH}" stroke="#000"/>`,
    `<text x="${M.left + PW / 2}" y="${M.top + PH + 40}" text-anchor="middle" fill="#000">${esc(labels.xAxis)}</text>`,
    `<text transform="translate(16 ${M.top + PH / 2}) rotate(-90)" text-anchor="middle" fill="#000">${esc(labels.yAxis)}</text>`,
    `<line x1="${M.left}" x2="${M.left + PW}" y1="${r1(y(reference))}" y2="${r1(y(reference))}" stroke="#777" stroke-width="1"/>`,
    `<text x="${M.left + PW - 4}" y="${r1(y(reference) - 5)}" text-anchor="end" fill="#333" font-size="12">${esc(labels.reference)}</text>`,
  );
  groups.forEach((g, i) => {
    const { dash, marker: shape } = groupStyle(i);
    const dashAttr = dash ? ` stroke-dasharray="${dash}"` : "";
    const path = stepPath(
      g.steps.map((s) => ({ time: s.time, value: s.survival })),
      x,
      y,
    );
    out.push(`<path d="${path}" fill="none" stroke="#000" stroke-width="2"${dashAttr}/>`);
    const last = g.steps[g.steps.length - 1];
    const marks = g.steps.filter((s) => s.censored > 0 || s === last);
    for (const s of marks) out.push(marker(shape, x(s.time), y(s.survival)));
  });
  const legendTop = M.top + PH + 64;
  groups.forEach((g, i) => {
    const { dash, marker: shape } = groupStyle(i);
    const ly = legendTop + i * 20;
    const dashAttr = dash ? ` stroke-dasharray="${dash}"` : "";
    out.push(
      `<line x1="${M.left}" x2="${M.left + 40}" y1="${ly - 5}" y2="${ly - 5}" stroke="#000" stroke-width="2"${dashAttr}/>`,
      marker(shape, M.left + 20, ly - 5),
      `<text x="${M.left + 50}" y="${ly}" fill="#000">${esc(g.name)}</text>`,
    );
  });
  out.push(
    `<text x="${M.left}" y="${legendTop + groups.length * 20}" fill="#000" font-size="12">${esc(labels.markers)}</text>`,
    "</svg>",
  );
  return out.join("");
}
