/**
 * A Worker stand-in for the clients' tests: comlink over a MessageChannel, exposing `api` on the far end,
 * with terminate() and crash() like a real worker.
 */
import { expose } from "comlink";
import type { WorkerLike } from "../../src/runtime/worker-session";

export class FakeWorker implements WorkerLike {
  readonly channel = new MessageChannel();
  readonly events = new EventTarget();
  terminated = false;

  constructor(api: object) {
    expose(api, this.channel.port2);
  }

  postMessage(message: unknown, transfer?: Transferable[]): void {
    this.channel.port1.postMessage(message, transfer ?? []);
  }
  addEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    (type === "message" ? this.channel.port1 : this.events).addEventListener(type, listener);
    if (type === "message") this.channel.port1.start();
  }
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    (type === "message" ? this.channel.port1 : this.events).removeEventListener(type, listener);
  }
  terminate(): void {
    this.terminated = true;
    this.channel.port1.close();
    this.channel.port2.close();
  }
  /** Fires the worker's "error" event, as a crash would; returns it to check it was handled. */
  crash(message: string): Event {
    const event = Object.assign(new Event("error", { cancelable: true }), { message });
    this.events.dispatchEvent(event);
    return event;
  }
}
