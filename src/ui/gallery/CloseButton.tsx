/** A dialog's Close button, focused when the dialog opens so Enter or Space closes it at once. */
import { useEffect, useRef } from "react";

export function CloseButton({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <button ref={ref} type="button" className="pill" onClick={onClose}>
      Close
    </button>
  );
}
