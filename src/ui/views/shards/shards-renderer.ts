/** Draws one run's shards on a canvas. */
import type { TxStates } from "../../../engine/analysis/tx-state";
import { fitCanvas } from "../canvas";
import type { Frame, Renderer } from "../use-renderer";
import { drawShards, layoutShards, pairKey, type ShardsLayout } from "./draw-shards";
import type { ShardModel } from "./shard-model";

export class ShardsRenderer implements Renderer {
  private layout: ShardsLayout | null = null;
  /** Routes (source, destination) the run used. */
  private readonly pairs = new Set<number>();

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly model: ShardModel,
    private readonly states: TxStates,
  ) {
    const { messages: msgs, shards } = model;
    for (let i = 0; i < msgs.count; i++) this.pairs.add(pairKey(msgs.src[i], msgs.dst[i], shards));
  }

  resize(width: number, height: number): void {
    this.layout = layoutShards(this.model.shards, width, height);
  }

  draw(frame: Frame): void {
    const L = this.layout;
    if (!L) return;
    const ctx = fitCanvas(this.canvas, L.width, L.height);
    this.states.seek(frame.time);
    drawShards(ctx, this.model, this.states, this.pairs, L, frame.time, frame.palette);
  }
}
