/**
 * The video export: a playhead range drawn frame by frame into a WebM file, read back with mediabunny's
 * demuxer: its length, frame count and size are what the form promised. Cancel stops it with no file.
 */
import { readFile } from "node:fs/promises";
import { ALL_FORMATS, BufferSource, Input } from "mediabunny";
import { expect, test } from "./fixtures";
import { waitForRun } from "./link-helpers";
import { openDrawer } from "./panel-helpers";

test("a WebM of 100 µs at 1/10,000× and 30 fps: 30 frames, one second, 640×360; and a recording cancelled", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/?speed=0.0001");
  await waitForRun(page);
  await openDrawer(page);
  const video = page.getByRole("group", { name: "Video" });
  await video.getByLabel("To (µs)").fill("100");
  await video.getByLabel("Size").selectOption("640 × 360");
  await video.getByLabel("Frame rate").selectOption("30 fps");
  await expect(page.getByTestId("video-plan")).toHaveText(
    "30 frames, 1.00 s of WebM at the playback speed (1/10,000×).",
  );
  const time = page.getByTestId("playhead-time");
  const before = await time.textContent();
  const download = page.waitForEvent("download");
  await video.getByRole("button", { name: "Record video" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^txlanes-blockstm-8w-seed\d+\.webm$/);
  await expect(page.getByTestId("video-status")).toHaveText("Recorded 30 frames.");
  // The playhead is back where it was.
  await expect(time).toHaveText(before ?? "");

  const input = new Input({
    source: new BufferSource(await readFile(await file.path())),
    formats: ALL_FORMATS,
  });
  expect(await input.getFormat()).toMatchObject({ name: "WebM" });
  const track = await input.getPrimaryVideoTrack();
  expect(track).not.toBeNull();
  if (!track) return;
  expect([track.displayWidth, track.displayHeight]).toEqual([640, 360]);
  expect((await track.computePacketStats()).packetCount).toBe(30);
  expect(await input.computeDuration()).toBeCloseTo(1, 3);

  // A long recording (the whole run at 60 fps, 1080p) shows its progress and stops on Cancel.
  await video.getByLabel("To (µs)").fill("300");
  await video.getByLabel("Size").selectOption("1920 × 1080");
  await video.getByLabel("Frame rate").selectOption("60 fps");
  await expect(page.getByTestId("video-plan")).toHaveText(/^180 frames/);
  let downloaded = false;
  page.on("download", () => {
    downloaded = true;
  });
  await video.getByRole("button", { name: "Record video" }).click();
  const progress = page.getByTestId("video-progress");
  await expect(progress).toHaveAttribute("max", "180");
  await expect(progress).not.toHaveAttribute("value", "0");
  await video.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("video-status")).toHaveText("Recording cancelled.");
  await expect(time).toHaveText(before ?? "");
  expect(downloaded).toBe(false);
});
