/**
 * What a talk-mode chapter shows: the moment it holds on, the short segment it plays to get there, the
 * stretch of time the lanes frame, and the transactions that must carry their numbers (those its caption
 * names, and the event's own actors). A chapter on an event holds where the event can be seen: an
 * execution or a message half way through, an abort or a wait as it happens.
 */
import type { Chapter } from "../scenario/presets";
import { type EventLogData, logEnd } from "../trace/eventlog";
import { Ev } from "../trace/kinds";
import { firstAfterIndex, lastBefore } from "./explain";

export interface TimeSpan {
  readonly from: number;
  readonly to: number;
}

export interface ChapterFrame {
  /** The segment played on entering the chapter: from `from` to `to`, where the playhead then holds. */
  readonly from: number;
  readonly to: number;
  /** The time the lanes frame; null: the whole run. */
  readonly window: TimeSpan | null;
  /** Transactions drawn with their numbers, in block order. */
  readonly txs: readonly number[];
}

/** The frame's lanes window is at least this share of the run, so a 3 µs event in a 2 ms run has room. */
const MIN_WINDOW_SHARE = 1 / 400;

/** Block numbers a text names ("Tx 3 read M[0] before tx 0 wrote it" names 0 and 3), in order. */
export function namedTxs(text: string): number[] {
  const out = new Set<number>();
  for (const m of text.matchAll(/\btx (\d+)\b/gi)) out.add(Number(m[1]));
  return [...out].sort((a, b) => a - b);
}

/** Log index of the first event of the chapter's kind, or -1 (no kind, or none happened). */
function eventOf(c: Chapter, log: EventLogData): number {
  if (c.first === undefined) return -1;
  const kind = Ev[c.first];
  for (let i = 0; i < log.length; i++) if (log.kind[i] === kind) return i;
  return -1;
}

/** Where the span an event starts ends: an execution's end or suspension, a validation's end, a receipt. */
function spanEnd(log: EventLogData, i: number): number {
  const tx = log.tx[i];
  const inc = log.inc[i];
  const ends = (kinds: readonly number[]): number => {
    let best = -1;
    for (const k of kinds) {
      const e = firstAfterIndex(log, tx, i, k, k === Ev.MsgRecv ? -1 : inc);
      if (e >= 0 && (best < 0 || e < best)) best = e;
    }
    return best;
  };
  switch (log.kind[i]) {
    case Ev.ExecStart:
      return ends([Ev.ExecEnd, Ev.Suspend]);
    case Ev.ValidateStart:
      return ends([Ev.ValidateEnd]);
    case Ev.MsgSend:
      return ends([Ev.MsgRecv]);
    default:
      return -1;
  }
}

/** The moment a chapter holds on, with the log index of its event (-1 for a share of the run). */
function momentOf(c: Chapter, log: EventLogData, elapsedUs: number): { t: number; event: number } | null {
  if (c.at !== undefined) return { t: c.at * elapsedUs, event: -1 };
  const i = eventOf(c, log);
  if (i < 0) return null;
  const end = spanEnd(log, i);
  // An execution, validation or message is seen best in progress, half way through.
  return { t: end >= 0 ? (log.time[i] + log.time[end]) / 2 : log.time[i], event: i };
}

/** The event's actors: its transaction and, for an abort, a wait or a resume, the other one. */
function actorsOf(log: EventLogData, i: number): number[] {
  const k = log.kind[i];
  const other = k === Ev.Abort || k === Ev.Suspend || k === Ev.Resume ? log.other[i] : -1;
  return [log.tx[i], other].filter((t) => t >= 0);
}

/**
 * The frame of chapter `n` (from 1) of `chapters` on a run, or undefined when the chapter names no moment
 * or its event never happens. The segment starts at the previous chapter's moment (never before the
 * lanes' window, so the playhead never plays off screen).
 */
export function chapterFrame(
  chapters: readonly Chapter[],
  n: number,
  log: EventLogData,
  elapsedUs: number,
): ChapterFrame | undefined {
  const c = chapters[n - 1];
  if (!c) return undefined;
  const here = momentOf(c, log, elapsedUs);
  if (!here) return undefined;
  const prev = n > 1 ? momentOf(chapters[n - 2], log, elapsedUs) : { t: 0, event: -1 };
  const to = here.t;
  const txs = new Set(namedTxs(c.caption));
  let window: TimeSpan | null = null;
  if (here.event >= 0) {
    const actors = actorsOf(log, here.event);
    for (const t of actors) txs.add(t);
    // From the start of the event (a message's send) and of the actors' executions that lead to it, to a
    // little after its span ends (a message's receipt).
    let a = Math.min(to, log.time[here.event]);
    const spanTo = spanEnd(log, here.event);
    const b = Math.max(to, spanTo >= 0 ? log.time[spanTo] : to);
    for (const t of actors) {
      const start = lastBefore(log, t, here.event + 1, Ev.ExecStart);
      if (start >= 0) a = Math.min(a, log.time[start]);
    }
    const end = logEnd(log);
    const width = Math.max(b - a, end * MIN_WINDOW_SHARE);
    const from = Math.max(0, a - width * 0.2);
    window = { from, to: Math.min(end, Math.max(b, from + width * 1.4)) };
  }
  const from = Math.min(to, Math.max(prev && prev.t < to ? prev.t : to, window ? window.from : 0));
  return { from, to, window, txs: [...txs].sort((a, b) => a - b) };
}
