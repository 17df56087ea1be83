import type { StateView } from "../contracts/contract";
import { AtomicAdder } from "./atomic-add";
import { WriteBuffer } from "./run-unit";

/**
 * A worker's view for schedulers that run a unit only when nothing it conflicts with is in flight: reads go
 * straight to the shared state, writes stay private until the unit completes (and are dropped on a revert).
 * Aggregator deltas may be in flight side by side (their limit not at stake: stakeDeltas): a tryAdd decides
 * on the value it sees, and its delta is added atomically on publish.
 */
export class DirectView implements StateView {
  unit = -1;
  output = 0;
  readonly writes: WriteBuffer;

  constructor(
    private readonly state: Float64Array,
    capacity: number,
    private readonly adder: AtomicAdder,
  ) {
    this.writes = new WriteBuffer(capacity);
  }

  read(key: number): number {
    const i = this.writes.find(key);
    if (i < 0) return this.state[key];
    return this.writes.delta[i] ? this.state[key] + this.writes.vals[i] : this.writes.vals[i];
  }

  write(key: number, value: number): void {
    this.writes.put(key, value);
  }

  tryAdd(key: number, delta: number, limit: number): boolean {
    if (this.read(key) + delta > limit) return false;
    this.writes.add(key, delta);
    return true;
  }

  /** Publishes the unit's writes to the state. */
  publish(): void {
    const w = this.writes;
    for (let i = 0; i < w.n; i++) {
      if (w.delta[i]) this.adder.add(w.keys[i], w.vals[i]);
      else this.state[w.keys[i]] = w.vals[i];
    }
  }
}

/** One DirectView per worker, made on first use (a live thread only ever asks for its own). */
export class DirectViews {
  private readonly views: DirectView[] = [];
  private readonly adder: AtomicAdder;

  constructor(
    private readonly state: Float64Array,
    private readonly capacity: number,
  ) {
    this.adder = new AtomicAdder(state);
  }

  of(w: number): DirectView {
    let v = this.views[w];
    if (!v) {
      v = new DirectView(this.state, this.capacity, this.adder);
      this.views[w] = v;
    }
    return v;
  }
}
