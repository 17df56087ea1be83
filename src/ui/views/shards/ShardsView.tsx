import { useMemo, useRef } from "react";
import type { ShownRun } from "../../../app/store";
import { txStatesOf } from "../../../engine/analysis/tx-state";
import { formatInt } from "../../format";
import { useRenderer } from "../use-renderer";
import { buildShardModel } from "./shard-model";
import { ShardsRenderer } from "./shards-renderer";

const PROTOCOL = {
  receipts:
    "receipts: a transaction's later leg runs on the other shard in the next round, one message latency later (on NEAR, a later block)",
  locks: "locks: two-phase commit (prepare, vote, commit) before a cross-shard transaction runs",
} as const;

/** Each shard as a band with its queue and load; cross-shard messages fly between them. */
export function ShardsView({ run }: { run: ShownRun }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const { result, scenario } = run;
  const model = useMemo(
    () => buildShardModel(result.log, result.lanes, scenario.shards),
    [result, scenario.shards],
  );
  useRenderer(
    box,
    () => (canvas.current ? new ShardsRenderer(canvas.current, model, txStatesOf(result)) : null),
    model,
  );
  return (
    <section className="panel shards-panel" data-testid="shards-view" aria-labelledby="shards-title">
      <header className="panel-head">
        <h2 id="shards-title">Shards</h2>
        <p className="panel-note">{PROTOCOL[scenario.crossShard]}</p>
      </header>
      <div
        className="view-box shards-box"
        ref={box}
        role="img"
        aria-label={`${formatInt(model.shards)} shards exchanging ${formatInt(model.messages.count)} cross-shard messages`}
      >
        <canvas ref={canvas} />
      </div>
    </section>
  );
}
