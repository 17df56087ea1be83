/** D3 drawing of throughput bars on a log axis against the 100k TPS reference line, into an owned <svg>. */
import { scaleLog } from "d3-scale";
import { select } from "d3-selection";
import { formatCount } from "../../format";
import { titled } from "../titled";

export const REFERENCE_TPS = 100_000;

export interface ThroughputBar {
  readonly id: string;
  readonly label: string;
  /** Transactions per second; 0 draws no bar (nothing to measure yet). */
  readonly tps: number;
  readonly title: string;
}

const MARGIN = { top: 16, right: 58, bottom: 18, left: 78 };
const ROW = 18;
const GAP = 8;
/** Drawing layers, back to front, made once in this order. */
const LAYERS = ["grid", "bars", "reference", "labels"] as const;

export function throughputHeight(rows: number): number {
  return MARGIN.top + rows * ROW + (rows - 1) * GAP + MARGIN.bottom;
}

/** Powers of ten around the values and the reference, so the reference line is always on the axis. */
function domainOf(bars: readonly ThroughputBar[]): [number, number] {
  const values = [REFERENCE_TPS, ...bars.map((b) => b.tps).filter((v) => v > 0)];
  const lo = 10 ** Math.min(3, Math.floor(Math.log10(Math.min(...values))));
  const hi = 10 ** Math.max(6, Math.ceil(Math.log10(Math.max(...values) * 1.05)));
  return [lo, hi];
}

export function drawThroughput(svgEl: SVGSVGElement, bars: readonly ThroughputBar[], width: number): void {
  const height = throughputHeight(bars.length);
  const svg = select(svgEl)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width)
    .attr("height", height);
  const layer = (name: (typeof LAYERS)[number]) =>
    svg.selectAll<SVGGElement, null>(`g.layer-${name}`).data([null]).join("g").attr("class", `layer-${name}`);
  for (const name of LAYERS) layer(name);

  const [lo, hi] = domainOf(bars);
  const x = scaleLog()
    .domain([lo, hi])
    .range([MARGIN.left, Math.max(MARGIN.left + 10, width - MARGIN.right)])
    .clamp(true);
  const rowY = (i: number): number => MARGIN.top + i * (ROW + GAP);
  const bottom = rowY(bars.length - 1) + ROW;
  const ticks: number[] = [];
  for (let v = lo; v <= hi; v *= 10) ticks.push(v);

  const grid = layer("grid");
  grid
    .selectAll("line")
    .data(ticks)
    .join("line")
    .attr("class", "tp-grid")
    .attr("x1", (v) => x(v))
    .attr("x2", (v) => x(v))
    .attr("y1", MARGIN.top - 4)
    .attr("y2", bottom);
  grid
    .selectAll("text")
    .data(ticks)
    .join("text")
    .attr("class", "tp-tick")
    .attr("x", (v) => x(v))
    .attr("y", bottom + 13)
    .attr("text-anchor", "middle")
    .text((v) => formatCount(v));

  layer("bars")
    .selectAll("rect")
    .data(bars, (b) => (b as ThroughputBar).id)
    .join(titled("rect"))
    .attr("class", "tp-bar")
    .attr("data-id", (b) => b.id)
    .attr("x", MARGIN.left)
    .attr("y", (_, i) => rowY(i))
    .attr("height", ROW)
    .attr("width", (b) => (b.tps > 0 ? Math.max(1, x(b.tps) - MARGIN.left) : 0))
    .select("title")
    .text((b) => b.title);

  const labels = layer("labels");
  labels
    .selectAll("text.tp-row")
    .data(bars)
    .join("text")
    .attr("class", "tp-row")
    .attr("x", MARGIN.left - 6)
    .attr("y", (_, i) => rowY(i) + ROW / 2)
    .attr("dy", "0.32em")
    .attr("text-anchor", "end")
    .text((b) => b.label);
  labels
    .selectAll("text.tp-value")
    .data(bars)
    .join("text")
    .attr("class", "tp-value")
    .attr("x", (b) => (b.tps > 0 ? x(b.tps) + 4 : MARGIN.left + 4))
    .attr("y", (_, i) => rowY(i) + ROW / 2)
    .attr("dy", "0.32em")
    .text((b) => (b.tps > 0 ? formatCount(b.tps) : "–"));

  const ref = layer("reference");
  const rx = x(REFERENCE_TPS);
  ref
    .selectAll("line")
    .data([REFERENCE_TPS])
    .join("line")
    .attr("class", "tp-reference")
    .attr("x1", rx)
    .attr("x2", rx)
    .attr("y1", MARGIN.top - 6)
    .attr("y2", bottom + 2);
  ref
    .selectAll("text")
    .data([REFERENCE_TPS])
    .join("text")
    .attr("class", "tp-reference-label")
    .attr("x", rx)
    .attr("y", MARGIN.top - 8)
    .attr("text-anchor", "middle")
    .text("100k TPS reference");
}
