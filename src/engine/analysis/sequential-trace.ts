/**
 * What the sequential oracle saw, per transaction (CSR): each read with the tx whose write it saw
 * (-1 = initial state), and each key written. For sharded receipt runs, per unit of the serial order.
 */
export interface SequentialTrace {
  readonly units: number;
  /** Transaction of each unit of the serial order. */
  readonly unitTx: Int32Array;
  readonly readStart: Int32Array;
  readonly readKey: Int32Array;
  /** Unit index whose write the read saw, or -1 for the initial state. */
  readonly readFrom: Int32Array;
  readonly writeStart: Int32Array;
  readonly writeKey: Int32Array;
  /** Revert code per unit (0 = succeeded). */
  readonly revert: Int8Array;
  /** Virtual cost of each unit in microseconds, as one worker pays it: taking the unit, then executing it. */
  readonly costUs: Float64Array;
  /**
   * The part of every unit's cost spent taking it from the scheduler. A worker can take a unit while the
   * unit it depends on still runs, so on a chain of dependent units only the first one's is unavoidable.
   */
  readonly claimUs: number;
  /**
   * Two-phase commit on keys only: a cross-shard transaction runs its debit on its home shard, then its
   * apply on the target shard, and nobody sees its writes before it is decided. Per unit, the execution
   * spent before the target leg (its debit; 0 when not split), and per read, 1 if the target leg makes it:
   * those reads wait for their writers only once the debit is done (see criticalPath).
   */
  readonly targetLeg?: { readonly beforeUs: Float64Array; readonly lateRead: Uint8Array };
}
