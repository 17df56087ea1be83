/** Event kinds of the log. Numbers are stable: they are stored in a Uint8Array and exported in traces. */
export const Ev = {
  /**
   * A worker starts executing (tx, incarnation). `other`: -1 or 0 for a whole execution, or the leg (Phase:
   * 1 debit, 2 apply, 3 settle) of a cross-shard transaction under two-phase commit; a later leg of the
   * same transaction is not a re-execution (isLaterLeg).
   */
  ExecStart: 0,
  /** Execution finished and its writes are published. `other` = 1 if it wrote a new key. */
  ExecEnd: 1,
  /** Execution read an ESTIMATE at `key` left by tx `other` and suspends on it. */
  Suspend: 2,
  /** A suspended tx is made ready again because `other` (its blocker) finished. */
  Resume: 3,
  ValidateStart: 4,
  /** `other` = 1 if the read set was valid. */
  ValidateEnd: 5,
  /** Incarnation aborted: its read of `key` is stale because tx `other` wrote it (or -1 for storage). */
  Abort: 6,
  /** Committed in block order: final. */
  Commit: 7,
  /** A declared-access batch starts: `other` = batch number, `tx` = first tx of the batch. */
  BatchStart: 8,
  BatchEnd: 9,
  /** Cross-shard message leaves a shard: `key` = destination shard, `other` = message kind (MsgKind). */
  MsgSend: 10,
  /** Cross-shard message arrives: `key` = source shard, `other` = message kind (MsgKind). */
  MsgRecv: 11,
  /** A sharded round starts on every shard: `other` = round number. */
  RoundStart: 12,
  /** Execution of the tx reverted (its own logic said no): `other` = revert reason (Revert). */
  Revert: 13,
  /** Account locks: the tx waits for its lock on `key`, queued behind tx `other`, an earlier tx it conflicts with there. */
  LockWait: 14,
  /** Account locks: the tx now holds every lock it declared; the last one came free when tx `other` released `key`. */
  LockGrant: 15,
  /** Two-phase commit: the tx now holds its locks on one shard (the lane's): `key` = the first, `other` = how many. */
  LockHold: 16,
  /** Two-phase commit: the tx releases its locks on one shard: `key` = the first, `other` = how many. */
  LockRelease: 17,
  /**
   * Unsafe runs only (naive): tx published `key` over the write of tx `other`, which it had not seen when it
   * read the key. `other`'s update is lost.
   */
  LostUpdate: 18,
  /** Block access lists (bal): tx's execution disagrees with the list at `key`; `other` = ListMismatch kind. */
  ListMismatch: 19,
} as const;
export type EventKind = (typeof Ev)[keyof typeof Ev];

/** An ExecStart's `other` names the apply or settle leg of a transaction whose debit ran first. */
export function isLaterLeg(other: number): boolean {
  return other >= 2;
}

export const EV_NAMES: readonly string[] = [
  "exec-start",
  "exec-end",
  "suspend",
  "resume",
  "validate-start",
  "validate-end",
  "abort",
  "commit",
  "batch-start",
  "batch-end",
  "msg-send",
  "msg-recv",
  "round-start",
  "revert",
  "lock-wait",
  "lock-grant",
  "lock-hold",
  "lock-release",
  "lost-update",
  "list-mismatch",
];

/** How an execution can disagree with its block access list entry (the `other` of a ListMismatch event). */
export const ListMismatch = {
  /** It wrote the key with a value other than the list's post-value. */
  Value: 0,
  /** It wrote a key its entry does not list as written. */
  UnlistedWrite: 1,
  /** Its entry lists a write it did not make. */
  MissingWrite: 2,
  /** It read a key its entry does not list as read. */
  UnlistedRead: 3,
  /** Its entry lists a read it did not make. */
  MissingRead: 4,
} as const;
export const LIST_MISMATCH_NAMES: readonly string[] = [
  "wrote a different value than the list",
  "wrote a key the list does not give it",
  "did not write a key the list says it wrote",
  "read a key the list does not give it",
  "did not read a key the list says it read",
];

/** Kinds of cross-shard messages. */
export const MsgKind = {
  /** Asynchronous receipt carrying the second leg of a transaction. */
  Receipt: 0,
  /** Receipt carrying the result back (settle or refund). */
  Settle: 1,
  /** Two-phase commit: prepare (lock your keys and run your part), votes, the decision. */
  Prepare: 2,
  /** The target holds its keys and its part succeeded: yes. */
  Vote: 3,
  CommitMsg: 4,
  /** The target's part would fail: no (it has released its keys). */
  VoteNo: 5,
  /** The coordinator aborts before preparing: its own part failed; the target only releases its keys. */
  Abort: 6,
} as const;
export type MsgKindT = (typeof MsgKind)[keyof typeof MsgKind];
export const MSG_NAMES: readonly string[] = [
  "receipt",
  "settle",
  "prepare",
  "vote yes",
  "commit",
  "vote no",
  "abort",
];
