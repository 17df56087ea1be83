/** What was wrong with the opened link, as plain text, until dismissed. */
import { useStore } from "zustand";
import { linkView } from "../../app/page";

export function LinkNotices() {
  const notices = useStore(linkView, (s) => s.notices);
  const newer = useStore(linkView, (s) => s.newer);
  if (notices.length === 0) return null;
  return (
    <div className="link-notices" role="status" data-testid="link-notices">
      <p>
        {newer
          ? "This link could not be opened; the default scenario is shown instead:"
          : "Parts of this link could not be used as given here (a bad value gives way to its default); the rest of the link applies:"}
      </p>
      <ul>
        {notices.slice(0, 6).map((n, i) => (
          // Notices never change order while shown; two may share a part.
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
          <li key={i}>{n.message}</li>
        ))}
        {notices.length > 6 && <li>…and {notices.length - 6} more.</li>}
      </ul>
      <button
        type="button"
        className="pill"
        onClick={() => linkView.setState({ notices: [] })}
        aria-label="Dismiss link notices"
      >
        Dismiss
      </button>
    </div>
  );
}
