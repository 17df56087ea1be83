import { useEffect, useMemo, useRef, useState } from "react";
import { formatPercent } from "./format";
import { utilizationBars } from "./utilization-bars";
import { drawUtilization } from "./utilization-chart";

const HEIGHT = 150;

interface Props {
  readonly utilization: Float64Array;
  readonly workersPerShard: number;
}

/** Per-worker busy share of a run. React owns the <svg>; D3 owns what is inside it. */
export function UtilizationChart({ utilization, workersPerShard }: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const data = useMemo(() => utilizationBars(utilization, workersPerShard), [utilization, workersPerShard]);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (svgRef.current && width > 0) drawUtilization(svgRef.current, data, width, HEIGHT);
  }, [data, width]);

  const what = data.perShard ? `mean per shard (${workersPerShard} workers each)` : "per worker";
  return (
    <figure className="utilization">
      <figcaption>
        <span className="figure-title">Worker utilization</span> {what}: share of the run spent executing or
        validating
        <span className="mean-key" aria-hidden="true" />
        mean {formatPercent(data.mean)}
      </figcaption>
      <div ref={boxRef} className="chart-box" style={{ height: HEIGHT }}>
        <svg
          ref={svgRef}
          role="img"
          aria-label={`Utilization ${what}: mean ${formatPercent(data.mean)} over ${utilization.length} workers`}
        />
      </div>
    </figure>
  );
}
