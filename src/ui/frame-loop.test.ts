import { describe, expect, it } from "vitest";
import { FrameLoop } from "./frame-loop";

/** A frame loop on a hand-driven clock: frame() runs the pending animation frame. */
function manual() {
  let pending: FrameRequestCallback | null = null;
  let requests = 0;
  const loop = new FrameLoop(
    (cb) => {
      pending = cb;
      return ++requests;
    },
    () => {
      pending = null;
    },
  );
  const frame = (now: number): void => {
    const cb = pending;
    pending = null;
    cb?.(now);
  };
  return { loop, frame, requests: () => requests, waiting: () => pending !== null };
}

describe("FrameLoop", () => {
  it("draws each dirty drawer once per frame, however often it was asked, and asks for no idle frame", () => {
    const { loop, frame, requests, waiting } = manual();
    let a = 0;
    let b = 0;
    const drawA = () => a++;
    const drawB = () => b++;
    loop.requestDraw(drawA);
    loop.requestDraw(drawA);
    loop.requestDraw(drawB);
    expect(requests()).toBe(1);
    frame(16);
    expect([a, b]).toEqual([1, 1]);
    expect(waiting()).toBe(false);
  });

  it("runs animations first, and draws what they made dirty in the same frame", () => {
    const { loop, frame, waiting } = manual();
    const order: string[] = [];
    const draw = () => order.push("draw");
    let frames = 0;
    loop.animate(() => {
      order.push("move");
      loop.requestDraw(draw);
      return ++frames < 2;
    });
    frame(16);
    expect(order).toEqual(["move", "draw"]);
    expect(waiting()).toBe(true);
    frame(32);
    expect(order).toEqual(["move", "draw", "move", "draw"]);
    expect(waiting()).toBe(false);
  });

  it("updates cheap text at once outside a frame, and with the frame inside one", () => {
    const { loop, frame } = manual();
    let drawn = 0;
    const draw = () => drawn++;
    loop.update(draw);
    expect(drawn).toBe(1);
    loop.animate(() => {
      loop.update(draw);
      loop.update(draw);
      expect(drawn).toBe(1);
      return false;
    });
    frame(16);
    expect(drawn).toBe(2);
  });

  it("flushes what asked for a frame at once, for readers of the views", () => {
    const { loop, frame } = manual();
    let drawn = 0;
    loop.requestDraw(() => drawn++);
    loop.flush();
    expect(drawn).toBe(1);
    frame(16);
    expect(drawn).toBe(1);
  });

  it("draws first draws one a frame, after that frame's draws, and flushes them all for readers", () => {
    const { loop, frame, waiting } = manual();
    const order: string[] = [];
    loop.requestFirstDraw(() => order.push("graph"));
    loop.requestFirstDraw(() => order.push("lanes"));
    loop.requestDraw(() => order.push("caption"));
    frame(16);
    expect(order).toEqual(["caption", "graph"]);
    expect(waiting()).toBe(true);
    frame(32);
    expect(order).toEqual(["caption", "graph", "lanes"]);
    expect(waiting()).toBe(false);
    loop.requestFirstDraw(() => order.push("shards"));
    loop.requestFirstDraw(() => order.push("inspector"));
    loop.flush();
    expect(order.slice(3)).toEqual(["shards", "inspector"]);
  });

  it("forgets a dropped drawer and a stopped animation", () => {
    const { loop, frame } = manual();
    let drawn = 0;
    const draw = () => drawn++;
    loop.requestDraw(draw);
    loop.drop(draw);
    loop.requestFirstDraw(draw);
    loop.drop(draw);
    const stop = loop.animate(() => true);
    stop();
    frame(16);
    expect(drawn).toBe(0);
  });
});
