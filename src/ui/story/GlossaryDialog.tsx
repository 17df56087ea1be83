/** The glossary: every word the page uses, defined once (app/glossary), opened by tap, click or keyboard. */
import { GLOSSARY, TERMS } from "../../app/glossary";
import { CloseButton } from "../gallery/CloseButton";
import { useEscape } from "../use-escape";
import "./story.css";

export function GlossaryDialog({ onClose }: { onClose: () => void }) {
  useEscape(onClose);
  return (
    <div className="gallery-backdrop">
      <section
        className="gallery glossary"
        role="dialog"
        aria-modal="true"
        aria-label="Glossary"
        data-testid="glossary"
      >
        <header>
          <h2>Glossary</h2>
          <p>The words of parallel execution as this page uses them.</p>
          <CloseButton onClose={onClose} />
        </header>
        <dl>
          {TERMS.map((t) => (
            <div key={t} id={`term-${t}`}>
              <dt>{GLOSSARY[t].term}</dt>
              <dd>{GLOSSARY[t].text}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
