import type { Endpoint } from "comlink";

/** The part of a worker_threads Worker or MessagePort the adapter needs. */
export interface NodePort {
  postMessage(message: unknown, transfer?: readonly Transferable[]): void;
  on(event: "message", listener: (data: unknown) => void): unknown;
  off(event: "message", listener: (data: unknown) => void): unknown;
}

/**
 * comlink over Node's worker_threads: their ports hand listeners the data itself, comlink expects message
 * events. (comlink ships such an adapter, but only as an .mjs file without types next to it.)
 */
export function nodeEndpoint(port: NodePort): Endpoint {
  const handlers = new Map<EventListenerOrEventListenerObject, (data: unknown) => void>();
  return {
    postMessage: (message: unknown, transfer?: Transferable[]) => port.postMessage(message, transfer),
    addEventListener: (_type: string, listener: EventListenerOrEventListenerObject) => {
      const handler = (data: unknown): void => {
        const event = { data } as MessageEvent;
        if (typeof listener === "function") listener(event);
        else listener.handleEvent(event);
      };
      handlers.set(listener, handler);
      port.on("message", handler);
    },
    removeEventListener: (_type: string, listener: EventListenerOrEventListenerObject) => {
      const handler = handlers.get(listener);
      if (!handler) return;
      port.off("message", handler);
      handlers.delete(listener);
    },
  };
}
