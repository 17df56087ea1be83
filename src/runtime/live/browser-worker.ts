/** Entry of a live pool thread in the browser (a module Web Worker). */
import { expose } from "comlink";
import { liveWorkerApi } from "./worker-api";

expose(liveWorkerApi);
