/** Event kinds of the log. Numbers are stable: they are stored in a Uint8Array and exported in traces. */
export const Ev = {
  /** A worker starts executing (tx, incarnation). */
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
} as const;
export type EventKind = (typeof Ev)[keyof typeof Ev];

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
];

/** Kinds of cross-shard messages. */
export const MsgKind = {
  /** Asynchronous receipt carrying the second leg of a transaction. */
  Receipt: 0,
  /** Receipt carrying the result back (settle or refund). */
  Settle: 1,
  /** Two-phase commit: prepare (lock request), vote, commit. */
  Prepare: 2,
  Vote: 3,
  CommitMsg: 4,
} as const;
export type MsgKindT = (typeof MsgKind)[keyof typeof MsgKind];
export const MSG_NAMES: readonly string[] = ["receipt", "settle", "prepare", "vote", "commit"];
