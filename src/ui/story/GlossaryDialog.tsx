/** The glossary: every word the page uses, defined once (app/glossary), opened by tap, click or keyboard. */
import { GLOSSARY, TERMS } from "../../app/glossary";
import { Dialog } from "../dialog";
import "./story.css";

export function GlossaryDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="Glossary"
      intro="The words of parallel execution as this page uses them."
      className="glossary"
      testId="glossary"
      onClose={onClose}
    >
      <dl>
        {TERMS.map((t) => (
          <div key={t} id={`term-${t}`}>
            <dt>{GLOSSARY[t].term}</dt>
            <dd>{GLOSSARY[t].text}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
