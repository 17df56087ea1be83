import { useMemo, useRef } from "react";
import type { ShownRun } from "../../../app/store";
import { txStatesOf } from "../../../engine/analysis/tx-state";
import { formatInt, plural } from "../../format";
import { useMoment } from "../use-moment";
import { useRenderer } from "../use-renderer";
import { buildShardModel, holdersAt, type ShardModel, shardAt, votesAt } from "./shard-model";
import { ShardsRenderer } from "./shards-renderer";

const PROTOCOL = {
  receipts:
    "receipts: a transaction's later leg runs on the other shard in the next round, one message latency later (on NEAR, a later block)",
  locks:
    "locks: two-phase commit on keys: prepare, vote yes or no, commit or abort; the keys stay locked until then",
} as const;

/** Two-phase commit at the playhead, in words: the keys locked on every shard and the votes so far. */
function LockStatus({ model }: { model: ShardModel }) {
  const time = useMoment();
  let keys = 0;
  for (let s = 0; s < model.shards; s++) keys += shardAt(model, s, time).lockedKeys;
  const txs = holdersAt(model, time);
  const votes = votesAt(model, time);
  return (
    <p className="panel-note live-figures lock-status" data-testid="shards-locks">
      <span>
        at the playhead: {plural(keys, "key")} locked by {plural(txs, "tx")}
      </span>{" "}
      <span>
        votes so far: {formatInt(votes.yes)} yes, {formatInt(votes.no)} no
      </span>
    </p>
  );
}

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
        {scenario.crossShard === "locks" && <LockStatus model={model} />}
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
