import { ARGS } from "./contracts/contract";

/** A named, contiguous range of keys ("balance" 0..999); labels name individual keys when they have names. */
export interface KeyRegion {
  readonly name: string;
  readonly start: number;
  readonly count: number;
  readonly labels?: readonly string[];
}

/** Number of placement groups: key k lives on shard group[k] % shards, whatever the shard count. */
export const GROUPS = 64;

export interface KeySpace {
  readonly count: number;
  readonly initial: Float64Array;
  /** Placement group of each key (0..GROUPS-1). */
  readonly group: Uint8Array;
  readonly regions: readonly KeyRegion[];
}

/**
 * A block: transactions as typed arrays (plain data, structured-cloneable, shareable) plus their
 * declared access in CSR form (accStart[i]..accStart[i+1] index accKey/accFlag).
 */
export interface Block {
  readonly n: number;
  /** Contract id per transaction (index into the contract registry). */
  readonly kind: Uint8Array;
  /** ARGS float64 arguments per transaction. */
  readonly args: Float64Array;
  /** Gas per transaction: the virtual clock's cost. */
  readonly gas: Float64Array;
  readonly keys: KeySpace;
  readonly accStart: Int32Array;
  readonly accKey: Int32Array;
  /** bit 0: may write; bit 1: target side; bit 2: only tryAdds to it (an aggregator; bit 0 is set too). */
  readonly accFlag: Uint8Array;
  /** Imported blocks: per-transaction fee keys feeStart + i, swept into minerKey after the block. */
  readonly feeSweep?: { readonly minerKey: number; readonly feeStart: number };
  /** Carried for the bal scheduler only: what a block builder recorded of each transaction's execution. */
  readonly accessList?: AccessList;
}

/**
 * A block access list, as EIP-7928 has a block carry one: per transaction (CSR), the keys it read and the
 * keys it wrote with the value each held after it. Built by the block builder's sequential run; the bal
 * scheduler executes every transaction against it at once and checks each one against its entry.
 */
export interface AccessList {
  readonly n: number;
  readonly readStart: Int32Array;
  readonly readKey: Int32Array;
  readonly writeStart: Int32Array;
  readonly writeKey: Int32Array;
  /** Post-transaction value of each written key, or the amount added where writeDelta is set. */
  readonly writeVal: Float64Array;
  /** 1 where the transaction only added to the key (an aggregator delta): the list records the delta. */
  readonly writeDelta: Uint8Array;
}

export const ACC_WRITE = 1;
export const ACC_TARGET = 2;
export const ACC_DELTA = 4;

export function keyName(keys: KeySpace, k: number): string {
  for (const r of keys.regions) {
    if (k >= r.start && k < r.start + r.count) {
      const i = k - r.start;
      return r.labels ? `${r.name}[${r.labels[i]}]` : `${r.name}[${i}]`;
    }
  }
  return `key[${k}]`;
}

export function argOffset(tx: number): number {
  return tx * ARGS;
}
