/** The playback buttons' icons: shapes, not glyphs of a font, so they look the same everywhere. */
const PATHS = {
  restart: "M4 3h2v10H4zM13 3v10L7 8z",
  stepBack: "M3 3h2v10H3zM13 3v10L6 8z",
  play: "M4 2.5v11L13.5 8z",
  pause: "M4 3h3v10H4zM9 3h3v10H9z",
  stepForward: "M11 3h2v10h-2zM3 3v10l7-5z",
  nextAbort: "M2 3v10l5-5zM8.6 4.6l1.4-1.4 2 2 2-2 1.4 1.4-2 2 2 2-1.4 1.4-2-2-2 2-1.4-1.4 2-2z",
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
