// The web app end to end, in Debian's Chromium driven by playwright-core,
// against a running `local` bin that serves the built app on demo data
// (scripts/test starts it). Screenshots of the main pages go to E2E_SCREENSHOTS.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

const base = process.env.E2E_WEB_URL;
const mailCatcher = process.env.E2E_MAIL_CATCHER_URL;
const shots = process.env.E2E_SCREENSHOTS ?? "e2e/screenshots";
const password = "Demo-Passw0rd-2026";
const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
assert.ok(base && mailCatcher, "E2E_WEB_URL and E2E_MAIL_CATCHER_URL are set by scripts/test");
mkdirSync(shots, { recursive: true });

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
});
after(async () => {
  await browser?.close();
});

async function shot(page, name) {
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** The newest 6-digit code mailed to `to` after `since` (MailDev's JSON API). */
async function codeFor(to, since) {
  for (let i = 0; i < 60; i++) {
    const mails = await (await fetch(`${mailCatcher}/email`)).json();
    const mine = mails
      .filter((m) => m.to?.some((t) => t.address === to) && new Date(m.date).getTime() >= since)
      .sort((a, b) => new Date(b.date) - new Date(a.date));
    const code = mine[0] && /\b(\d{6})\b/.exec(mine[0].text ?? "")?.[1];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no sign-in code mailed to ${to}`);
}

async function signIn(page, email) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("the public site, the board and a job page render from the API", async () => {
  const page = await browser.newPage();
  await page.goto(base);
  await page.getByText("100% free for candidates").waitFor();
  await shot(page, "home");
  await page.getByRole("link", { name: "Browse jobs" }).first().click();
  await page.getByRole("heading", { name: "Open jobs" }).waitFor();
  const first = page.getByRole("link", { name: "Senior Rust Engineer" });
  await first.waitFor();
  await shot(page, "job-board");
  await first.click();
  await page.getByRole("heading", { name: "Senior Rust Engineer" }).waitFor();
  await shot(page, "job-page");
  await page.close();
});

test("an admin signs in with the emailed code and reaches the admin and recruiting pages", async () => {
  const page = await browser.newPage();
  const since = Date.now() - 1000;
  await signIn(page, "admin@northwind.demo");
  const code = await codeFor("admin@northwind.demo", since);
  await page.getByLabel("Sign-in code").fill(code);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await page.getByRole("link", { name: "Messages" }).waitFor();
  await shot(page, "dashboard");
  await page.goto(`${base}/admin/users`);
  await page.getByText("manager@northwind.demo").waitFor();
  await shot(page, "admin-users");
  await page.goto(`${base}/recruiting/jobs`);
  await page.getByText("Java Backend Developer").first().waitFor();
  await shot(page, "recruiting-jobs");
  await page.close();
});

test("two people message each other live, and only the clean attachment downloads", async () => {
  const recruiterContext = await browser.newContext();
  const managerContext = await browser.newContext();
  const recruiter = await recruiterContext.newPage();
  const manager = await managerContext.newPage();
  await signIn(recruiter, "recruiter1@northwind.demo");
  await signIn(manager, "hiring@acme.demo");
  for (const page of [recruiter, manager]) {
    await page.getByRole("link", { name: "Messages" }).click();
    await page.getByText("Shortlist for the open roles").first().click();
    await page.getByRole("list", { name: "Messages" }).waitFor();
  }

  // A message typed in one browser appears live in the other.
  const words = `Live from the browser ${Date.now()}`;
  await recruiter.getByRole("textbox", { name: "Message", exact: true }).fill(words);
  await recruiter.getByRole("button", { name: "Send" }).click();
  await manager.getByText(words).waitFor({ timeout: 15_000 });
  await shot(manager, "messages-live");

  // A clean file and EICAR go through the presigned upload and clamd.
  await recruiter.getByLabel("Attach files").setInputFiles([
    { name: "shortlist.txt", mimeType: "text/plain", buffer: Buffer.from("Three strong profiles.\n") },
    { name: "eicar.txt", mimeType: "text/plain", buffer: Buffer.from(EICAR) },
  ]);
  // Their scan states arrive live in the composer: the clean one may be sent, EICAR is blocked.
  const pendingList = recruiter.getByRole("list", { name: "Attachments to send" });
  await pendingList.getByRole("listitem").filter({ hasText: "shortlist.txt" }).getByText("Clean").waitFor({ timeout: 60_000 });
  await pendingList.getByRole("listitem").filter({ hasText: "eicar.txt" }).getByText("Blocked").waitFor({ timeout: 60_000 });
  await shot(recruiter, "messages-scan-states");
  await recruiter.getByRole("button", { name: "Send" }).click();
  // Only the clean file travels, and it downloads; EICAR is offered to nobody.
  const clean = manager.getByRole("button", { name: "Download shortlist.txt" });
  await clean.waitFor({ timeout: 30_000 });
  assert.equal(await clean.isEnabled(), true, "the clean file is downloadable");
  assert.equal(await manager.getByRole("button", { name: "Download eicar.txt" }).count(), 0, "EICAR is never offered for download");
  assert.equal(await recruiter.getByRole("button", { name: "Download eicar.txt" }).count(), 0);
  await shot(manager, "messages-attachments");
  await recruiterContext.close();
  await managerContext.close();
});

test("a visitor applies with a resume; the recruiter moves it on the kanban and sees its history", async () => {
  const run = Date.now();
  const applicant = `Dana Browser ${run}`;
  const visitor = await browser.newPage();
  await visitor.goto(`${base}/jobs`);
  await visitor.getByRole("link", { name: "Java Backend Developer" }).click();
  await visitor.getByLabel("Full name").fill(applicant);
  await visitor.getByLabel("Email").fill(`dana.${run}@example.com`);
  await visitor.getByLabel("Resume (optional)").setInputFiles({ name: "dana.txt", mimeType: "text/plain", buffer: Buffer.from("Dana: Java, Spring, Kafka.\n") });
  await visitor.getByText("Uploaded").waitFor({ timeout: 30_000 });
  await visitor.getByRole("button", { name: "Send application" }).click();
  await visitor.getByText("Application sent").waitFor();
  await shot(visitor, "applied");
  await visitor.close();

  const page = await browser.newPage();
  await signIn(page, "recruiter1@northwind.demo");
  await page.getByRole("link", { name: "Messages" }).waitFor();
  await page.goto(`${base}/recruiting/jobs`);
  await page.getByRole("link", { name: "Java Backend Developer" }).first().click();
  await page.getByRole("heading", { name: "Java Backend Developer" }).waitFor();
  await page.getByRole("link", { name: "Pipeline", exact: true }).click();
  const move = page.getByLabel(`Move ${applicant} to stage`);
  await move.waitFor();
  await shot(page, "pipeline");
  const target = (await move.locator("option").allTextContents()).find((o) => o !== "Move to…" && !/reject/i.test(o));
  await move.selectOption({ label: target });
  await page.getByLabel("Remarks (optional)").fill("Strong resume; call this week");
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await page.getByRole("dialog").waitFor({ state: "detached" });
  await page.getByRole("link", { name: applicant }).click();
  const history = page.getByRole("region", { name: "Status history" });
  await history.getByText("Strong resume; call this week").waitFor();
  assert.ok((await history.getByText(target, { exact: false }).count()) > 0, `the history shows the move to ${target}`);
  await shot(page, "application-history");
  await page.close();
});

test("an admin creates a user and imports a CSV, and reads the per-row report", async () => {
  const run = Date.now();
  const page = await browser.newPage();
  const since = Date.now() - 1000;
  await signIn(page, "admin@northwind.demo");
  await page.getByLabel("Sign-in code").fill(await codeFor("admin@northwind.demo", since));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await page.getByRole("link", { name: "Messages" }).waitFor();

  await page.goto(`${base}/admin/users/new`);
  await page.getByLabel("Email").fill(`new.recruiter.${run}@example.com`);
  await page.getByLabel("Full name").fill("New Recruiter");
  await page.getByLabel("Role").fill("recruiter");
  await page.getByRole("button", { name: "Create user" }).click();
  await page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
  await page.getByText(`new.recruiter.${run}@example.com`).first().waitFor();
  await shot(page, "admin-user-created");

  await page.goto(`${base}/admin/users/import`);
  const csv = `email,full_name,role\nann.${run}@example.com,Ann,recruiter\nbob.${run}@example.com,Bob,sales\nbroken,Nobody,recruiter\n`;
  await page.getByLabel("CSV file").setInputFiles({ name: "team.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload and import" }).click();
  await page.getByText("Completed").first().waitFor({ timeout: 60_000 });
  await page.getByText("broken").first().waitFor();
  const tile = (label) => page.locator("div").filter({ has: page.getByText(label, { exact: true }) }).last();
  assert.match(await tile("Created").innerText(), /\b2\b/, "two rows created");
  assert.equal(await page.getByRole("row").count(), 2, "one row not created (plus the header): the broken one");
  await shot(page, "admin-import-report");
  await page.close();
});
