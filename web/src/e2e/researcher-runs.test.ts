import { annotations, fusionRuns, trainingRuns } from "@crowdseg/db";
import { encodeRle } from "@crowdseg/imaging";
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createE2eStudy, type E2eStudy } from "./e2e-study.ts";
import { launchChromium } from "./launch-chromium.ts";
import { logInThroughPage } from "./log-in-through-page.ts";
import { type E2eUser, startWebTestServer, type WebTestServer } from "./web-test-server.ts";

const SIZE = 64;

/** The reference moved `dx` pixels sideways: a rater who is a little off. */
function shifted(reference: Uint8Array, dx: number): Uint8Array {
  const out = new Uint8Array(reference.length);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const from = Math.min(SIZE - 1, Math.max(0, x - dx));
      out[y * SIZE + x] = reference[y * SIZE + from]!;
    }
  }
  return out;
}

describe("a researcher runs fusion and training from the runs page", () => {
  let server: WebTestServer;
  let browser: Browser;
  let researcher: E2eUser;
  let study: E2eStudy;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebTestServer(), launchChromium()]);
    researcher = await server.user("researcher", "Rosa Researcher");
    const raters = [
      await server.user("rater", "Rater A"),
      await server.user("rater", "Rater B"),
      await server.user("rater", "Rater C"),
    ];
    study = await createE2eStudy(server, {
      width: SIZE,
      height: SIZE,
      slices: 4,
      members: [
        { user: researcher, role: "researcher" },
        ...raters.map((user) => ({ user, role: "rater" as const })),
      ],
    });
    await server.handle.db.insert(annotations).values(
      study.sliceIds.flatMap((sliceId) =>
        raters.map((rater, r) => ({
          studyId: study.studyId,
          sliceId,
          userId: rater.id,
          labels: encodeRle(shifted(study.reference, r - 1), SIZE, SIZE),
          durationMs: 30_000,
        })),
      ),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("starts a STAPLE fusion run with priors, follows it to the end, and shows its soft labels", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logInThroughPage(page, server.url, researcher.email);
    await page.waitForURL(`${server.url}/runs/${study.studyId}`);

    await page.getByLabel("Method").selectOption("staple");
    await page.getByLabel("One connected component per structure").check();
    await page.getByLabel("Myocardium encloses the LV cavity").check();
    await page.getByRole("button", { name: "Start fusion run" }).click();

    const panel = page.getByRole("region", { name: /^Fusion run #\d+/ });
    await panel.waitFor();
    // the stream carries the run to its end without a reload
    await panel.getByText("succeeded", { exact: true }).waitFor({ timeout: 60_000 });
    const bar = panel.getByRole("progressbar", { name: /Fusion run #\d+ progress/ });
    await expect.poll(() => bar.getAttribute("value")).toBe("1");
    const dice = Number(
      await panel
        .getByText(/^0\.\d{3}$/)
        .first()
        .textContent(),
    );
    expect(dice).toBeGreaterThan(0.5);

    const [run] = await server.handle.db
      .select()
      .from(fusionRuns)
      .where(eq(fusionRuns.studyId, study.studyId));
    expect(run).toMatchObject({
      method: "staple",
      status: "succeeded",
      priors: ["singleComponent", "myocardiumEnclosesLv"],
    });
    const row = page.getByRole("row", { name: new RegExp(`#${run!.id} STAPLE`) });
    await expect.poll(() => row.getByText("succeeded").count()).toBe(1);

    // the soft label of the LV cavity as a heat map, fetched with the bearer token
    const heatMap = page.getByRole("img", { name: /^Probability of LV cavity on synthetic slice/ });
    await heatMap.waitFor();
    await expect
      .poll(() => heatMap.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBe(SIZE);

    // a training run on the fused labels is queued from the other form and listed
    await page.getByLabel("Label source").selectOption({ label: `#${run!.id} STAPLE + 2 priors` });
    await page.getByLabel("Loss").selectOption("nce+rce");
    await page.getByLabel("Epochs").fill("1");
    await page.getByLabel("Image size").selectOption("64");
    await page.getByRole("button", { name: "Start training run" }).click();
    await page.getByRole("region", { name: /^Training run #\d+/ }).waitFor();
    const [training] = await server.handle.db
      .select()
      .from(trainingRuns)
      .where(eq(trainingRuns.studyId, study.studyId));
    expect(training).toMatchObject({
      architecture: "unet",
      loss: "nce+rce",
      labelSource: { kind: "fusion", fusionRunId: run!.id },
      hyperparameters: expect.objectContaining({ epochs: 1, imageSize: 64 }),
    });
    await page
      .getByRole("row", {
        name: new RegExp(`#${training!.id} U-Net · NCE \\+ RCE Fusion #${run!.id}`),
      })
      .waitFor();
    await page.close();
  });
});
