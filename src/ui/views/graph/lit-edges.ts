/**
 * The edges the graph lights at a moment: the hovered and selected transactions' edges (all of them), the
 * blocking edge of each waiting transaction and the conflicting edge of each fresh abort, the newest few
 * with their key named.
 */
import { type TxStates, TxStatus } from "../../../engine/analysis/tx-state";
import type { RunResult } from "../../../engine/run-result";
import { keyLabel } from "../tx-label";
import type { NodeFrame } from "./draw-graph";
import type { GraphModel } from "./graph-model";

export type EdgeKind = "focus" | "wait" | "abort";

export interface LitEdge {
  readonly id: string;
  readonly from: number;
  readonly to: number;
  readonly kind: EdgeKind;
  readonly label: string | null;
}

/** At most this many waiting or aborting edges lit at once, and this many of them named. */
const LIT_CAP = 48;
const NAMED_CAP = 3;
export interface OverlayFrame extends NodeFrame {
  readonly selectedTx: number | null;
  readonly hoverTx: number | null;
  readonly showCritical: boolean;
}

export function litEdges(model: GraphModel, states: TxStates, result: RunResult, f: OverlayFrame): LitEdge[] {
  const out: LitEdge[] = [];
  const focusOn = (tx: number | null): void => {
    if (tx === null || tx >= model.txs) return;
    for (let e = model.inStart[tx]; e < model.inStart[tx + 1]; e++) {
      out.push({ id: `f${e}`, from: model.edgeFrom[e], to: tx, kind: "focus", label: null });
    }
    for (let k = model.outStart[tx]; k < model.outStart[tx + 1]; k++) {
      const e = model.outEdge[k];
      out.push({ id: `f${e}`, from: tx, to: model.edgeTo[e], kind: "focus", label: null });
    }
  };
  focusOn(f.selectedTx);
  if (f.hoverTx !== f.selectedTx) focusOn(f.hoverTx);

  const waits: number[] = [];
  const aborts: number[] = [];
  for (let t = 0; t < model.txs; t++) {
    const waiting = states.status[t] === TxStatus.Suspended || states.status[t] === TxStatus.LockWait;
    if (waiting && states.blocker[t] >= 0 && waits.length < LIT_CAP) waits.push(t);
    const since = f.time - states.abortAt[t];
    if (since >= 0 && since < f.flashUs && states.abortWriter[t] >= 0 && aborts.length < LIT_CAP)
      aborts.push(t);
  }
  // Name the keys of the newest aborts, and of every edge that touches the selection.
  const newest = new Set(
    [...aborts].sort((a, b) => states.abortAt[b] - states.abortAt[a]).slice(0, NAMED_CAP),
  );
  for (const t of waits) {
    const named = waits.length <= 2 || t === f.selectedTx;
    const label = named ? keyLabel(result, states.blockKey[t]) : null;
    out.push({ id: `w${t}`, from: states.blocker[t], to: t, kind: "wait", label });
  }
  for (const t of aborts) {
    const named = newest.has(t) || t === f.selectedTx;
    const label = named ? keyLabel(result, states.abortKey[t]) : null;
    out.push({ id: `a${t}`, from: states.abortWriter[t], to: t, kind: "abort", label });
  }
  return out.filter((e) => e.from >= 0 && e.from < model.txs);
}
