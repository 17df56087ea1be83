import type { Arena } from "../../arena";
import type { AccessList, Block } from "../../block";
import { readThenAdd } from "../../contracts/contract";
import type { CostModel } from "../../scenario/scenario";
import type { EventSink } from "../../trace/eventlog";
import { Ev, ListMismatch } from "../../trace/kinds";
import { logCommit } from "../log-commit";
import { OnceExecutor, type OnceView } from "../once";
import { WriteBuffer } from "../run-unit";
import { ticks } from "../unit-cost";
import { Phase, type Units } from "../units";
import { ListIndex } from "./list-index";

/** A transaction run against the list: its inputs are the block's pre-state plus the list's earlier writes. */
class ListView implements OnceView {
  unit = -1;
  output = 0;
  readonly writes: WriteBuffer;
  readonly readKey: Int32Array;
  reads = 0;

  constructor(
    private readonly pre: Float64Array,
    private readonly index: ListIndex,
    capacity: number,
  ) {
    this.writes = new WriteBuffer(capacity);
    this.readKey = new Int32Array(Math.max(1, capacity));
  }

  /** Reads are recorded as the block builder's sequential run records them: once, and not of own writes. */
  read(key: number): number {
    const w = this.writes.find(key);
    if (w >= 0 && !this.writes.delta[w]) return this.writes.vals[w];
    this.noteRead(key);
    const value = this.index.valueBefore(key, this.unit, this.pre[key]);
    return w >= 0 ? value + this.writes.vals[w] : value;
  }

  private noteRead(key: number): void {
    if (this.hasRead(key)) return;
    if (this.reads === this.readKey.length)
      throw new Error(`tx ${this.unit} read more keys than it declares, the last ${key}`);
    this.readKey[this.reads++] = key;
  }

  write(key: number, value: number): void {
    this.writes.put(key, value);
  }

  /**
   * An aggregator delta, as the builder recorded it: decided on the value the list gives (pre-state plus
   * the earlier entries' deltas), kept as a delta, and a read only when it fails at the limit.
   */
  tryAdd(key: number, delta: number, limit: number): boolean {
    const w = this.writes.find(key);
    if (w >= 0 && !this.writes.delta[w]) return readThenAdd(this, key, delta, limit);
    const own = w >= 0 ? this.writes.vals[w] : 0;
    if (this.index.valueBefore(key, this.unit, this.pre[key]) + own + delta <= limit) {
      this.writes.add(key, delta);
      return true;
    }
    this.noteRead(key);
    return false;
  }

  hasRead(key: number): boolean {
    for (let i = 0; i < this.reads; i++) if (this.readKey[i] === key) return true;
    return false;
  }
}

/**
 * Block access lists (EIP-7928's idea): the block carries, for every transaction, what it read and what it
 * wrote with the values written, so each transaction can execute at once against the pre-state plus the
 * list's earlier writes, with no ordering and no re-execution. Each execution is then checked against its
 * entry: a read or write the entry does not have, or a written value that differs, is logged
 * (Ev.ListMismatch, with the key and how it differs) and makes the block invalid, so its state is left
 * untouched. When every entry checks out, the state update is the list's last post-value of each key.
 * With aggregators the list records a delta as the amount added rather than a post-value (EIP-7928 has no
 * deltas: it records post-values), and a transaction's tryAdd decides on the pre-state plus the list's
 * earlier deltas.
 */
export class BalExecutor extends OnceExecutor<ListView> {
  private readonly list: AccessList;
  private readonly index: ListIndex;
  /** Executing a transaction, then comparing each entry of its read and write sets with the list. */
  private readonly cost: Float64Array;
  /** Shared: how many transactions disagreed with the list. */
  private readonly mismatched: Int32Array;

  constructor(
    block: Block,
    units: Units,
    private readonly state: Float64Array,
    costModel: CostModel,
    sink: EventSink,
    laneBase: number,
    arena: Arena,
  ) {
    super(block, units, costModel, sink, laneBase, arena);
    if (!block.accessList) throw new Error("the bal scheduler needs a block that carries an access list");
    for (let u = 0; u < units.n; u++)
      if (units.phase[u] !== Phase.Full || units.tx[u] !== u)
        throw new Error("the bal scheduler runs whole, unsharded blocks only");
    this.list = block.accessList;
    this.index = new ListIndex(this.list);
    const l = this.list;
    this.cost = this.workCost.map((c, t) => {
      const entries = l.readStart[t + 1] - l.readStart[t] + l.writeStart[t + 1] - l.writeStart[t];
      return c + ticks(costModel.validateUsPerRead * entries);
    });
    this.mismatched = arena.int32(1);
  }

  protected makeView(): ListView {
    return new ListView(this.state, this.index, this.capacity);
  }

  protected taskUs(u: number): number {
    return this.cost[u];
  }

  complete(w: number, now: number): number {
    const v = this.view(w);
    const t = v.unit;
    const lane = this.laneBase + w;
    this.output[t] = v.output;
    this.sink.emit(now, lane, Ev.ExecEnd, t, 0, -1, v.writes.n > 0 ? 1 : 0);
    const bad = (key: number, how: number) => this.sink.emit(now, lane, Ev.ListMismatch, t, 0, key, how);
    const l = this.list;
    let mismatches = 0;
    for (let i = l.writeStart[t]; i < l.writeStart[t + 1]; i++) {
      const j = v.writes.find(l.writeKey[i]);
      if (j < 0) bad(l.writeKey[i], ListMismatch.MissingWrite);
      else if (v.writes.vals[j] !== l.writeVal[i] || v.writes.delta[j] !== l.writeDelta[i])
        bad(l.writeKey[i], ListMismatch.Value);
      else continue;
      mismatches++;
    }
    for (let j = 0; j < v.writes.n; j++) {
      if (listed(l.writeStart, l.writeKey, t, v.writes.keys[j])) continue;
      bad(v.writes.keys[j], ListMismatch.UnlistedWrite);
      mismatches++;
    }
    for (let i = l.readStart[t]; i < l.readStart[t + 1]; i++) {
      if (v.hasRead(l.readKey[i])) continue;
      bad(l.readKey[i], ListMismatch.MissingRead);
      mismatches++;
    }
    for (let j = 0; j < v.reads; j++) {
      if (listed(l.readStart, l.readKey, t, v.readKey[j])) continue;
      bad(v.readKey[j], ListMismatch.UnlistedRead);
      mismatches++;
    }
    if (mismatches > 0) Atomics.add(this.mismatched, 0, 1);
    else logCommit(this.sink, now, lane, t, v.output);
    return 0;
  }

  /** The list's post-values, once every transaction checked out; an invalid block changes nothing. */
  writeBack(state: Float64Array): void {
    if (Atomics.load(this.mismatched, 0) === 0) this.index.applyTo(state);
  }
}

function listed(start: Int32Array, keys: Int32Array, t: number, key: number): boolean {
  for (let i = start[t]; i < start[t + 1]; i++) if (keys[i] === key) return true;
  return false;
}
