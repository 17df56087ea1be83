import type { StateView } from "../contracts/contract";
import { WriteBuffer } from "./run-unit";

/**
 * A worker's view for schedulers that run a unit only when nothing it conflicts with is in flight: reads go
 * straight to the shared state, writes stay private until the unit completes (and are dropped on a revert).
 */
export class DirectView implements StateView {
  unit = -1;
  output = 0;
  readonly writes: WriteBuffer;

  constructor(
    private readonly state: Float64Array,
    capacity: number,
  ) {
    this.writes = new WriteBuffer(capacity);
  }

  read(key: number): number {
    const i = this.writes.find(key);
    return i >= 0 ? this.writes.vals[i] : this.state[key];
  }

  write(key: number, value: number): void {
    this.writes.put(key, value);
  }

  /** Publishes the unit's writes to the state. */
  publish(): void {
    for (let i = 0; i < this.writes.n; i++) this.state[this.writes.keys[i]] = this.writes.vals[i];
  }
}

/** One DirectView per worker, made on first use (a live thread only ever asks for its own). */
export class DirectViews {
  private readonly views: DirectView[] = [];

  constructor(
    private readonly state: Float64Array,
    private readonly capacity: number,
  ) {}

  of(w: number): DirectView {
    let v = this.views[w];
    if (!v) {
      v = new DirectView(this.state, this.capacity);
      this.views[w] = v;
    }
    return v;
  }
}
