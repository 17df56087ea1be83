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
}
