import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * A presentational bar chart. Always shown beside a server-rendered table of the same data,
 * which is what screen readers and printouts use; the chart itself is hidden from assistive tech.
 */
export function SimpleBarChart({
  data,
  valueLabel,
  reference,
  format,
  height = 260,
}: {
  data: { label: string; value: number }[];
  valueLabel: string;
  reference?: number;
  format?: (v: number) => string;
  height?: number;
}) {
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={height} minWidth={200}>
        <BarChart data={data} margin={{ top: 10, right: 16, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#c8cdd0" />
          <XAxis dataKey="label" tick={{ fill: "#212121" }} />
          <YAxis tick={{ fill: "#212121" }} tickFormatter={format} allowDecimals={false} />
          <Tooltip formatter={(v: number) => [format ? format(v) : v, valueLabel]} />
          <Bar dataKey="value" name={valueLabel} fill="#003479" isAnimationActive={false} />
          {reference != null ? (
            <ReferenceLine y={reference} stroke="#c0392b" strokeDasharray="6 3" strokeWidth={2} />
          ) : null}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
