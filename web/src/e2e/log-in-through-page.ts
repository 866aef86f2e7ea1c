import type { Page } from "playwright-core";
import { E2E_PASSWORD } from "./web-test-server.ts";

/** Logs in as a user would: the login form, then wait for the navigation bar. */
export async function logInThroughPage(page: Page, baseUrl: string, email: string, path = "/") {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
}
