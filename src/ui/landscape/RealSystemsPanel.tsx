/** The "Real systems" dialog: who runs each approach on screen, how TxLanes differs, dated and sourced. */
import { Dialog } from "../dialog";
import { REAL_SYSTEMS } from "./real-systems";
import "./real-systems.css";

export function RealSystemsPanel({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="Real systems"
      intro="Who runs each approach shown here, and how this model differs. Each line is dated and sourced."
      className="real-systems"
      testId="real-systems"
      onClose={onClose}
    >
      <ul>
        {REAL_SYSTEMS.map((s) => (
          <li key={s.approach}>
            <h3>
              {s.approach}: {s.who} <span className="rs-date">({s.asOf})</span>
            </h3>
            <p>{s.what}</p>
            <p>
              <strong>Here:</strong> {s.differs}
            </p>
            <p className="rs-source">
              Source:{" "}
              <a href={s.source.url} target="_blank" rel="noreferrer">
                {s.source.title}
              </a>
            </p>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
