/** The theme's colours (theme.css custom properties) for canvas drawing, which cannot use var(). */

export type Role =
  | "pending"
  | "exec"
  | "wait"
  | "abort"
  | "commit"
  | "xshard"
  | "surface"
  | "surface-2"
  | "text"
  | "muted"
  | "border";
export type Palette = Readonly<Record<Role, string>>;

/** Reads the current values (they change with the colour scheme). */
export function readPalette(el: Element = document.documentElement): Palette {
  const style = getComputedStyle(el);
  const get = (role: Role): string => style.getPropertyValue(`--${role}`).trim() || "#888";
  return {
    pending: get("pending"),
    exec: get("exec"),
    wait: get("wait"),
    abort: get("abort"),
    commit: get("commit"),
    xshard: get("xshard"),
    surface: get("surface"),
    "surface-2": get("surface-2"),
    text: get("text"),
    muted: get("muted"),
    border: get("border"),
  };
}
