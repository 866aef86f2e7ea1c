/**
 * `pnpm screenshots`: the labeling page, the coordinator dashboard and the researcher's runs page
 * at 1440×900, on the demo study in a fresh database, written to web/screenshots/.
 * Uses the same server and browser as the end-to-end tests (Debian's Chromium).
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { seedDemoStudy } from "@crowdseg/db";
import type { Page } from "playwright-core";
import { hashPassword } from "../../api/src/auth/password-hash.ts";
import { launchChromium } from "../src/e2e/launch-chromium.ts";
import { logInThroughPage } from "../src/e2e/log-in-through-page.ts";
import { E2E_PASSWORD, startWebTestServer } from "../src/e2e/web-test-server.ts";

const outDir = path.resolve(import.meta.dirname, "../screenshots");
const viewport = { width: 1440, height: 900 };
const TRAINING_EPOCHS = 20;

const server = await startWebTestServer();
const browser = await launchChromium();
try {
  const seeded = await seedDemoStudy(server.storage, {
    passwordHash: await hashPassword(E2E_PASSWORD),
  });
  if (!seeded) throw new Error("the demo study was not loaded into the fresh database");
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const shoot = async (page: Page, name: string) => {
    const file = path.join(outDir, `${name}.png`);
    await page.screenshot({ path: file });
    written.push(path.relative(process.cwd(), file));
  };

  const login = await browser.newPage({ viewport });
  await login.goto(`${server.url}/login`);
  await login.getByLabel("Email").waitFor();
  await shoot(login, "login");
  await login.close();

  const rater = await browser.newPage({ viewport });
  await logInThroughPage(rater, server.url, "rater-careful@demo.crowdseg");
  await rater.getByText(/^Slice task \d+/).waitFor();
  await paintSomething(rater);
  await shoot(rater, "rater-labeling");
  await rater.close();

  const coordinator = await browser.newPage({ viewport });
  await logInThroughPage(coordinator, server.url, "coordinator@demo.crowdseg");
  await coordinator.getByRole("link", { name: seeded.name }).click();
  await coordinator
    .getByRole("button", { name: /^View the masks of/ })
    .first()
    .waitFor();
  await coordinator
    .getByRole("button", { name: /^View the masks of/ })
    .first()
    .click();
  await coordinator.getByRole("figure").waitFor();
  await coordinator
    .getByRole("button", { name: /^View the masks of/ })
    .nth(3)
    .click();
  await coordinator.waitForTimeout(300);
  await coordinator
    .getByRole("heading", { name: "Agreement per slice" })
    .evaluate((heading) => heading.parentElement!.scrollIntoView({ block: "start" }));
  await shoot(coordinator, "coordinator-agreement");
  await coordinator.evaluate(() => window.scrollTo(0, 0));
  await shoot(coordinator, "coordinator-dashboard");
  await coordinator.close();

  const researcher = await browser.newPage({ viewport });
  await logInThroughPage(researcher, server.url, "researcher@demo.crowdseg");
  await startRuns(researcher);
  await researcher.evaluate(() => window.scrollTo(0, 0));
  await shoot(researcher, "researcher-runs");
  await researcher
    .getByRole("heading", { name: "Soft labels" })
    .evaluate((heading) => heading.parentElement!.scrollIntoView({ block: "start" }));
  await shoot(researcher, "researcher-results");
  await researcher.close();

  console.log(`screenshots written:\n${written.map((file) => `  ${file}`).join("\n")}`);
} finally {
  await browser.close();
  await server.close();
}

/**
 * Two fusion runs to compare, then a training run on the better one's soft labels. The training
 * may fail or be slow on a busy machine: the page is shot with whatever state it reached within
 * five minutes.
 */
async function startRuns(page: Page) {
  await page.getByRole("heading", { name: "Fuse the raters’ labels" }).waitFor();
  await page.getByLabel("Method").selectOption("majority-vote");
  await page.getByRole("button", { name: "Start fusion run" }).click();
  await finished(page, "Fusion", 120_000);
  await page.getByLabel("Method").selectOption("staple");
  for (const prior of [
    "One connected component per structure",
    "Myocardium encloses the LV cavity",
    "Uncertainty near the consensus edge",
  ]) {
    await page.getByLabel(prior).check();
  }
  await page.getByRole("button", { name: "Start fusion run" }).click();
  await finished(page, "Fusion", 120_000);
  await page.getByLabel("Label source").selectOption({ index: 1 });
  // plain cross-entropy on a U-Net at 64×64 learns fastest of the choices, and this many epochs
  // take validation Dice well above 0 in about two minutes of two CPU cores, so the loss curve
  // and the results table show a model that learned something
  await page.getByLabel("Loss").selectOption("ce");
  await page.getByRole("combobox", { name: "Model" }).selectOption("unet");
  await page.getByLabel("Epochs").fill(String(TRAINING_EPOCHS));
  await page.getByLabel("Image size").selectOption("64");
  const started = Date.now();
  await page.getByRole("button", { name: "Start training run" }).click();
  const trained = await finished(page, "Training", 300_000);
  const dice = await page
    .getByRole("region", { name: /^Training run #\d+/ })
    .locator("dl div", { hasText: "Validation Dice" })
    .locator("dd")
    .textContent();
  console.log(
    `training run (${TRAINING_EPOCHS} epochs): ${trained} after ${Math.round((Date.now() - started) / 1000)} s, validation Dice ${dice}`,
  );
  if (trained !== "succeeded") {
    console.log(`the training run ended ${trained}: the page shows the fusion run instead`);
    await page
      .getByRole("button", { name: /^Show fusion run/ })
      .first()
      .click();
    await finished(page, "Fusion", 10_000);
  }
  await page.getByRole("img", { name: /^Probability of/ }).waitFor();
}

/** Waits for the run in the live panel to end; its final status, or "still running". */
async function finished(page: Page, kind: "Fusion" | "Training", timeout: number) {
  const panel = page.getByRole("region", { name: new RegExp(`^${kind} run #\\d+`) });
  const status = panel.getByText(/^(succeeded|failed|cancelled)$/);
  try {
    await status.waitFor({ timeout });
    return await status.textContent();
  } catch {
    return "still running";
  }
}

/** A few strokes of two classes and a filled polygon, so the overlay and legend show. */
async function paintSomething(page: Page) {
  const box = (await page.locator("canvas.label-canvas").boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const unit = Math.min(box.width, box.height) / 128;
  await page.keyboard.press("3");
  await page.keyboard.press("p");
  for (let i = 0; i < 16; i++) {
    const angle = (i / 16) * Math.PI * 2;
    await page.mouse.click(
      cx + 10 * unit + Math.cos(angle) * 11 * unit,
      cy + Math.sin(angle) * 11 * unit,
    );
  }
  await page.keyboard.press("Enter");
  await page.keyboard.press("2");
  await page.keyboard.press("b");
  await page.mouse.move(cx + 10 * unit + 15 * unit, cy);
  await page.mouse.down();
  for (let i = 0; i <= 24; i++) {
    const angle = (i / 24) * Math.PI * 1.4;
    await page.mouse.move(
      cx + 10 * unit + Math.cos(angle) * 15 * unit,
      cy + Math.sin(angle) * 15 * unit,
      {
        steps: 3,
      },
    );
  }
  await page.mouse.up();
  await page.mouse.move(cx + 10 * unit, cy - 30 * unit);
}
