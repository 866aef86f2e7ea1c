import { annotations, assignments } from "@crowdseg/db";
import { decodeRle } from "@crowdseg/imaging";
import { and, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fitViewport, imageToScreen } from "../labeling/viewport.ts";
import { createE2eStudy, type E2eStudy } from "./e2e-study.ts";
import { installFrameTiming, summarizeFrameTiming } from "./frame-timing.ts";
import { launchChromium } from "./launch-chromium.ts";
import { logInThroughPage } from "./log-in-through-page.ts";
import { type E2eUser, startWebTestServer, type WebTestServer } from "./web-test-server.ts";

const SIZE = 256;

describe("a rater labels slices in the browser", () => {
  let server: WebTestServer;
  let browser: Browser;
  let study: E2eStudy;
  let rater: E2eUser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebTestServer(), launchChromium()]);
    rater = await server.user("rater");
    study = await createE2eStudy(server, {
      width: SIZE,
      height: SIZE,
      slices: 3,
      ratersPerSlice: 1,
      members: [{ user: rater, role: "rater" }],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Screen position of an image point on the fitted canvas, as the page computes it. */
  async function screenPoint(page: Page, x: number, y: number) {
    const box = (await page.locator("canvas.label-canvas").boundingBox())!;
    const viewport = fitViewport(SIZE, SIZE, box.width, box.height);
    const p = imageToScreen(viewport, { x, y });
    return { x: box.x + p.x, y: box.y + p.y };
  }

  async function drag(page: Page, points: { x: number; y: number }[], stepsEach: number) {
    const first = await screenPoint(page, points[0]!.x, points[0]!.y);
    await page.mouse.move(first.x, first.y);
    await page.mouse.down();
    for (const point of points.slice(1)) {
      const p = await screenPoint(page, point.x, point.y);
      await page.mouse.move(p.x, p.y, { steps: stepsEach });
    }
    await page.mouse.up();
  }

  it("paints, undoes, submits and gets the next slice (the painted pixels are stored); skips; sees an expired lease and the end", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(installFrameTiming);
    await logInThroughPage(page, server.url, rater.email);
    // one study: /label goes straight to it
    await page.waitForURL(`${server.url}/label/${study.studyId}`);
    const taskLine = page.getByText(/^Slice task \d+ · 256×256 px$/);
    await taskLine.waitFor();
    const firstTask = await taskLine.textContent();
    await expect.poll(() => page.getByTestId("my-label-count").textContent()).toBe("0");

    // a long zig-zag scribble, timed: how smooth is painting a 256×256 slice?
    await page.evaluate(() => {
      (window as unknown as { __frameTiming: { recording: boolean } }).__frameTiming.recording =
        true;
    });
    const zigzag = Array.from({ length: 13 }, (_, i) => ({ x: 20 + i * 18, y: i % 2 ? 40 : 220 }));
    await drag(page, zigzag, 25);
    const raw = await page.evaluate(() => {
      const timing = (window as unknown as { __frameTiming: { recording: boolean } }).__frameTiming;
      timing.recording = false;
      return timing as unknown as {
        frameTimes: number[];
        pointerMoveMs: number[];
        frameCallbackMs: number[];
      };
    });
    const report = summarizeFrameTiming(raw);
    console.log(`brush frame timing on a ${SIZE}×${SIZE} slice: ${JSON.stringify(report)}`);
    expect(report.pointerMoveMs.count).toBeGreaterThan(250);
    // the app's own work per event and per frame must fit well inside a 60 Hz frame (16.7 ms)
    expect(report.pointerMoveMs.p95).toBeLessThan(8);
    expect(report.frameCallbackMs.p95).toBeLessThan(8);

    // the scribble goes away with Ctrl+Z, as one step
    await page.keyboard.press("Control+z");
    await expect.poll(() => page.getByRole("button", { name: "Undo" }).isDisabled()).toBe(true);

    // class 2 by its number key, then one horizontal stroke along row 128 with an 8 px brush
    await page.keyboard.press("2");
    await expect(page.getByRole("radio", { name: /myocardium/ }).isChecked()).resolves.toBe(true);
    await drag(
      page,
      [
        { x: 64.5, y: 128 },
        { x: 192.5, y: 128 },
      ],
      40,
    );
    await page.keyboard.press("Enter");

    // the next slice arrives without a reload, and the count moves on
    await expect.poll(() => taskLine.textContent()).not.toBe(firstTask);
    await expect.poll(() => page.getByTestId("my-label-count").textContent()).toBe("1");

    const rows = await server.handle.db
      .select()
      .from(annotations)
      .where(eq(annotations.userId, rater.id));
    expect(rows).toHaveLength(1);
    const labels = decodeRle(rows[0]!.labels, { numClasses: 4, width: SIZE, height: SIZE });
    const at = (x: number, y: number) => labels[y * SIZE + x];
    for (let x = 66; x <= 190; x += 4) {
      expect(at(x, 128)).toBe(2);
      expect(at(x, 125)).toBe(2);
      expect(at(x, 131)).toBe(2);
      expect(at(x, 136)).toBe(0);
    }
    expect(at(30, 128)).toBe(0);
    expect(at(230, 128)).toBe(0);
    // nothing of the undone scribble, and no class 1 at all
    expect(labels.filter((v) => v === 1)).toHaveLength(0);
    const painted = labels.filter((v) => v === 2).length;
    // a 128 px line 8 px wide with round ends
    expect(painted).toBeGreaterThan(128 * 8);
    expect(painted).toBeLessThan(136 * 8 + 64);
    expect(rows[0]!.durationMs).toBeGreaterThan(0);

    // s skips the second slice; the third arrives
    const secondTask = await taskLine.textContent();
    await page.keyboard.press("s");
    await expect.poll(() => taskLine.textContent()).not.toBe(secondTask);
    const [skipped] = await server.handle.db
      .select()
      .from(assignments)
      .where(and(eq(assignments.userId, rater.id), eq(assignments.state, "skipped")));
    expect(skipped).toBeDefined();

    // the lease on the third runs out (as if the tab had slept): submitting says so plainly
    await server.handle.db
      .update(assignments)
      .set({ leaseExpiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(assignments.userId, rater.id), eq(assignments.state, "leased")));
    await drag(
      page,
      [
        { x: 100, y: 100 },
        { x: 110, y: 100 },
      ],
      5,
    );
    await page.keyboard.press("Enter");
    const expired = page.getByRole("alert").filter({ hasText: "Your time on this slice ran out" });
    await expired.waitFor();
    await expect(expired.textContent()).resolves.toContain("not saved");
    // and with every slice labeled, skipped or lost by this rater, nothing is left for them
    await page.getByRole("button", { name: "Get the next slice" }).click();
    await page.getByRole("heading", { name: "No slices left for you" }).waitFor();
    expect(
      await server.handle.db.select().from(annotations).where(eq(annotations.userId, rater.id)),
    ).toHaveLength(1);
    await context.close();
  });
});
