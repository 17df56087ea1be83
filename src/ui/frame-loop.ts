/**
 * The one frame loop, as Perfetto's: nothing draws when it changes; it asks for a frame. Each animation
 * frame first runs the animations (the playhead moving), then every drawer that asked since the last
 * frame draws once, whatever number of changes it was told of, then at most one first draw (a new run's
 * view drawn for the first time). No change, no frame.
 */

/** Moves something on by one frame; false when it has stopped. */
export type Animation = (now: number) => boolean;

export class FrameLoop {
  private readonly dirty = new Set<() => void>();
  private readonly animations = new Set<Animation>();
  private readonly firsts: (() => void)[] = [];
  private raf = 0;
  private inFrame = false;

  constructor(
    private readonly request: (cb: FrameRequestCallback) => number = (cb) => requestAnimationFrame(cb),
    private readonly cancel: (id: number) => void = (id) => cancelAnimationFrame(id),
  ) {}

  /** `draw` runs in the next frame, once however often it was asked for. */
  requestDraw(draw: () => void): void {
    this.dirty.add(draw);
    this.schedule();
  }

  /**
   * `draw` runs in a coming frame, one such draw per frame, in the order asked: a new run's views each draw
   * first in a frame of their own, so no one task of the page lays out and draws them all.
   */
  requestFirstDraw(draw: () => void): void {
    this.firsts.push(draw);
    this.schedule();
  }

  /**
   * For cheap DOM text that tests and assistive technology read right after an action: drawn at once,
   * unless a frame is being drawn (the playhead moving), then with that frame.
   */
  update(draw: () => void): void {
    if (this.inFrame) this.dirty.add(draw);
    else draw();
  }

  /** Runs `step` at the start of every frame until it returns false or the returned function is called. */
  animate(step: Animation): () => void {
    this.animations.add(step);
    this.schedule();
    return () => this.animations.delete(step);
  }

  /**
   * Draws now whatever asked for the next frame (not the animations): for work that reads what the views
   * show right after moving the playhead, such as recording a video frame by frame.
   */
  flush(): void {
    const draws = [...this.firsts.splice(0), ...this.dirty];
    this.dirty.clear();
    for (const draw of draws) draw();
  }

  /** Forgets `draw` (its owner is gone). */
  drop(draw: () => void): void {
    this.dirty.delete(draw);
    const at = this.firsts.indexOf(draw);
    if (at >= 0) this.firsts.splice(at, 1);
  }

  private schedule(): void {
    if (!this.raf && !this.inFrame) this.raf = this.request(this.frame);
  }

  private readonly frame = (now: number): void => {
    this.raf = 0;
    this.inFrame = true;
    try {
      for (const step of [...this.animations]) if (!step(now)) this.animations.delete(step);
      // Drawers asked for by the animations above draw in this same frame.
      const draws = [...this.dirty];
      this.dirty.clear();
      for (const draw of draws) draw();
      this.firsts.shift()?.();
    } finally {
      this.inFrame = false;
    }
    if (this.animations.size > 0 || this.dirty.size > 0 || this.firsts.length > 0) this.schedule();
  };

  /** Stops asking for frames (tests, teardown). */
  stop(): void {
    this.cancel(this.raf);
    this.raf = 0;
    this.dirty.clear();
    this.firsts.length = 0;
    this.animations.clear();
  }
}

/** The page's frame loop. */
export const frameLoop = new FrameLoop();
