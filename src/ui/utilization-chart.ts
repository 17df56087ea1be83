/** D3 drawing of the utilization bars into an <svg> that React owns but never touches inside. */
import { scaleBand, scaleLinear } from "d3-scale";
import { select } from "d3-selection";
import { formatPercent } from "./format";
import type { Bar, Bars } from "./utilization-bars";

const MARGIN = { top: 14, right: 8, bottom: 20, left: 38 };
const TICKS = [0, 0.25, 0.5, 0.75, 1];
/** Narrowest band that still gets its value printed above it, and the least room per axis label. */
const VALUE_LABEL_MIN_PX = 26;
const AXIS_LABEL_PX = 24;

export function drawUtilization(svgEl: SVGSVGElement, data: Bars, width: number, height: number): void {
  const svg = select(svgEl)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width)
    .attr("height", height);
  const x = scaleBand<number>()
    .domain(data.bars.map((_, i) => i))
    .range([MARGIN.left, width - MARGIN.right])
    .paddingInner(data.bars.length > 32 ? 0.1 : 0.2)
    .paddingOuter(0.1);
  const y = scaleLinear()
    .domain([0, 1])
    .range([height - MARGIN.bottom, MARGIN.top]);
  const band = x.bandwidth();

  // Alternate shading behind the lanes of each shard, when bars are lanes of several shards.
  const groups = data.perShard ? [] : shardSpans(data.bars);
  svg
    .selectAll("rect.shard")
    .data(groups.length > 1 ? groups : [])
    .join("rect")
    .attr("class", (g) => (g.shard % 2 ? "shard shard-odd" : "shard"))
    .attr("x", (g) => (x(g.first) ?? 0) - (x.step() - band) / 2)
    .attr("width", (g) => x.step() * (g.last - g.first + 1))
    .attr("y", MARGIN.top)
    .attr("height", height - MARGIN.top - MARGIN.bottom);

  svg
    .selectAll("line.grid")
    .data(TICKS)
    .join("line")
    .attr("class", "grid")
    .attr("x1", MARGIN.left)
    .attr("x2", width - MARGIN.right)
    .attr("y1", (t) => y(t))
    .attr("y2", (t) => y(t));
  svg
    .selectAll("text.y-label")
    .data(TICKS)
    .join("text")
    .attr("class", "y-label")
    .attr("x", MARGIN.left - 6)
    .attr("y", (t) => y(t))
    .attr("dy", "0.32em")
    .attr("text-anchor", "end")
    .text((t) => formatPercent(t));

  svg
    .selectAll("rect.bar")
    .data(data.bars)
    .join((enter) => {
      const r = enter.append("rect").attr("class", "bar");
      r.append("title");
      return r;
    })
    .attr("x", (_, i) => x(i) ?? 0)
    .attr("width", band)
    .attr("y", (b) => y(b.value))
    .attr("height", (b) => y(0) - y(b.value))
    .select("title")
    .text((b) => b.title);

  svg
    .selectAll("text.value")
    .data(band >= VALUE_LABEL_MIN_PX ? data.bars : [])
    .join("text")
    .attr("class", "value")
    .attr("x", (_, i) => (x(i) ?? 0) + band / 2)
    .attr("y", (b) => y(b.value) - 3)
    .attr("text-anchor", "middle")
    .text((b) => formatPercent(b.value));

  const every = Math.max(1, Math.ceil(AXIS_LABEL_PX / x.step()));
  svg
    .selectAll("text.x-label")
    .data(data.bars.filter((_, i) => i % every === 0))
    .join("text")
    .attr("class", "x-label")
    .attr("x", (b) => (x(data.bars.indexOf(b)) ?? 0) + band / 2)
    .attr("y", height - MARGIN.bottom + 14)
    .attr("text-anchor", "middle")
    .text((b) => b.label);

  svg
    .selectAll("line.mean")
    .data(data.bars.length > 0 ? [data.mean] : [])
    .join("line")
    .attr("class", "mean")
    .attr("x1", MARGIN.left)
    .attr("x2", width - MARGIN.right)
    .attr("y1", (m) => y(m))
    .attr("y2", (m) => y(m));
}

interface ShardSpan {
  readonly shard: number;
  readonly first: number;
  readonly last: number;
}

function shardSpans(bars: readonly Bar[]): ShardSpan[] {
  const spans: ShardSpan[] = [];
  bars.forEach((b, i) => {
    const open = spans[spans.length - 1];
    if (open && open.shard === b.shard) spans[spans.length - 1] = { ...open, last: i };
    else spans.push({ shard: b.shard, first: i, last: i });
  });
  return spans;
}
