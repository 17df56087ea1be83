import { logIndexOf } from "../analysis/log-index";
import { SpanEnd, SpanKind } from "../analysis/spans";
import { PHASE_NAMES } from "../schedulers/units";
import type { EventLogData } from "./eventlog";
import { Ev, MSG_NAMES } from "./kinds";

/** One record of the Chrome Trace Event format (the subset Perfetto and chrome://tracing read). */
export interface TraceEvent {
  name: string;
  ph: "X" | "i" | "M";
  pid: number;
  tid?: number;
  ts?: number;
  dur?: number;
  cat?: string;
  /** Scope of an instant: thread, process or global. */
  s?: "t" | "p" | "g";
  args?: Record<string, string | number | boolean>;
  /** Flow (version 2): links the slice that sends a message to the one that receives it. */
  bind_id?: number;
  flow_out?: boolean;
  flow_in?: boolean;
}

export interface ChromeTrace {
  traceEvents: TraceEvent[];
  displayTimeUnit: "ns";
  otherData: { label: string };
}

export interface ChromeTraceOptions {
  /** Total worker lanes; lane w belongs to shard floor(w / workersPerShard). */
  lanes: number;
  workersPerShard: number;
  /** Says what was run ("blockstm, 16 workers, virtual clock"). */
  label: string;
  txName: (tx: number) => string;
}

/** How an execution slice ended, by SpanEnd. */
const OUTCOME: Readonly<Record<number, string>> = {
  [SpanEnd.Finished]: "finished",
  [SpanEnd.Suspended]: "suspended",
  [SpanEnd.Open]: "unfinished",
};

/**
 * Converts a run's event log to a trace Perfetto opens: one process per shard, one thread per worker lane,
 * a slice per execution and validation, instants for aborts, suspensions, resumes, commits and reverts,
 * and flow arrows for cross-shard messages. Batches and events without a lane go on a per-shard thread.
 */
export function toChromeTrace(log: EventLogData, opts: ChromeTraceOptions): ChromeTrace {
  const { lanes, txName } = opts;
  const wps = Math.max(1, opts.workersPerShard);
  const shards = Math.max(1, Math.ceil(lanes / wps));
  const events: TraceEvent[] = [];
  const shardThreadUsed = new Uint8Array(shards);
  const shardOfLane = (lane: number): number => Math.min(shards - 1, Math.floor(lane / wps));
  const hasLane = (lane: number): boolean => lane >= 0 && lane < lanes;
  // Per-shard thread for what belongs to a shard but to no worker (tids after the worker lanes).
  const shardThread = (shard: number): number => {
    shardThreadUsed[shard] = 1;
    return lanes + shard;
  };
  const place = (lane: number, shard: number): { pid: number; tid: number } =>
    hasLane(lane) ? { pid: shardOfLane(lane), tid: lane } : { pid: shard, tid: shardThread(shard) };

  // Times in whole nanoseconds, so a slice ending where the next begins never overlaps it after import.
  const ns = (us: number): number => Math.round(us * 1000);
  const slice = (
    name: string,
    cat: string,
    pid: number,
    tid: number,
    from: number,
    to: number,
  ): TraceEvent => {
    const a = ns(from);
    const e: TraceEvent = { name, cat, ph: "X", pid, tid, ts: a / 1000, dur: Math.max(0, ns(to) - a) / 1000 };
    events.push(e);
    return e;
  };
  const instant = (name: string, cat: string, lane: number, t: number, args: TraceEvent["args"]): void => {
    events.push({ name, cat, ph: "i", s: "t", ...place(lane, 0), ts: ns(t) / 1000, args });
  };

  // Executions, validations, batches and messages are paired once, by the log's index: each is drawn
  // where its end event is; a message's flow id is its place in send order.
  const { spans, batches, messages } = logIndexOf(log, lanes, shards);
  const batchEndingAt = new Map<number, number>();
  for (let b = 0; b < batches.count; b++) batchEndingAt.set(batches.endEvent[b], b);
  const flowOf = new Map<number, number>();
  for (let m = 0; m < messages.count; m++) {
    flowOf.set(messages.sendEvent[m], m + 1);
    if (messages.recvEvent[m] >= 0) flowOf.set(messages.recvEvent[m], m + 1);
  }

  const spanSlice = (k: number): void => {
    const lane = spans.lane[k];
    const tx = spans.tx[k];
    const inc = spans.inc[k];
    if (spans.kind[k] === SpanKind.Validate) {
      const e = slice(
        `validate ${txName(tx)}`,
        "validate",
        shardOfLane(lane),
        lane,
        spans.start[k],
        spans.end[k],
      );
      e.args = { tx, incarnation: inc, valid: spans.ended[k] === SpanEnd.Valid };
      return;
    }
    // A two-phase commit's legs (debit, apply, settle) are slices of their own, named by leg.
    const leg = spans.leg[k] > 0 ? PHASE_NAMES[spans.leg[k]] : undefined;
    const name = leg ? `${txName(tx)} ${leg}` : inc > 0 ? `${txName(tx)} #${inc}` : txName(tx);
    const e = slice(name, "execute", shardOfLane(lane), lane, spans.start[k], spans.end[k]);
    e.args = { tx, incarnation: inc, outcome: OUTCOME[spans.ended[k]], ...(leg ? { leg } : {}) };
  };

  for (let i = 0; i < log.length; i++) {
    const t = log.time[i];
    const lane = log.worker[i];
    const tx = log.tx[i];
    const inc = log.inc[i];
    const key = log.key[i];
    const other = log.other[i];
    const k = spans.eventSpan[i];
    if (k >= 0 && spans.endEvent[k] === i) spanSlice(k);
    switch (log.kind[i]) {
      case Ev.Suspend:
        instant(`suspend ${txName(tx)}`, "dependency", lane, t, {
          tx,
          incarnation: inc,
          key,
          blocker: other,
        });
        break;
      case Ev.Resume:
        instant(`resume ${txName(tx)}`, "dependency", lane, t, { tx, incarnation: inc, blocker: other });
        break;
      case Ev.Abort:
        instant(`abort ${txName(tx)}`, "abort", lane, t, { tx, incarnation: inc, key, writer: other });
        break;
      case Ev.LockWait:
        instant(`lock wait ${txName(tx)}`, "lock", lane, t, { tx, key, behind: other });
        break;
      case Ev.LockGrant:
        instant(`lock grant ${txName(tx)}`, "lock", lane, t, { tx, key, releasedBy: other });
        break;
      case Ev.LockHold:
      case Ev.LockRelease: {
        const hold = log.kind[i] === Ev.LockHold;
        instant(`${hold ? "lock hold" : "lock release"} ${txName(tx)}`, "lock", lane, t, {
          tx,
          key,
          keys: other,
        });
        break;
      }
      case Ev.Commit:
        instant(`commit ${txName(tx)}`, "commit", lane, t, { tx, incarnation: inc });
        break;
      case Ev.Revert:
        instant(`revert ${txName(tx)}`, "revert", lane, t, { tx, reason: other });
        break;
      case Ev.BatchEnd: {
        const b = batchEndingAt.get(i);
        if (b !== undefined) {
          const s = batches.startEvent[b];
          const shard = batches.shard[b];
          const e = slice(`batch ${log.other[s]}`, "batch", shard, shardThread(shard), log.time[s], t);
          e.args = { batch: log.other[s], firstTx: log.tx[s] };
        }
        break;
      }
      case Ev.MsgSend:
      case Ev.MsgRecv: {
        const send = log.kind[i] === Ev.MsgSend;
        // The shard of the lane that logged it, else the message's other end says nothing: use shard 0.
        const here = hasLane(lane) ? shardOfLane(lane) : 0;
        const [from, to] = send ? [here, key] : [key, here];
        const kind = MSG_NAMES[other] ?? `message ${other}`;
        const flow = flowOf.get(i);
        const name = send ? `${kind} ${txName(tx)} → shard ${to}` : `${kind} ${txName(tx)} ← shard ${from}`;
        const { pid, tid } = place(lane, here);
        const e = slice(name, "message", pid, tid, t, t);
        e.args = { tx, from, to, kind };
        if (flow !== undefined) {
          e.bind_id = flow;
          if (send) e.flow_out = true;
          else e.flow_in = true;
        }
        break;
      }
      case Ev.RoundStart: {
        // Logged once per shard by one of its lanes: mark that shard; without a lane, every shard.
        const scope = hasLane(lane)
          ? { s: "p" as const, pid: shardOfLane(lane) }
          : { s: "g" as const, pid: 0 };
        events.push({ name: `round ${other}`, cat: "round", ph: "i", ...scope, ts: ns(t) / 1000 });
        break;
      }
    }
  }
  // A cancelled run can leave executions open: show them up to the last event.
  for (let k = 0; k < spans.count; k++) {
    if (spans.ended[k] === SpanEnd.Open && spans.kind[k] === SpanKind.Execute) spanSlice(k);
  }

  const meta: TraceEvent[] = [];
  for (let s = 0; s < shards; s++) {
    meta.push({ name: "process_name", ph: "M", pid: s, args: { name: `shard ${s}` } });
    meta.push({ name: "process_sort_index", ph: "M", pid: s, args: { sort_index: s } });
    if (shardThreadUsed[s]) {
      meta.push({
        name: "thread_name",
        ph: "M",
        pid: s,
        tid: lanes + s,
        args: { name: "batches & messages" },
      });
    }
  }
  for (let l = 0; l < lanes; l++) {
    const pid = shardOfLane(l);
    meta.push({ name: "thread_name", ph: "M", pid, tid: l, args: { name: `worker ${l - pid * wps}` } });
    meta.push({ name: "thread_sort_index", ph: "M", pid, tid: l, args: { sort_index: l } });
  }
  return { traceEvents: [...meta, ...events], displayTimeUnit: "ns", otherData: { label: opts.label } };
}
