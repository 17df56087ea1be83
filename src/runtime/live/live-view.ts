import type { EventLogData } from "../../engine/trace/eventlog";
import { type ControlDims, RunControl, sumThreads, T_COMMITS } from "./control";
import { SharedLogs } from "./shared-log";

/**
 * Where a parallel run in flight publishes its events: plain data over shared memory, so it crosses from
 * the coordinator's thread to the page by postMessage without a copy, and anyone holding it reads the
 * logs while they grow.
 */
export interface LiveMemory {
  readonly lanes: number;
  /** Transactions in the block (what the committed count counts towards). */
  readonly total: number;
  readonly control: SharedArrayBuffer;
  readonly dims: ControlDims;
  readonly logs: SharedArrayBuffer;
  readonly capacity: number;
}

/** The parallel run while it happens: read from shared memory, so it can be drawn live. */
export interface LiveView {
  readonly lanes: number;
  /** Transactions in the block (what `committed` counts towards). */
  readonly total: number;
  /** Every event the workers have published so far, time-sorted (us since the run started). */
  snapshot(): EventLogData;
  /** Units committed so far. */
  committed(): number;
  /**
   * A reader of the logs as they grow: each call returns the events published and not yet read, time-sorted,
   * at most `limit` of them (the earliest); each lane's events come in time order across calls.
   */
  reader(): (limit?: number) => EventLogData;
}

/** A view of the run that published into `memory`, from any thread that holds it. */
export function attachLiveView(memory: LiveMemory): LiveView {
  const control = RunControl.attach(memory.control, memory.dims);
  const logs = SharedLogs.attach(memory.logs, memory.dims.threads, memory.capacity);
  return {
    lanes: memory.lanes,
    total: memory.total,
    snapshot: () => logs.snapshot(control),
    committed: () => sumThreads(control, T_COMMITS),
    reader: () => {
      const read = new Int32Array(memory.dims.threads);
      return (limit) => logs.readSince(control, read, limit);
    },
  };
}
