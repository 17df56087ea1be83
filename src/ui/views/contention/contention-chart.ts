/** D3 drawing of the contention chart (speedup against skew or accounts) into an <svg> React owns. */
import { scaleLinear, scaleLog } from "d3-scale";
import { select } from "d3-selection";
import { line, symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle } from "d3-shape";
import { formatCount, formatTimes } from "../../format";
import { SERIES, type Series, type SeriesPoint, type SeriesStyle } from "./series";

export interface ContentionData {
  readonly axis: "skew" | "accounts";
  readonly series: readonly Series[];
  /** Where the current scenario sits: its knob value and its run's speedup (null: not on this axis). */
  readonly marker: { readonly value: number; readonly speedup: number } | null;
}

const MARGIN = { top: 12, right: 14, bottom: 32, left: 38 };
const LAYERS = ["grid", "axes", "lines", "points", "marker"] as const;
export const SKEW_DOMAIN: [number, number] = [0, 2];
export const ACCOUNTS_DOMAIN: [number, number] = [2, 10000];

const SHAPES = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
} as const;

function markerPath(style: SeriesStyle): string {
  if (style.marker === "none") return "";
  return symbol(SHAPES[style.marker], style.marker === "triangle" ? 42 : 30)() ?? "";
}

const axisName = (axis: ContentionData["axis"]): string =>
  axis === "skew" ? "hot-key skew (Zipf s) →" : "← accounts (log scale)";

export function drawContention(
  svgEl: SVGSVGElement,
  data: ContentionData,
  width: number,
  height: number,
): void {
  const svg = select(svgEl)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width)
    .attr("height", height);
  const layer = (name: (typeof LAYERS)[number]) =>
    svg.selectAll<SVGGElement, null>(`g.layer-${name}`).data([null]).join("g").attr("class", `layer-${name}`);
  for (const name of LAYERS) layer(name);

  const right = Math.max(MARGIN.left + 20, width - MARGIN.right);
  const bottom = height - MARGIN.bottom;
  const x =
    data.axis === "skew"
      ? scaleLinear().domain(SKEW_DOMAIN).range([MARGIN.left, right])
      : scaleLog().domain(ACCOUNTS_DOMAIN).range([MARGIN.left, right]);
  const all = data.series.flatMap((s) => s.points.map((p) => p.speedup));
  const top = Math.max(1, data.marker?.speedup ?? 0, ...all) * 1.08;
  const y = scaleLinear().domain([0, top]).range([bottom, MARGIN.top]).nice(5);
  const xTicks = data.axis === "skew" ? [0, 0.5, 1, 1.5, 2] : [2, 10, 100, 1000, 10000];
  const yTicks = y.ticks(5);

  const grid = layer("grid");
  grid
    .selectAll("line")
    .data(yTicks)
    .join("line")
    .attr("class", "ct-grid")
    .attr("x1", MARGIN.left)
    .attr("x2", right)
    .attr("y1", (v) => y(v))
    .attr("y2", (v) => y(v));
  grid
    .selectAll("text")
    .data(yTicks)
    .join("text")
    .attr("class", "ct-tick")
    .attr("x", MARGIN.left - 5)
    .attr("y", (v) => y(v))
    .attr("dy", "0.32em")
    .attr("text-anchor", "end")
    .text((v) => `${v}×`);

  const axes = layer("axes");
  axes
    .selectAll("text.ct-xtick")
    .data(xTicks)
    .join("text")
    .attr("class", "ct-tick ct-xtick")
    .attr("x", (v) => x(v))
    .attr("y", bottom + 13)
    .attr("text-anchor", "middle")
    .text((v) => (data.axis === "skew" ? String(v) : formatCount(v)));
  axes
    .selectAll("text.ct-axis")
    .data([axisName(data.axis)])
    .join("text")
    .attr("class", "ct-axis")
    .attr("x", (MARGIN.left + right) / 2)
    .attr("y", height - 4)
    .attr("text-anchor", "middle")
    .text((t) => t);
  axes
    .selectAll("line")
    .data([null])
    .join("line")
    .attr("class", "ct-baseline")
    .attr("x1", MARGIN.left)
    .attr("x2", right)
    .attr("y1", bottom)
    .attr("y2", bottom);

  const path = line<SeriesPoint>()
    .x((p) => x(p.value))
    .y((p) => y(p.speedup));
  layer("lines")
    .selectAll("path")
    .data(data.series, (s) => (s as Series).id)
    .join("path")
    .attr("class", (s) => `ct-line ct-${s.id}`)
    .attr("fill", "none")
    .attr("stroke", (s) => `var(--${SERIES[s.id].color})`)
    .attr("stroke-dasharray", (s) => SERIES[s.id].dash || null)
    .attr("d", (s) => path([...s.points]));

  const marks = data.series.flatMap((s) =>
    SERIES[s.id].marker === "none" ? [] : s.points.map((p) => ({ id: s.id, p })),
  );
  layer("points")
    .selectAll("path")
    .data(marks)
    .join((enter) => {
      const p = enter.append("path");
      p.append("title");
      return p;
    })
    .attr("class", (m) => `ct-point ct-${m.id}`)
    .attr("d", (m) => markerPath(SERIES[m.id]))
    .attr("fill", (m) => `var(--${SERIES[m.id].color})`)
    .attr("transform", (m) => `translate(${x(m.p.value)},${y(m.p.speedup)})`)
    .select("title")
    .text(
      (m) =>
        `${SERIES[m.id].label} at ${data.axis} ${formatCount(m.p.value)}: ${formatTimes(m.p.speedup)}` +
        (m.id === "blockstm" ? `, ${formatCount(m.p.aborts)} aborts` : ""),
    );

  const mark = data.marker
    ? [
        {
          cx: x(Math.min(Math.max(data.marker.value, x.domain()[0]), x.domain()[1])),
          cy: y(data.marker.speedup),
        },
      ]
    : [];
  const m = layer("marker");
  m.selectAll("line")
    .data(mark)
    .join("line")
    .attr("class", "ct-marker-line")
    .attr("x1", (d) => d.cx)
    .attr("x2", (d) => d.cx)
    .attr("y1", MARGIN.top)
    .attr("y2", bottom);
  m.selectAll("circle")
    .data(mark)
    .join("circle")
    .attr("class", "ct-marker")
    .attr("cx", (d) => d.cx)
    .attr("cy", (d) => d.cy)
    .attr("r", 7);
  m.selectAll("text")
    .data(mark)
    .join("text")
    .attr("class", "ct-marker-label")
    .attr("x", (d) => d.cx + (d.cx > (MARGIN.left + right) / 2 ? -10 : 10))
    .attr("y", (d) => d.cy - 9)
    .attr("text-anchor", (d) => (d.cx > (MARGIN.left + right) / 2 ? "end" : "start"))
    .text("this run");
}
