import { KnobPanel } from "./KnobPanel";
import { Results } from "./Results";
import "./app.css";

export function App() {
  return (
    <div className="page">
      <header className="site-header">
        <div className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <h1>TxLanes</h1>
        </div>
        <p className="tagline">
          A real parallel smart-contract executor in your browser: change a knob and see how far Block-STM,
          batching or sharding get from sequential execution.
        </p>
      </header>
      <main className="layout">
        <KnobPanel />
        <Results />
      </main>
      <footer className="site-footer">
        Every figure comes from a deterministic run on a virtual clock, where a transaction costs its gas: the
        same scenario gives the same numbers on every machine.
      </footer>
    </div>
  );
}
