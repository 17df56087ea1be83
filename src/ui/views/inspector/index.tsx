import { type FormEvent, useMemo, useState } from "react";
import { playback, usePlayback } from "../../../app/page";
import type { ShownRun } from "../../../app/store";
import { TX_STATUS_NAMES, TxStatus, txStatesOf } from "../../../engine/analysis/tx-state";
import { GAS_LIMIT_NOTE } from "../../../engine/ethereum/import";
import { formatDuration } from "../../format";
import { keyLabel, txName } from "../tx-label";
import { type ExecutionDetail, type Outcome, type TxDetails, txDetails } from "./tx-details";
import "../side-card.css";
import { useMoment } from "../use-moment";
import "./inspector.css";

/** Each outcome's symbol matches the graph's glyph for that state, so colour is never the only signal. */
const OUTCOMES: Readonly<Record<Outcome, { symbol: string; label: string }>> = {
  committed: { symbol: "●", label: "committed" },
  reverted: { symbol: "⊘", label: "committed, reverted" },
  aborted: { symbol: "✗", label: "aborted" },
  waited: { symbol: "◆", label: "waited" },
  executed: { symbol: "◐", label: "executed" },
};

function laneName(run: ShownRun, lane: number): string {
  const perShard = run.result.lanes / run.scenario.shards;
  return run.scenario.shards > 1
    ? `shard ${Math.floor(lane / perShard)} · worker ${lane % perShard}`
    : `worker ${lane}`;
}

function TxPicker({ txs, selected }: { txs: number; selected: number | null }) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? (selected === null ? "" : String(selected));
  const value = Number(text);
  const valid = text.trim() !== "" && Number.isInteger(value) && value >= 0 && value < txs;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    playback.getState().select(value);
    setDraft(null);
  };
  const invalid = text.trim() !== "" && !valid;
  return (
    <form className="inspector-picker" onSubmit={submit} aria-label="Inspect a transaction">
      <label>
        Transaction
        <input
          type="number"
          inputMode="numeric"
          min={0}
          max={txs - 1}
          step={1}
          value={text}
          aria-invalid={invalid}
          aria-describedby={invalid ? "inspector-picker-error" : undefined}
          onChange={(e) => setDraft(e.target.value)}
        />
      </label>
      <button type="submit" disabled={!valid}>
        Inspect
      </button>
      {selected !== null && (
        <button type="button" onClick={() => playback.getState().select(null)}>
          Clear
        </button>
      )}
      {invalid && (
        <p id="inspector-picker-error" className="inspector-error" role="alert">
          A transaction is a whole number from 0 to {txs - 1}.
        </p>
      )}
    </form>
  );
}

function Execution({ run, x, time }: { run: ShownRun; x: ExecutionDetail; time: number }) {
  const o = OUTCOMES[x.outcome];
  const later = x.start > time;
  const now = !later && !(x.end <= time);
  const span = Number.isNaN(x.end)
    ? `from ${formatDuration(x.start)}`
    : `${formatDuration(x.start)} – ${formatDuration(x.end)}`;
  return (
    <li className={`inspector-run outcome-${x.outcome}${later ? " is-later" : ""}`}>
      <span className="run-symbol" aria-hidden="true">
        {o.symbol}
      </span>
      <span className="run-head">
        <strong>{o.label}</strong> · incarnation {x.incarnation}
        {x.leg ? ` · ${x.leg}` : ""} · {laneName(run, x.lane)} · {span}
        {x.validations > 0 ? ` · validated ${x.validations}×` : ""}
        {later && <span className="run-tag"> later</span>}
        {now && <span className="run-tag run-now"> now</span>}
      </span>
      {x.note && <span className="run-note">{x.note}</span>}
    </li>
  );
}

function Details({ run, d, time }: { run: ShownRun; d: TxDetails; time: number }) {
  const states = txStatesOf(run.result).seek(time);
  const code = states.status[d.tx];
  // A wait names what it waits for: the key and the transaction ahead of it.
  const on =
    (code === TxStatus.LockWait || code === TxStatus.Suspended) && states.blocker[d.tx] >= 0
      ? ` (${keyLabel(run.result, states.blockKey[d.tx])}: waits for ${txName(run.result, states.blocker[d.tx])})`
      : "";
  const status = `${TX_STATUS_NAMES[code] ?? "unknown"}${on}`;
  return (
    <div className="inspector-body">
      <p className="inspector-tx" data-testid="inspector-tx">
        <strong>{d.name}</strong> · {d.contract}
        {d.calls && ` · calls ${d.calls}`}
        <span className="inspector-status">at the playhead: {status}</span>
      </p>
      {d.shards && (
        <p className="inspector-line">
          {d.shards.home === d.shards.target
            ? `Runs on shard ${d.shards.home}.`
            : `Crosses shards: home shard ${d.shards.home}, target shard ${d.shards.target}.`}
        </p>
      )}
      <dl className="inspector-args">
        {d.args.map((a) => (
          <div key={a.name}>
            <dt>{a.name}</dt>
            <dd className={a.isKey ? "is-key" : undefined}>{a.value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="inspector-h">Reads and writes of the final incarnation</h3>
      {d.legs.map((leg) => (
        <div key={leg.phase} className="inspector-leg">
          {d.legs.length > 1 && <p className="inspector-leg-name">{leg.phase}</p>}
          <ul className="inspector-access" data-testid="inspector-reads">
            {leg.reads.map((r) => (
              <li key={r.key}>
                read <code>{r.key}</code> from {r.from}
              </li>
            ))}
            {leg.writes.map((w) => (
              <li key={w}>
                wrote <code>{w}</code>
              </li>
            ))}
            {leg.reads.length + leg.writes.length === 0 && <li>touched no key</li>}
            {leg.revert && <li className="inspector-revert">reverted: {leg.revert}</li>}
          </ul>
        </div>
      ))}
      <p className="inspector-line muted">
        Declared access:{" "}
        {d.declared.map((a) => `${a.key} (${a.write ? "write" : "read"})`).join(", ") || "none"}.
      </p>
      <h3 className="inspector-h">Executions</h3>
      <ol className="inspector-runs" data-testid="inspector-runs">
        {d.executions.map((x) => (
          <Execution key={`${x.start}-${x.lane}-${x.incarnation}`} run={run} x={x} time={time} />
        ))}
      </ol>
      {d.messages.length > 0 && (
        <>
          <h3 className="inspector-h">Cross-shard messages</h3>
          <ul className="inspector-access">
            {d.messages.map((m) => (
              <li key={`${m.time}-${m.text}`} className={m.time > time ? "is-later" : undefined}>
                {formatDuration(m.time)}: {m.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {run.result.eth && <p className="side-note">Times: {GAS_LIMIT_NOTE}.</p>}
    </div>
  );
}

/** The selected (or hovered) transaction: what it calls, what it read and wrote, each execution and why. */
export function Inspector({ run }: { run: ShownRun }) {
  const time = useMoment();
  const selected = usePlayback((s) => s.selectedTx);
  const hover = usePlayback((s) => s.hoverTx);
  const txs = run.result.block.n;
  const pick = hover ?? selected;
  const tx = pick !== null && pick >= 0 && pick < txs ? pick : null;
  const details = useMemo(() => (tx === null ? null : txDetails(run.result, tx)), [run, tx]);
  return (
    <section className="side-card inspector" aria-labelledby="inspector-title" data-testid="inspector">
      <h2 id="inspector-title" className="side-title">
        Transaction inspector
        {tx !== null && tx === hover && tx !== selected && <span className="inspector-hover">hovered</span>}
      </h2>
      <TxPicker key={selected ?? -1} txs={txs} selected={selected} />
      {details ? (
        <Details run={run} d={details} time={time} />
      ) : (
        <p className="muted inspector-empty">
          Click or hover a transaction in the graph or the worker lanes, or type its number, to see what it
          read and wrote and why any of its executions aborted.
        </p>
      )}
    </section>
  );
}
