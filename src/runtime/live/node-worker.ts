/** Entry of a live pool thread under Node (worker_threads; TypeScript loaded through tsx). */
import { parentPort } from "node:worker_threads";
import { expose } from "comlink";
import { nodeEndpoint } from "./node-endpoint";
import { liveWorkerApi } from "./worker-api";

if (!parentPort) throw new Error("node-worker.ts must run in a worker thread");
expose(liveWorkerApi, nodeEndpoint(parentPort));
