/**
 * A modal card over the page (presets, glossary, real systems): a title, one line on what it holds, and a
 * Close button; Esc closes it too.
 */
import { type ReactNode, useEffect, useRef } from "react";
import { useEscape } from "./use-escape";

interface DialogProps {
  readonly title: string;
  readonly intro: ReactNode;
  /** Extra class for the card's own layout (its contents' styles). */
  readonly className: string;
  readonly testId: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
}

/** A dialog's Close button, focused when the dialog opens so Enter or Space closes it at once. */
export function CloseButton({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <button ref={ref} type="button" className="pill" onClick={onClose}>
      Close
    </button>
  );
}

export function Dialog({ title, intro, className, testId, onClose, children }: DialogProps) {
  useEscape(onClose);
  return (
    <div className="gallery-backdrop">
      <section
        className={`gallery ${className}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
      >
        <header>
          <h2>{title}</h2>
          <p>{intro}</p>
          <CloseButton onClose={onClose} />
        </header>
        {children}
      </section>
    </div>
  );
}
