/** Entry of the live coordinator's module worker in the browser: it starts the pool's threads itself. */
import { expose } from "comlink";
import { createBrowserPool } from "./browser-pool";
import { coordinatorApi } from "./coordinator";

expose(coordinatorApi(createBrowserPool));
