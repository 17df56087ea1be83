import { ACC_DELTA, ACC_TARGET, ACC_WRITE } from "../block";
import { type AccessSink, ARGS } from "../contracts/contract";
import { CONTRACTS } from "../contracts/registry";

/** A block's declared access in CSR form: tx i's keys are accKey[accStart[i] .. accStart[i+1]). */
export interface DeclaredAccess {
  readonly accStart: Int32Array;
  readonly accKey: Int32Array;
  readonly accFlag: Uint8Array;
}

/**
 * Appends one transaction's keys; a key named twice gets one entry with the union of its flags, and stays a
 * delta only if every mention is one.
 */
class CsrSink implements AccessSink {
  len = 0;
  txStart = 0;
  key: Int32Array;
  flag: Uint8Array;

  constructor(capacity: number) {
    this.key = new Int32Array(capacity);
    this.flag = new Uint8Array(capacity);
  }

  add(key: number, write: boolean, side: 0 | 1): void {
    this.put(key, (write ? ACC_WRITE : 0) | (side === 1 ? ACC_TARGET : 0));
  }

  delta(key: number, side: 0 | 1): void {
    this.put(key, ACC_WRITE | ACC_DELTA | (side === 1 ? ACC_TARGET : 0));
  }

  private put(key: number, f: number): void {
    for (let j = this.txStart; j < this.len; j++) {
      if (this.key[j] === key) {
        this.flag[j] = ((this.flag[j] | f) & ~ACC_DELTA) | (this.flag[j] & f & ACC_DELTA);
        return;
      }
    }
    if (this.len === this.key.length) this.grow();
    this.key[this.len] = key;
    this.flag[this.len++] = f;
  }

  private grow(): void {
    const key = new Int32Array(this.key.length * 2);
    const flag = new Uint8Array(this.key.length * 2);
    key.set(this.key);
    flag.set(this.flag);
    this.key = key;
    this.flag = flag;
  }
}

/** Declared access of n transactions, from each contract's access() over its arguments. */
export function declareAccess(kind: Uint8Array, args: Float64Array, n: number): DeclaredAccess {
  const accStart = new Int32Array(n + 1);
  const sink = new CsrSink(Math.max(4, n * 4));
  for (let i = 0; i < n; i++) {
    sink.txStart = sink.len;
    accStart[i] = sink.len;
    CONTRACTS[kind[i]].access(args, i * ARGS, sink);
  }
  accStart[n] = sink.len;
  return { accStart, accKey: sink.key.slice(0, sink.len), accFlag: sink.flag.slice(0, sink.len) };
}
