/**
 * Canvas drawing of the shards at the playhead: a band per shard (its queue, its load against the busiest
 * shard, its round, the keys two-phase commit holds locked on it, what its workers do) and, at the right,
 * the messages in flight between shards moving along arcs, violet, named by kind (the votes so far are
 * told in words above, by ShardsView).
 */
import { LaneTask, type TxStates, TxStatus } from "../../../engine/analysis/tx-state";
import { MSG_NAMES } from "../../../engine/trace/kinds";
import { formatInt, plural } from "../../format";
import { GLYPHS, strokeWidth } from "../graph/glyphs";
import type { Palette } from "../palette";
import { inFlight, type ShardAt, type ShardModel, shardAt } from "./shard-model";

const FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const BOLD = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
/** Room for the queue text of a thin band, right of its load bar. */
const COMPACT_TEXT = 118;
/** Most message dots drawn; beyond it dots of one arc merge into counts anyway. */
const DOT_CAP = 400;

export interface ShardsLayout {
  readonly width: number;
  readonly height: number;
  readonly bandsRight: number;
  readonly bandTop: Float32Array;
  readonly bandHeight: number;
  readonly netX: number;
}

export function layoutShards(shards: number, width: number, height: number): ShardsLayout {
  const bandsRight = Math.max(180, Math.min(width * 0.58, width - 150));
  const bandHeight = Math.min(62, Math.max(6, (height - 8) / shards));
  const used = bandHeight * shards;
  const top = Math.max(4, (height - used) / 2);
  return {
    width,
    height,
    bandsRight,
    bandTop: Float32Array.from({ length: shards }, (_, s) => top + s * bandHeight),
    bandHeight,
    netX: bandsRight + 26,
  };
}

export function drawShards(
  ctx: CanvasRenderingContext2D,
  m: ShardModel,
  states: TxStates,
  pairs: ReadonlySet<number>,
  L: ShardsLayout,
  t: number,
  palette: Palette,
): void {
  ctx.clearRect(0, 0, L.width, L.height);
  let maxTotal = 1;
  for (let s = 0; s < m.shards; s++) maxTotal = Math.max(maxTotal, m.arrivals[s].length);
  for (let s = 0; s < m.shards; s++) drawBand(ctx, m, states, s, L, t, maxTotal, palette);
  drawNetwork(ctx, m, pairs, L, t, palette);
}

function drawBand(
  ctx: CanvasRenderingContext2D,
  m: ShardModel,
  states: TxStates,
  s: number,
  L: ShardsLayout,
  t: number,
  maxTotal: number,
  palette: Palette,
): void {
  const at = shardAt(m, s, t);
  const top = L.bandTop[s];
  const h = L.bandHeight;
  const roomy = h >= 34;
  ctx.fillStyle = s % 2 ? palette["surface-2"] : palette.surface;
  ctx.fillRect(0, top, L.bandsRight, h - 1);
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  ctx.fillStyle = palette.xshard;
  ctx.font = BOLD;
  const labelY = roomy ? top + 12 : top + h / 2;
  if (h >= 9) ctx.fillText(roomy ? `Shard ${s}` : `S${s}`, 6, labelY);

  const barLeft = roomy ? 6 : 40;
  const barRight = L.bandsRight - (roomy ? 8 : COMPACT_TEXT + 12);
  const barY = roomy ? top + h - 15 : top + h * 0.25;
  const barH = roomy ? 8 : Math.max(2, h * 0.5);
  const full = ((barRight - barLeft) * at.total) / maxTotal;
  const done = at.total > 0 ? (full * at.committed) / at.total : 0;
  const queued = at.total > 0 ? (full * at.queue) / at.total : 0;
  ctx.strokeStyle = palette.border;
  ctx.lineWidth = 1;
  ctx.strokeRect(barLeft + 0.5, barY + 0.5, Math.max(1, full - 1), barH - 1);
  ctx.fillStyle = palette.commit;
  ctx.fillRect(barLeft, barY, done, barH);
  ctx.fillStyle = palette.exec;
  ctx.globalAlpha = 0.55;
  ctx.fillRect(barLeft + done, barY, queued, barH);
  ctx.globalAlpha = 1;

  ctx.font = FONT;
  ctx.fillStyle = palette.text;
  if (roomy) {
    const workersLeft = drawWorkers(
      ctx,
      states,
      s * m.workersPerShard,
      m.workersPerShard,
      L.bandsRight - 8,
      top + 12,
      palette,
    );
    // The longest description that fits between the name and the worker squares.
    const round = at.round >= 0 ? ` · round ${at.round + 1}` : "";
    const texts = [
      `queue ${formatInt(at.queue)} · ${formatInt(at.committed)}/${formatInt(at.total)} committed${round}`,
      `queue ${formatInt(at.queue)}${round}`,
      `queue ${formatInt(at.queue)}`,
    ];
    const room = workersLeft - 8 - 70;
    const text = texts.find((t) => ctx.measureText(t).width <= room);
    if (text) ctx.fillText(text, 70, labelY);
    if (at.lockingTxs > 0 && h >= 44) drawLocks(ctx, at, 8, barY - 9, barRight - 8, palette);
  } else if (h >= 9) {
    ctx.textAlign = "right";
    const queue = `queue ${formatInt(at.queue)}`;
    const locked = at.lockingTxs > 0 ? ` · ${formatInt(at.lockedKeys)} locked` : "";
    const texts =
      at.round >= 0
        ? [`${queue} · round ${at.round + 1}`, `${queue} · r${at.round + 1}`, queue]
        : [`${queue}${locked}`, queue];
    const text = texts.find((t) => ctx.measureText(t).width <= COMPACT_TEXT) ?? queue;
    ctx.fillText(text, L.bandsRight - 6, top + h / 2);
  }
}

/** The keys two-phase commit holds locked on a shard: a padlock (the lock-wait glyph) and the count. */
function drawLocks(
  ctx: CanvasRenderingContext2D,
  at: ShardAt,
  x: number,
  y: number,
  right: number,
  palette: Palette,
): void {
  const r = 4.5;
  for (const layer of GLYPHS[TxStatus.LockWait].layers) {
    const p = new Path2D();
    layer.path(p, x + r, y, r);
    if (layer.paint === "fill") {
      ctx.fillStyle = palette[layer.role];
      ctx.fill(p);
    } else {
      ctx.strokeStyle = palette[layer.role];
      ctx.lineWidth = strokeWidth(layer, r);
      ctx.stroke(p);
    }
  }
  const keys = `${plural(at.lockedKeys, "key")} locked`;
  const texts = [`${keys} by ${plural(at.lockingTxs, "cross-shard tx")}`, keys];
  ctx.fillStyle = palette.text;
  ctx.textAlign = "left";
  const text = texts.find((t) => ctx.measureText(t).width <= right - x - 3 * r) ?? keys;
  ctx.fillText(text, x + 3 * r, y);
}

/**
 * A square per worker of the shard, right-aligned: filled blue executing, green validating, hollow idle.
 * Returns the left edge of the row.
 */
function drawWorkers(
  ctx: CanvasRenderingContext2D,
  states: TxStates,
  first: number,
  count: number,
  right: number,
  y: number,
  palette: Palette,
): number {
  const size = 8;
  const step = count > 16 ? 5 : 11;
  const s = count > 16 ? 4 : size;
  for (let k = 0; k < count; k++) {
    const x = right - (count - k) * step;
    const task = states.laneTask[first + k];
    if (task === LaneTask.Idle) {
      ctx.strokeStyle = palette.pending;
      ctx.strokeRect(x + 0.5, y - s / 2 + 0.5, s - 1, s - 1);
    } else {
      ctx.fillStyle = task === LaneTask.Execute ? palette.exec : palette.commit;
      ctx.fillRect(x, y - s / 2, s, s);
    }
  }
  return right - count * step;
}

/** "prepare", "3 prepares", "2 votes yes". */
function messages(kind: number, n: number): string {
  const name = MSG_NAMES[kind] ?? "message";
  if (n === 1) return name;
  const [head, ...rest] = name.split(" ");
  return [`${formatInt(n)} ${head}s`, ...rest].join(" ");
}

/** Key of a shard pair for the set of pairs that ever exchange messages. */
export const pairKey = (src: number, dst: number, shards: number): number => src * shards + dst;

interface Arc {
  readonly x0: number;
  readonly y0: number;
  readonly cx: number;
  readonly cy: number;
  readonly x1: number;
  readonly y1: number;
}

function arcOf(L: ShardsLayout, src: number, dst: number): Arc {
  const y0 = L.bandTop[src] + L.bandHeight / 2;
  const y1 = L.bandTop[dst] + L.bandHeight / 2;
  // Farther shards bulge farther, over the whole width; downward and upward traffic by different amounts,
  // so the two directions never overlap.
  const room = Math.max(20, L.width - L.netX - 70);
  const reach = Math.abs(y1 - y0) / Math.max(1, L.bandTop[L.bandTop.length - 1] - L.bandTop[0]);
  const bulge = room * (0.25 + 0.75 * reach) * (src < dst ? 0.6 : 1);
  // A quadratic curve reaches half way to its control point.
  return { x0: L.netX, y0, cx: L.netX + bulge * 2, cy: (y0 + y1) / 2, x1: L.netX, y1 };
}

function pointOn(a: Arc, k: number): [number, number] {
  const u = 1 - k;
  return [u * u * a.x0 + 2 * u * k * a.cx + k * k * a.x1, u * u * a.y0 + 2 * u * k * a.cy + k * k * a.y1];
}

function drawNetwork(
  ctx: CanvasRenderingContext2D,
  m: ShardModel,
  pairs: ReadonlySet<number>,
  L: ShardsLayout,
  t: number,
  palette: Palette,
): void {
  // Every route the run used, faint.
  ctx.strokeStyle = palette.xshard;
  ctx.globalAlpha = 0.22;
  ctx.lineWidth = 1;
  for (const key of pairs) {
    const a = arcOf(L, Math.floor(key / m.shards), key % m.shards);
    ctx.beginPath();
    ctx.moveTo(a.x0, a.y0);
    ctx.quadraticCurveTo(a.cx, a.cy, a.x1, a.y1);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  // Shard ends of the routes.
  ctx.fillStyle = palette.xshard;
  for (let s = 0; s < m.shards; s++) {
    ctx.beginPath();
    ctx.arc(L.netX, L.bandTop[s] + L.bandHeight / 2, Math.min(5, L.bandHeight / 3), 0, Math.PI * 2);
    ctx.fill();
  }

  // Messages in flight: one dot per group sent together on the same route, with its count and kind.
  const msgs = m.messages;
  const flying = inFlight(msgs, t);
  const groups = new Map<string, { i: number; n: number }>();
  for (const i of flying) {
    const id = `${msgs.src[i]}>${msgs.dst[i]}:${msgs.kind[i]}:${msgs.send[i]}`;
    const g = groups.get(id);
    if (g) g.n++;
    else groups.set(id, { i, n: 1 });
  }
  ctx.font = FONT;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  // Kind names beside the dots only while they cannot crowd each other; counts beside merged dots.
  const nameKinds = groups.size <= 4;
  let drawn = 0;
  for (const { i, n } of groups.values()) {
    if (drawn++ >= DOT_CAP) break;
    const a = arcOf(L, msgs.src[i], msgs.dst[i]);
    const span = msgs.recv[i] - msgs.send[i];
    const [x, y] = pointOn(a, span > 0 ? Math.min(1, (t - msgs.send[i]) / span) : 1);
    ctx.fillStyle = palette.xshard;
    ctx.beginPath();
    ctx.arc(x, y, n > 1 ? 5 : 3.5, 0, Math.PI * 2);
    ctx.fill();
    const label = nameKinds ? messages(msgs.kind[i], n) : n > 1 ? formatInt(n) : "";
    if (label) {
      ctx.fillStyle = palette.text;
      ctx.fillText(label, x + 8, y);
    }
  }
  // What is in flight, by kind.
  const byKind = new Map<number, number>();
  for (const i of flying) byKind.set(msgs.kind[i], (byKind.get(msgs.kind[i]) ?? 0) + 1);
  const parts = [...byKind.entries()].map(([k, n]) => messages(k, n));
  ctx.fillStyle = palette.muted;
  ctx.textAlign = "right";
  ctx.textBaseline = "top";
  // The longest wording that fits right of the bands.
  const room = L.width - L.bandsRight - 12;
  const widest = (texts: readonly string[]): string =>
    texts.find((s) => ctx.measureText(s).width <= room) ?? texts[texts.length - 1];
  ctx.fillText(
    parts.length > 0
      ? widest([`in flight: ${parts.join(", ")}`, parts.join(", "), `${formatInt(flying.length)} in flight`])
      : widest(["no message in flight", "none in flight"]),
    L.width - 6,
    4,
  );
  // Where the run is in its rounds, counted from 1 (receipt runs advance in rounds; 2PC runs have none).
  let round = -1;
  let rounds = 0;
  for (let s = 0; s < m.shards; s++) {
    round = Math.max(round, shardAt(m, s, t).round);
    for (const r of m.roundNumbers[s]) rounds = Math.max(rounds, r + 1);
  }
  if (round >= 0 && rounds > 1) ctx.fillText(`round ${round + 1} of ${rounds}`, L.width - 6, 20);
}
