import { useCallback } from "react";
import { create } from "zustand";
import { runStore } from "../../app/page";
import { type Opened, openFile } from "./open-file";

/** The outcome of the last file opened, shown under the file picker. */
export interface OpenNotice {
  readonly ok: boolean;
  readonly lines: readonly string[];
}

export const useOpenNotice = create<{ notice: OpenNotice | null }>(() => ({ notice: null }));

/** Applies what a file holds to the run store; a bad file changes nothing but the notice. */
function applyOpened(opened: Opened): OpenNotice {
  const store = runStore.getState();
  switch (opened.kind) {
    case "error":
      return { ok: false, lines: [opened.message] };
    case "block":
      store.setUpload(opened.upload);
      return {
        ok: true,
        lines: [
          `Opened Ethereum block ${opened.upload.number} (${opened.upload.txs} transactions) from ${opened.file}.`,
        ],
      };
    case "scenario":
      // As a link: the valid fields are kept over the defaults and run; each wrong field says why.
      store.apply(opened.check.scenario);
      return opened.check.ok
        ? { ok: true, lines: [`Opened the scenario in ${opened.file}.`] }
        : {
            ok: false,
            lines: [
              `${opened.file}: some fields were not used (the others were):`,
              ...opened.check.errors.map((e) => e.message),
            ],
          };
  }
}

/** Opens a File (picker or drop) into the app and records the notice. */
export function useOpenFile(): (file: File) => Promise<void> {
  return useCallback(async (file: File) => {
    const notice = applyOpened(await openFile(file));
    useOpenNotice.setState({ notice });
  }, []);
}
