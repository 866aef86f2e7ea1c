import { annotations, fusionRuns, trainingRuns } from "@crowdseg/db";
import { encodeRle } from "@crowdseg/imaging";
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createE2eStudy, type E2eStudy } from "./e2e-study.ts";
import { launchChromium } from "./launch-chromium.ts";
import { logInThroughPage } from "./log-in-through-page.ts";
import { readCanvasPixels } from "./read-canvas-pixels.ts";
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

    // the soft label of the LV cavity as a heat map over the slice, both fetched with the
    // bearer token: away from the LV the map is transparent and the slice's grey shows (the
    // stage beneath, #0b0d10, is not grey)
    const heatMap = (cls: string) =>
      page.getByRole("img", { name: new RegExp(`^Probability of ${cls} on synthetic slice`) });
    await heatMap("LV cavity").waitFor();
    const pixelsOf = (label: number) =>
      [...study.reference.keys()].filter((i) => study.reference[i] === label);
    const rv = pixelsOf(1);
    const myocardium = pixelsOf(2);
    const greyShare = (rgba: number[]) =>
      rv.filter((i) => {
        const [r, g, b] = rgba.slice(i * 4, i * 4 + 3);
        return r === g && g === b && r! > 40;
      }).length / rv.length;
    const meanRed = (rgba: number[], indices: number[]) =>
      indices.reduce((sum, i) => sum + rgba[i * 4]!, 0) / indices.length;
    await expect
      .poll(async () => greyShare((await readCanvasPixels(heatMap("LV cavity"))).rgba), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0.9);
    const bare = await readCanvasPixels(heatMap("LV cavity"));
    expect([bare.width, bare.height]).toEqual([SIZE, SIZE]);
    // on the slice itself the myocardium (90) is darker than the RV (160)...
    const rvGrey = meanRed(bare.rgba, rv);
    expect(meanRed(bare.rgba, myocardium)).toBeLessThan(rvGrey - 30);
    // ...and under its own, nearly certain, soft label it turns brighter: the map is on top
    await page.getByLabel("Class").selectOption({ label: "myocardium" });
    await expect
      .poll(async () => meanRed((await readCanvasPixels(heatMap("myocardium"))).rgba, myocardium), {
        timeout: 10_000,
      })
      .toBeGreaterThan(rvGrey + 30);

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

  it("plots a finished training run: loss curve, Dice per label source and loss, EF Bland–Altman", async () => {
    // Two runs stored as the training job stores them (metrics of run-training-job.ts), so the
    // page's reading of those metrics is tested whether or not a trainer runs on this machine.
    const indices = (ef: number) => ({
      edv: 150,
      esv: 150 * (1 - ef),
      ejectionFraction: ef,
      myocardialMass: 120,
      volumeUnit: "mL",
      massUnit: "g",
    });
    const finished = (loss: string, labelSource: object, dice: number) => ({
      studyId: study.studyId,
      architecture: "unet",
      loss,
      labelSource: labelSource as { kind: "reference" },
      hyperparameters: { epochs: 3, imageSize: 64 },
      backend: "wasm",
      status: "succeeded" as const,
      progress: { fraction: 1, message: "done" },
      metrics: {
        bestValidationDice: dice + 0.02,
        history: [
          { epoch: 1, loss: 1.1, validationDice: 0.41 },
          { epoch: 2, loss: 0.62, validationDice: 0.7 },
          { epoch: 3, loss: 0.412, validationDice: 0.812 },
        ],
        test: {
          meanDice: { rv: dice, myocardium: dice, lv: dice, mean: dice },
          patients: [
            { patientId: "p1", predicted: indices(0.6), reference: indices(0.55) },
            { patientId: "p2", predicted: indices(0.5), reference: indices(0.5) },
            { patientId: "p3", predicted: indices(0.7), reference: indices(0.6) },
          ],
        },
      },
      finishedAt: new Date(),
    });
    const [expert] = await server.handle.db
      .insert(trainingRuns)
      .values([
        finished("ce", { kind: "reference" }, 0.9),
        finished("gce", { kind: "reference" }, 0.8),
      ])
      .returning();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logInThroughPage(page, server.url, researcher.email, `/runs/${study.studyId}`);
    await page.getByRole("button", { name: `Show training run ${expert!.id}` }).click();
    const curve = page.getByRole("img", { name: /^Loss curve:/ });
    await expect
      .poll(() => curve.getAttribute("aria-label"))
      .toBe("Loss curve: 3 points, latest loss 0.412, latest validation Dice 0.812");
    await expect(curve.locator("circle").count()).resolves.toBe(3);

    const dice = page.getByRole("img", { name: /^Mean test Dice per label source and loss/ });
    await expect(dice.getAttribute("aria-label")).resolves.toBe(
      "Mean test Dice per label source and loss, 2 combinations",
    );
    await expect(dice.locator("rect").count()).resolves.toBe(2);
    const tallest = await dice
      .locator("rect")
      .evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute("height"))));
    // 0.9 against 0.8 on a 0–1 axis
    expect(tallest[0]! / tallest[1]!).toBeCloseTo(0.9 / 0.8, 2);

    // differences 5, 0 and 10 EF points: bias 5, SD 5, limits 5 ± 9.8
    const blandAltman = page.getByRole("img", { name: /^Bland–Altman plot of EF/ });
    await expect(blandAltman.getAttribute("aria-label")).resolves.toBe(
      "Bland–Altman plot of EF: bias 5.0 %, limits of agreement -4.8 to 14.8 %, 3 patients",
    );
    await page.close();
  });
});
