/** D3 drawing of the utilization bars into an <svg> that React owns but never touches inside. */
import { scaleBand, scaleLinear } from "d3-scale";
import { select } from "d3-selection";
import { formatPercent } from "./format";
import type { Bar, Bars } from "./utilization-bars";

const MARGIN = { top: 14, right: 8, bottom: 20, left: 38 };
/** Extra room under the axis for the shard names when lanes of several shards are drawn. */
const SHARD_ROW = 14;
const TICKS = [0, 0.25, 0.5, 0.75, 1];
/** Narrowest band that still gets its value printed above it, and the least room per axis label. */
const VALUE_LABEL_MIN_PX = 26;
const AXIS_LABEL_PX = 24;
/** Drawing layers, back to front: made once in this order, so redraws never cover a later layer. */
const LAYERS = ["shards", "grid", "bars", "labels", "mean"] as const;

interface ShardSpan {
  readonly shard: number;
  readonly first: number;
  readonly last: number;
}

export function drawUtilization(svgEl: SVGSVGElement, data: Bars, width: number, height: number): void {
  const svg = select(svgEl)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width)
    .attr("height", height);
  const layer = (name: (typeof LAYERS)[number]) =>
    svg.selectAll<SVGGElement, null>(`g.layer-${name}`).data([null]).join("g").attr("class", `layer-${name}`);
  for (const name of LAYERS) layer(name);

  const x = scaleBand<number>()
    .domain(data.bars.map((_, i) => i))
    .range([MARGIN.left, width - MARGIN.right])
    .paddingInner(data.bars.length > 32 ? 0.1 : 0.2)
    .paddingOuter(0.1);
  // Lanes of several shards: alternate shading behind each shard's lanes, its name underneath.
  const spans = data.perShard ? [] : shardSpans(data.bars);
  const groups = spans.length > 1 ? spans : [];
  const bottom = height - MARGIN.bottom - (groups.length > 0 ? SHARD_ROW : 0);
  const y = scaleLinear().domain([0, 1]).range([bottom, MARGIN.top]);
  const band = x.bandwidth();
  const spanX = (g: ShardSpan): number => (x(g.first) ?? 0) - (x.step() - band) / 2;
  const spanWidth = (g: ShardSpan): number => x.step() * (g.last - g.first + 1);

  layer("shards")
    .selectAll("rect")
    .data(groups)
    .join("rect")
    .attr("class", (g) => (g.shard % 2 ? "shard shard-odd" : "shard"))
    .attr("x", spanX)
    .attr("width", spanWidth)
    .attr("y", MARGIN.top)
    .attr("height", bottom - MARGIN.top);
  layer("shards")
    .selectAll("text")
    .data(groups.filter((g) => spanWidth(g) >= 40))
    .join("text")
    .attr("class", "shard-label")
    .attr("x", (g) => spanX(g) + spanWidth(g) / 2)
    .attr("y", height - 4)
    .attr("text-anchor", "middle")
    .text((g) => `shard ${g.shard}`);

  layer("grid")
    .selectAll("line")
    .data(TICKS)
    .join("line")
    .attr("class", "grid")
    .attr("x1", MARGIN.left)
    .attr("x2", width - MARGIN.right)
    .attr("y1", (t) => y(t))
    .attr("y2", (t) => y(t));
  layer("grid")
    .selectAll("text")
    .data(TICKS)
    .join("text")
    .attr("class", "y-label")
    .attr("x", MARGIN.left - 6)
    .attr("y", (t) => y(t))
    .attr("dy", "0.32em")
    .attr("text-anchor", "end")
    .text((t) => formatPercent(t));

  layer("bars")
    .selectAll("rect")
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

  layer("labels")
    .selectAll("text.value")
    .data(band >= VALUE_LABEL_MIN_PX ? data.bars : [])
    .join("text")
    .attr("class", "value")
    .attr("x", (_, i) => (x(i) ?? 0) + band / 2)
    .attr("y", (b) => y(b.value) - 3)
    .attr("text-anchor", "middle")
    .text((b) => formatPercent(b.value));
  const every = Math.max(1, Math.ceil(AXIS_LABEL_PX / x.step()));
  layer("labels")
    .selectAll("text.x-label")
    .data(data.bars.filter((_, i) => i % every === 0))
    .join("text")
    .attr("class", "x-label")
    .attr("x", (b) => (x(data.bars.indexOf(b)) ?? 0) + band / 2)
    .attr("y", bottom + 14)
    .attr("text-anchor", "middle")
    .text((b) => b.label);

  layer("mean")
    .selectAll("line")
    .data(data.bars.length > 0 ? [data.mean] : [])
    .join("line")
    .attr("class", "mean")
    .attr("x1", MARGIN.left)
    .attr("x2", width - MARGIN.right)
    .attr("y1", (m) => y(m))
    .attr("y2", (m) => y(m));
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
