import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { runStore } from "./app/page";
import { startServiceWorker, takeWaitingRelease } from "./app/release";
import { App } from "./ui/App";
import "./ui/theme.css";
import "./ui/shared.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

function start(container: HTMLElement): void {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // The page opens on a real run of the default scenario.
  runStore.getState().runNow();
  // The offline copy and, on hosts that cannot send them, the cross-origin isolation headers.
  startServiceWorker();
}

// A release installed during an earlier visit comes first: the page reloads into it before starting.
void takeWaitingRelease().then((reloading) => {
  if (!reloading) start(root);
});
