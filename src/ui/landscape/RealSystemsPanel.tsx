/** The "Real systems" dialog: who runs each approach on screen, how TxLanes differs, dated and sourced. */
import { CloseButton } from "../gallery/CloseButton";
import { useEscape } from "../use-escape";
import { REAL_SYSTEMS } from "./real-systems";
import "./real-systems.css";

export function RealSystemsPanel({ onClose }: { onClose: () => void }) {
  useEscape(onClose);
  return (
    <div className="gallery-backdrop">
      <section
        className="gallery real-systems"
        role="dialog"
        aria-modal="true"
        aria-label="Real systems"
        data-testid="real-systems"
      >
        <header>
          <h2>Real systems</h2>
          <p>
            Who runs each approach shown here, and how this model differs. Each line is dated and sourced.
          </p>
          <CloseButton onClose={onClose} />
        </header>
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
      </section>
    </div>
  );
}
