/** Copies text; `refused` runs where the clipboard is missing or refuses (then show the text to copy by hand). */
export function copyText(text: string, copied: () => void, refused: () => void): void {
  if (!navigator.clipboard) {
    refused();
    return;
  }
  navigator.clipboard.writeText(text).then(copied, refused);
}
