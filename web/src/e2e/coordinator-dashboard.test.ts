import { studies, studyMembers } from "@crowdseg/db";
import { writeNifti } from "@crowdseg/imaging";
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./launch-chromium.ts";
import { logInThroughPage } from "./log-in-through-page.ts";
import { pixelAt, readCanvasPixels } from "./read-canvas-pixels.ts";
import {
  E2E_PASSWORD,
  type E2eUser,
  startWebTestServer,
  type WebTestServer,
} from "./web-test-server.ts";

const WIDTH = 192;
const HEIGHT = 160;
const DEPTH = 12;

/** An int16 volume of concentric rings, uncompressed, so the upload has some size to it. */
function ringVolume(): Uint8Array {
  const data = new Int16Array(WIDTH * HEIGHT * DEPTH);
  for (let z = 0; z < DEPTH; z++) {
    for (let y = 0; y < HEIGHT; y++) {
      for (let x = 0; x < WIDTH; x++) {
        const r = Math.hypot(x - WIDTH / 2, y - HEIGHT / 2);
        data[(z * HEIGHT + y) * WIDTH + x] = Math.round(500 + 400 * Math.cos(r / 6) + z * 10);
      }
    }
  }
  return writeNifti({ width: WIDTH, height: HEIGHT, depth: DEPTH, data, spacing: [1.4, 1.4, 8] });
}

describe("a coordinator runs a study from the dashboard", () => {
  let server: WebTestServer;
  let browser: Browser;
  let coordinator: E2eUser;
  let rater: E2eUser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebTestServer(), launchChromium()]);
    coordinator = await server.user("coordinator", "Casey Coordinator");
    rater = await server.user("rater", "Robin Rater");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("creates a study, uploads a NIfTI volume with a moving progress bar, and sees labeling progress", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logInThroughPage(page, server.url, coordinator.email);
    await page.waitForURL(`${server.url}/studies`);

    await page.getByRole("button", { name: "New study" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Uploaded short-axis study");
    await page.getByLabel("Raters per slice (k)").fill("1");
    await page.getByRole("button", { name: "Create study" }).click();
    await page.waitForURL(/\/studies\/\d+$/);
    const studyId = Number(page.url().split("/").at(-1));
    const [study] = await server.handle.db.select().from(studies).where(eq(studies.id, studyId));
    expect(study).toMatchObject({ name: "Uploaded short-axis study", ratersPerSlice: 1 });
    expect(study!.classes.map((c) => c.name)).toEqual([
      "background",
      "RV",
      "myocardium",
      "LV cavity",
    ]);
    await expect.poll(() => page.getByTestId("progress-slices").textContent()).toBe("0");

    // a slow uplink, so the upload takes long enough for its progress to be seen moving
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 400 * 1024,
    });
    const nifti = ringVolume();
    await page.getByLabel("Volume name").fill("patient-e2e");
    await page.getByLabel("Image (.nii, .nii.gz)").setInputFiles({
      name: "patient-e2e.nii",
      mimeType: "application/octet-stream",
      buffer: Buffer.from(nifti),
    });
    await page.getByRole("button", { name: "Upload" }).click();
    const seen = new Set<number>();
    const added = page.getByText("Added “patient-e2e”: 12 slices.");
    const deadline = Date.now() + 30_000;
    while (!(await added.isVisible()) && Date.now() < deadline) {
      const value = await page
        .getByRole("progressbar", { name: "Upload progress" })
        .getAttribute("value", { timeout: 200 })
        .catch(() => null);
      if (value !== null) seen.add(Number(value));
      await page.waitForTimeout(50);
    }
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await expect(added.isVisible()).resolves.toBe(true);
    const between = [...seen].filter((v) => v > 0 && v < 100);
    expect(between.length, `progress values seen: ${[...seen].join(", ")}`).toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId("progress-slices").textContent()).toBe("12");
    await expect.poll(() => page.getByTestId("progress-done").textContent()).toBe("0");

    // a rater joins and labels one slice through the API; the dashboard follows by itself
    await server.handle.db
      .insert(studyMembers)
      .values({ studyId, userId: rater.id, role: "rater" });
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: rater.email, password: E2E_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const next = await fetch(`${server.url}/api/tasks/next`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ studyId }),
    });
    const { task } = (await next.json()) as { task: { id: number } };
    const labels = {
      width: WIDTH,
      height: HEIGHT,
      counts: [0, WIDTH * 20, 3, WIDTH * 40, 0, WIDTH * 100],
    };
    const submitted = await fetch(`${server.url}/api/annotations`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ taskId: task.id, labels, durationMs: 42_000 }),
    });
    expect(submitted.status).toBe(201);
    await expect
      .poll(() => page.getByTestId("progress-done").textContent(), { timeout: 15_000 })
      .toBe("1");
    const listBar = page
      .getByRole("progressbar", { name: "Progress of Uploaded short-axis study" })
      .first();
    await expect.poll(() => listBar.getAttribute("aria-valuenow"), { timeout: 15_000 }).toBe("1");

    // the rater table has the rater, and the agreement list the labeled slice with its mask
    const raterRow = page.getByRole("row", { name: /Robin Rater/ });
    await expect
      .poll(() => raterRow.getByRole("cell").first().textContent(), { timeout: 15_000 })
      .toBe("1");
    await page.getByRole("button", { name: "Refresh" }).click();
    const view = page.getByRole("button", { name: /^View the masks of patient-e2e slice/ });
    await expect.poll(() => view.count()).toBe(12);
    const enabled = page.locator("button:not([disabled])", { hasText: "View" });
    await expect.poll(() => enabled.count()).toBe(1);
    await enabled.click();
    await page.getByRole("figure").getByText("1 raters").waitFor();

    // the mask (rows 20–59 LV cavity, the class shown first) is drawn over the slice image:
    // rows 40 and 120 lie at the same distance from the rings' centre, so they hold the same
    // grey, one bare and one under the single rater's fill (white at 170/255)
    const canvas = page.getByRole("img", { name: /^Outlines of 1 raters' masks over the slice/ });
    await expect
      .poll(async () => {
        const pixels = await readCanvasPixels(canvas);
        return pixels.width === WIDTH && pixelAt(pixels, 96, 120)[0]! > 0;
      })
      .toBe(true);
    const pixels = await readCanvasPixels(canvas);
    const bare = Array.from({ length: WIDTH }, (_, x) => pixelAt(pixels, x, 120));
    // the stage is #0b0d10, not grey: every bare pixel grey means the slice covers it
    expect(bare.every(([r, g, b]) => r === g && g === b)).toBe(true);
    const greys = bare.map(([r]) => r!);
    expect(Math.max(...greys) - Math.min(...greys)).toBeGreaterThan(100);
    for (const x of [10, 50, 96, 140, 180]) {
      const g = pixelAt(pixels, x, 120)[0]!;
      const [r] = pixelAt(pixels, x, 40);
      expect(Math.abs(r! - (g + ((255 - g) * 170) / 255))).toBeLessThanOrEqual(2);
    }
    // and the rater's outline along the mask's top edge, opaque, in the first rater colour
    expect(pixelAt(pixels, 96, 20)).toEqual([78, 121, 167, 255]);
    await page.close();
  });
});
