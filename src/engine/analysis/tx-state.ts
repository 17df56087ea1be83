import type { EventLogData } from "../trace/eventlog";
import { Ev } from "../trace/kinds";
import { EventFlag, eventsUpTo, type LogIndex, logIndexOf } from "./log-index";
import { SpanKind } from "./spans";

/** Where a transaction stands at the playhead. */
export const TxStatus = {
  /** Not started yet, or ready to (re-)execute. */
  Pending: 0,
  Executing: 1,
  /** Read an ESTIMATE and waits for its blocker (`blocker`, at `blockKey`) to finish. */
  Suspended: 2,
  /** Its latest incarnation was aborted and has not started again yet. */
  Aborted: 3,
  /** Executed, waiting for validation or commit. */
  Executed: 4,
  Validating: 5,
  /** Every unit committed: final. */
  Committed: 6,
  /** Committed, but its own logic said no (the final execution reverted). */
  Reverted: 7,
  /** Waiting for a cross-shard message (the receipt of its next leg, or a 2PC reply). */
  InFlight: 8,
  /** Queued for a declared lock (`blockKey`) behind an earlier transaction (`blocker`) it conflicts with. */
  LockWait: 9,
  /** Block access lists: its execution disagreed with its entry in the list, so the block is invalid. */
  Rejected: 10,
} as const;
export type TxStatusT = (typeof TxStatus)[keyof typeof TxStatus];
export const TX_STATUS_NAMES: readonly string[] = [
  "pending",
  "executing",
  "waiting",
  "aborted",
  "executed",
  "validating",
  "committed",
  "reverted",
  "in flight",
  "waiting for a lock",
  "disagreed with the list",
];

/** What a lane is doing at the playhead. */
export const LaneTask = { Idle: 0, Execute: 1, Validate: 2 } as const;
export type LaneTaskT = (typeof LaneTask)[keyof typeof LaneTask];

export interface TxStateInput {
  readonly log: EventLogData;
  readonly txs: number;
  readonly lanes: number;
  /** Shards the lanes are split into (default 1): the log's index is shared with the views that say so. */
  readonly shards?: number;
  /** Units each transaction commits before it is final (sharded receipts: one per leg); default 1. */
  readonly unitsPerTx?: ArrayLike<number>;
}

type Column = Uint8Array | Int32Array | Float64Array;

/**
 * Every transaction's and every lane's state at a time t. Transactions' states are replayed from the log,
 * with the log's index saying which executions are re-executions: moving forward applies the events
 * between the old and the new playhead; moving back restores the nearest snapshot (taken every `stride`
 * events on the way forward) and replays from there, so each move costs O(events moved + stride). A lane's
 * task is read off the index's spans (one binary search per lane). One instance per run, shared by the
 * views: they all seek to the same playhead.
 */
export class TxStates {
  readonly log: EventLogData;
  readonly txs: number;
  readonly lanes: number;
  readonly stride: number;

  readonly status: Uint8Array;
  /** Lane of the current or last execution (-1 = never executed). */
  readonly lane: Int32Array;
  /** Incarnation of the current or last execution. */
  readonly inc: Int32Array;
  /** Executions started (each leg of a receipt run counts; so does a partial one that suspended). */
  readonly executions: Int32Array;
  /** Executions of a unit beyond its first: the work redone after aborts and suspensions. */
  readonly reExecutions: Int32Array;
  /** Suspended or waiting for a lock: the transaction it waits on (-1 = none) and the key. */
  readonly blocker: Int32Array;
  readonly blockKey: Int32Array;
  readonly aborts: Int32Array;
  /** Latest abort: when (NaN = never), the key whose read was stale, the writer (-1 = storage). */
  readonly abortAt: Float64Array;
  readonly abortKey: Int32Array;
  readonly abortWriter: Int32Array;
  /** Units committed so far. */
  readonly commits: Int32Array;
  /** The current execution reverted (reset when the next execution starts). */
  readonly reverted: Uint8Array;
  /** Cross-shard messages of the transaction sent and not yet received. */
  readonly messagesOut: Int32Array;

  readonly laneTask: Uint8Array;
  readonly laneTx: Int32Array;
  readonly laneInc: Int32Array;
  /** When the lane's current task started (NaN when idle). */
  readonly laneSince: Float64Array;

  private readonly unitsPerTx: ArrayLike<number> | undefined;
  private readonly index: LogIndex;
  private readonly columns: readonly Column[];
  private readonly snapshots: (readonly Column[])[] = [];
  private appliedEvents = 0;
  private playhead = 0;

  constructor(input: TxStateInput, stride = Math.max(1024, 2 * input.txs)) {
    const { log, txs, lanes } = input;
    this.log = log;
    this.txs = txs;
    this.lanes = lanes;
    this.stride = Math.max(1, Math.floor(stride));
    this.unitsPerTx = input.unitsPerTx;
    this.index = logIndexOf(log, lanes, input.shards);
    this.status = new Uint8Array(txs);
    this.lane = new Int32Array(txs).fill(-1);
    this.inc = new Int32Array(txs);
    this.executions = new Int32Array(txs);
    this.reExecutions = new Int32Array(txs);
    this.blocker = new Int32Array(txs).fill(-1);
    this.blockKey = new Int32Array(txs).fill(-1);
    this.aborts = new Int32Array(txs);
    this.abortAt = new Float64Array(txs).fill(Number.NaN);
    this.abortKey = new Int32Array(txs).fill(-1);
    this.abortWriter = new Int32Array(txs).fill(-1);
    this.commits = new Int32Array(txs);
    this.reverted = new Uint8Array(txs);
    this.messagesOut = new Int32Array(txs);
    this.laneTask = new Uint8Array(lanes);
    this.laneTx = new Int32Array(lanes).fill(-1);
    this.laneInc = new Int32Array(lanes);
    this.laneSince = new Float64Array(lanes).fill(Number.NaN);
    this.columns = [
      this.status,
      this.lane,
      this.inc,
      this.executions,
      this.reExecutions,
      this.blocker,
      this.blockKey,
      this.aborts,
      this.abortAt,
      this.abortKey,
      this.abortWriter,
      this.commits,
      this.reverted,
      this.messagesOut,
    ];
    this.snapshots.push(this.columns.map((c) => c.slice()));
  }

  /** The playhead of the last seek. */
  get time(): number {
    return this.playhead;
  }

  /** Events applied: those with time <= the playhead. */
  get applied(): number {
    return this.appliedEvents;
  }

  /** Moves to time t: the state after every event with time <= t. */
  seek(t: number): this {
    this.playhead = t;
    return this.seekEvents(eventsUpTo(this.log, t));
  }

  /** Moves to the state after the first `events` events. */
  seekEvents(events: number): this {
    const target = Math.max(0, Math.min(this.log.length, Math.floor(events)));
    const k = Math.floor(target / this.stride);
    // Back: the snapshot at or before the target exists (the cursor passed it). Forward: skip to a later
    // snapshot when one was taken on an earlier pass.
    if (
      target < this.appliedEvents ||
      (k > Math.floor(this.appliedEvents / this.stride) && this.snapshots[k])
    ) {
      this.restore(k);
    }
    while (this.appliedEvents < target) this.apply(this.appliedEvents++);
    this.readLanes();
    return this;
  }

  /** Each lane's task after the applied events: its latest span begun by then, if not yet ended. */
  private readLanes(): void {
    const { spans } = this.index;
    const applied = this.appliedEvents;
    for (let l = 0; l < this.lanes; l++) {
      let lo = spans.laneStart[l];
      let hi = spans.laneStart[l + 1];
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (spans.startEvent[mid] < applied) lo = mid + 1;
        else hi = mid;
      }
      const k = lo - 1;
      const begun = k >= spans.laneStart[l];
      const open = begun && (spans.endEvent[k] < 0 || spans.endEvent[k] >= applied);
      this.laneTask[l] = !open
        ? LaneTask.Idle
        : spans.kind[k] === SpanKind.Execute
          ? LaneTask.Execute
          : LaneTask.Validate;
      this.laneTx[l] = open ? spans.tx[k] : -1;
      this.laneInc[l] = begun ? spans.inc[k] : 0;
      this.laneSince[l] = open ? spans.start[k] : Number.NaN;
    }
  }

  private restore(k: number): void {
    const snap = this.snapshots[k];
    this.columns.forEach((c, i) => {
      c.set(snap[i]);
    });
    this.appliedEvents = k * this.stride;
  }

  private isLastUnit(tx: number): boolean {
    return this.commits[tx] >= (this.unitsPerTx ? this.unitsPerTx[tx] : 1);
  }

  private apply(i: number): void {
    if (i % this.stride === 0 && !this.snapshots[i / this.stride]) {
      this.snapshots[i / this.stride] = this.columns.map((c) => c.slice());
    }
    const log = this.log;
    const t = log.time[i];
    const w = log.worker[i];
    const lane = w >= 0 && w < this.lanes ? w : -1;
    const tx = log.tx[i];
    if (tx < 0 || tx >= this.txs) return;
    const st = this.status;
    switch (log.kind[i]) {
      case Ev.ExecStart: {
        st[tx] = TxStatus.Executing;
        this.inc[tx] = log.inc[i];
        // A two-phase commit's apply and settle continue the execution its debit began.
        const flags = this.index.flags[i];
        if (!(flags & EventFlag.LaterLeg)) this.executions[tx]++;
        if (flags & EventFlag.ReExecution) this.reExecutions[tx]++;
        this.reverted[tx] = 0;
        this.blocker[tx] = -1;
        this.blockKey[tx] = -1;
        if (lane >= 0) this.lane[tx] = lane;
        break;
      }
      case Ev.ExecEnd:
        if (st[tx] === TxStatus.Executing) st[tx] = TxStatus.Executed;
        break;
      case Ev.Suspend:
        st[tx] = TxStatus.Suspended;
        this.blocker[tx] = log.other[i];
        this.blockKey[tx] = log.key[i];
        break;
      case Ev.Resume:
        if (st[tx] === TxStatus.Suspended) st[tx] = TxStatus.Pending;
        break;
      case Ev.ValidateStart:
        if (st[tx] === TxStatus.Executed) st[tx] = TxStatus.Validating;
        break;
      case Ev.ValidateEnd:
        if (st[tx] === TxStatus.Validating) st[tx] = TxStatus.Executed;
        break;
      case Ev.Abort:
        st[tx] = TxStatus.Aborted;
        this.aborts[tx]++;
        this.abortAt[tx] = t;
        this.abortKey[tx] = log.key[i];
        this.abortWriter[tx] = log.other[i];
        break;
      case Ev.ListMismatch:
        st[tx] = TxStatus.Rejected;
        break;
      case Ev.Revert:
        this.reverted[tx] = 1;
        break;
      case Ev.Commit:
        this.commits[tx]++;
        if (this.isLastUnit(tx)) st[tx] = this.reverted[tx] ? TxStatus.Reverted : TxStatus.Committed;
        else st[tx] = this.messagesOut[tx] > 0 ? TxStatus.InFlight : TxStatus.Pending;
        break;
      case Ev.LockWait:
        if (st[tx] === TxStatus.Pending || st[tx] === TxStatus.LockWait) {
          st[tx] = TxStatus.LockWait;
          this.blocker[tx] = log.other[i];
          this.blockKey[tx] = log.key[i];
        }
        break;
      case Ev.LockGrant:
        if (st[tx] === TxStatus.LockWait) {
          st[tx] = TxStatus.Pending;
          this.blocker[tx] = -1;
          this.blockKey[tx] = -1;
        }
        break;
      case Ev.MsgSend:
        this.messagesOut[tx]++;
        if (st[tx] !== TxStatus.Committed && st[tx] !== TxStatus.Reverted) st[tx] = TxStatus.InFlight;
        break;
      case Ev.MsgRecv:
        if (this.messagesOut[tx] > 0) this.messagesOut[tx]--;
        if (this.messagesOut[tx] === 0 && st[tx] === TxStatus.InFlight) st[tx] = TxStatus.Pending;
        break;
    }
  }
}

/** The parts of a run the tracker reads (a runtime RunResult has all of them). */
export interface TxStateRun {
  readonly log: EventLogData;
  readonly block: { readonly n: number };
  readonly lanes: number;
  readonly scenario?: { readonly shards: number };
  readonly sequential: { readonly units: number; readonly unitTx: Int32Array };
}

/** Units per transaction of the serial order: more than one for the legs of a sharded receipt run. */
export function unitsPerTx(txs: number, sequential: TxStateRun["sequential"]): Int32Array {
  const units = new Int32Array(txs);
  for (let u = 0; u < sequential.units; u++) {
    const tx = sequential.unitTx[u];
    if (tx >= 0 && tx < txs) units[tx]++;
  }
  return units;
}

const byLog = new WeakMap<EventLogData, TxStates>();

/** The one tracker of a run (views share it and seek it to the playhead before reading). */
export function txStatesOf(run: TxStateRun): TxStates {
  let states = byLog.get(run.log);
  if (!states || states.lanes !== run.lanes) {
    const txs = run.block.n;
    states = new TxStates({
      log: run.log,
      txs,
      lanes: run.lanes,
      shards: run.scenario?.shards,
      unitsPerTx: unitsPerTx(txs, run.sequential),
    });
    byLog.set(run.log, states);
  }
  return states;
}
