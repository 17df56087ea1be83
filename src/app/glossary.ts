/**
 * The words the page uses, defined once: the glossary dialog, the guided story's inline terms and the
 * metrics panel's figure notes all read these texts.
 */
export const GLOSSARY = {
  parallel: {
    term: "Parallel execution",
    text: "Running the transactions of one block on several workers at once, while the block must still end in the state of running them one by one in block order.",
  },
  conflict: {
    term: "Conflict",
    text: "Two transactions conflict when they touch the same key and at least one of them writes it: the later one in the block must see the earlier one's write.",
  },
  abort: {
    term: "Abort",
    text: "Executions thrown away because a lower transaction wrote a key they had read.",
  },
  incarnation: {
    term: "Incarnation",
    text: "One execution of a transaction in Block-STM: the first is incarnation 1, and each abort, or resume after waiting for another transaction, is followed by the next incarnation (as in the paper; Aptos resumes a waiting execution as the same incarnation).",
  },
  validation: {
    term: "Validation",
    text: "Block-STM's check, after a transaction executes, that every key it read still holds the value it saw; a stale read aborts it.",
  },
  batch: {
    term: "Batch (level)",
    text: "Level batches: groups with no conflicting declared access; the workers finish one before the next begins (a barrier).",
  },
  lock: {
    term: "Account lock",
    text: "A transaction declares the keys (accounts) it will read and write before it runs; it starts only when every earlier transaction that conflicts with it on a declared key has finished, as Solana's Agave schedules.",
  },
  accessList: {
    term: "Block access list",
    text: "EIP-7928: the block carries, for every transaction, the keys it reads and writes and the values it wrote, so every transaction can run at once against the list and be checked against it; a list that does not match execution makes the block invalid.",
  },
  shard: {
    term: "Shard",
    text: "A part of the state (a group of accounts) with its own workers; a transaction whose keys live on two shards needs messages between them.",
  },
  receipt: {
    term: "Receipt",
    text: "A cross-shard message: a transaction's first leg commits on its own shard and sends a receipt; its second leg runs on the other shard in a later round, as on NEAR.",
  },
  twoPhase: {
    term: "Two-phase commit",
    text: "A cross-shard transaction locks its keys on both shards, asks each to prepare and vote, then commits or aborts on both; the keys stay locked while the messages cross.",
  },
  criticalPath: {
    term: "Critical path",
    text: "The costliest chain of transactions each of which reads a key the one before it wrote: no schedule can finish the block sooner (with an access list, which removes the chains, the longest single transaction).",
  },
  speedup: {
    term: "Speedup",
    text: "Sequential time divided by this run's time, for the same block on the same clock.",
  },
  ideal: {
    term: "Ideal speedup",
    text: "min(workers, total work / critical path): the best any schedule could reach, given the longest chain of dependent transactions.",
  },
} as const;

export type Term = keyof typeof GLOSSARY;
export const TERMS = Object.keys(GLOSSARY) as Term[];
