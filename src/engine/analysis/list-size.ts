import type { AccessList } from "../block";
import type { Names } from "./explain";
import { checkLesson, type ListRun } from "./list-check";

/**
 * What a block access list costs to carry, counted two ways. Here: one entry per (transaction, key read)
 * and per (transaction, key written, post-value). EIP-7928's encoding groups by account: each accessed
 * storage slot once (a 20-byte address, shared by the account's slots, and a 32-byte slot key), reads with
 * no transaction index, each write as a change (a 2-byte block access index and a 32-byte post-value).
 * The estimate takes every key as a slot of its own account (20 + 32 bytes) and leaves out RLP's length
 * prefixes: an approximation, stated wherever it is shown.
 */
export interface ListSize {
  readonly reads: number;
  readonly writes: number;
  /** Writes that are aggregator deltas (the amount added, not a post-value). */
  readonly deltas: number;
  /** Distinct keys the block touches. */
  readonly keys: number;
  /** EIP-7928-style bytes: keys x (20 + 32) + writes x (2 + 32). */
  readonly bytes: number;
}

export const KEY_BYTES = 20 + 32;
export const CHANGE_BYTES = 2 + 32;

export function listSize(list: AccessList): ListSize {
  const keys = new Set<number>();
  for (const k of list.readKey) keys.add(k);
  for (const k of list.writeKey) keys.add(k);
  return {
    reads: list.readKey.length,
    writes: list.writeKey.length,
    deltas: list.writeDelta.reduce((n, d) => n + d, 0),
    keys: keys.size,
    bytes: keys.size * KEY_BYTES + list.writeKey.length * CHANGE_BYTES,
  };
}

const count = (n: number): string => n.toLocaleString("en-US");

/**
 * What a bal run's list cost and whether the block checked out, in sentences computed from the run: the
 * list's size (entries here, bytes in EIP-7928's encoding, approximated), then its check (checkLesson).
 */
export function listLesson(run: ListRun, names: Names): string[] {
  const list = run.block.accessList;
  if (!list) return [];
  const s = listSize(list);
  const writes =
    s.deltas === 0
      ? `${count(s.writes)} writes with their post-values`
      : `${count(s.writes)} writes (${count(s.deltas)} of them aggregator deltas, recorded as the amount added; the others with their post-values)`;
  return [
    `The block's access list: ${count(s.reads)} reads and ${writes} over ${count(s.keys)} keys, about ${count(s.bytes)} bytes in EIP-7928's encoding (each key counted as a slot of its own account, RLP prefixes left out).`,
    ...checkLesson(run, names),
  ];
}
