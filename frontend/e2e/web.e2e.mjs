// The web app end to end, in Debian's Chromium driven by playwright-core,
// against a running `local` bin that serves the built app on demo data
// (scripts/test starts it). Screenshots of the main pages go to E2E_SCREENSHOTS.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

const base = process.env.E2E_WEB_URL;
const mailCatcher = process.env.E2E_MAIL_CATCHER_URL;
const shots = process.env.E2E_SCREENSHOTS ?? "e2e/screenshots";
const password = "Demo-Passw0rd-2026";
const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
assert.ok(base && mailCatcher, "E2E_WEB_URL and E2E_MAIL_CATCHER_URL are set by scripts/test");
mkdirSync(shots, { recursive: true });

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

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

/**
 * axe-core's WCAG 2.1 A/AA rules on the page as it stands: serious and critical
 * findings fail the test, each named with the elements it found.
 */
async function accessible(page, name) {
  await page.addScriptTag({ content: axeSource });
  const { violations } = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  const grave = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(
    grave.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    [],
    `accessibility of ${name}`,
  );
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

/** A page in its own browser context (own cookies), without motion so nothing is caught mid-animation. */
async function freshPage() {
  const context = await browser.newContext({ reducedMotion: "reduce" });
  return context.newPage();
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
  await accessible(page, "job-board");
  await shot(page, "job-board");
  await first.click();
  await page.getByRole("heading", { name: "Senior Rust Engineer" }).waitFor();
  await accessible(page, "job-page");
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
  await accessible(page, "dashboard");
  await shot(page, "dashboard");
  await page.goto(`${base}/admin/users`);
  await page.getByText("manager@northwind.demo").waitFor();
  await accessible(page, "admin-users");
  await shot(page, "admin-users");
  await page.goto(`${base}/recruiting/jobs`);
  await page.getByText("Java Backend Developer").first().waitFor();
  await accessible(page, "recruiting-jobs");
  await shot(page, "recruiting-jobs");
  await page.close();
});

test("two people message each other live, and only the clean attachment downloads", async () => {
  // Unique file names, so a rerun against the same database finds only its own.
  const run = Date.now();
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
  await accessible(manager, "messages-live");
  await shot(manager, "messages-live");

  // A clean file and EICAR go through the presigned upload and clamd.
  await recruiter.getByLabel("Attach files").setInputFiles([
    { name: `shortlist-${run}.txt`, mimeType: "text/plain", buffer: Buffer.from("Three strong profiles.\n") },
    { name: `eicar-${run}.txt`, mimeType: "text/plain", buffer: Buffer.from(EICAR) },
  ]);
  // Their scan states arrive live in the composer: the clean one may be sent, EICAR is blocked.
  const pendingList = recruiter.getByRole("list", { name: "Attachments to send" });
  await pendingList.getByRole("listitem").filter({ hasText: `shortlist-${run}.txt` }).getByText("Clean").waitFor({ timeout: 60_000 });
  await pendingList.getByRole("listitem").filter({ hasText: `eicar-${run}.txt` }).getByText("Blocked").waitFor({ timeout: 60_000 });
  await accessible(recruiter, "messages-scan-states");
  await shot(recruiter, "messages-scan-states");
  await recruiter.getByRole("button", { name: "Send" }).click();
  // Only the clean file travels, and it downloads; EICAR is offered to nobody.
  const clean = manager.getByRole("button", { name: `Download shortlist-${run}.txt` });
  await clean.waitFor({ timeout: 30_000 });
  assert.equal(await clean.isEnabled(), true, "the clean file is downloadable");
  assert.equal(await manager.getByRole("button", { name: `Download eicar-${run}.txt` }).count(), 0, "EICAR is never offered for download");
  assert.equal(await recruiter.getByRole("button", { name: `Download eicar-${run}.txt` }).count(), 0);
  await accessible(manager, "messages-attachments");
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
  await accessible(page, "pipeline");
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
  await accessible(page, "application-history");
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
  await accessible(page, "admin-user-created");
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
  await accessible(page, "admin-import-report");
  await shot(page, "admin-import-report");
  await page.close();
});

test("an employer publishes a job; a signed-in candidate saves it and applies; the employer finds the application", async () => {
  const run = Date.now();
  const title = `Platform Engineer ${run}`;
  const employer = await freshPage();
  await signIn(employer, "hiring@acme.demo");
  await employer.getByRole("button", { name: "Sign out" }).waitFor();
  await employer.goto(`${base}/recruiting/jobs/new`);
  await employer.getByLabel("Title").fill(title);
  await employer.getByLabel("Location").fill("Lisbon");
  await employer.getByLabel("Description").fill("Keep the fleet's control plane fast and boring.");
  await accessible(employer, "job editor");
  await employer.getByRole("button", { name: "Create job" }).click();
  await employer.getByRole("heading", { name: title }).waitFor();
  await employer.getByText("not published").waitFor();
  await employer.getByRole("button", { name: "Publish" }).click();
  await employer.getByText("published on the job board").waitFor();
  await accessible(employer, "job page with team, sharing and stages");
  await shot(employer, "job-published");

  // On the public board at once; a signed-in candidate saves it and applies as herself.
  const candidate = await freshPage();
  await signIn(candidate, "maya.candidate@example.com");
  await candidate.getByRole("button", { name: "Sign out" }).waitFor();
  await candidate.goto(`${base}/jobs?q=${encodeURIComponent(title)}`);
  await candidate.getByRole("link", { name: title }).click();
  await candidate.getByRole("heading", { name: title }).waitFor();
  const save = candidate.getByRole("button", { name: "Save job" });
  await save.click();
  await candidate.waitForFunction(() => document.querySelector('button[aria-pressed="true"]') !== null);
  // The form starts from her account once /api/me answers.
  await candidate.waitForFunction(() => [...document.querySelectorAll("input")].some((i) => i.value === "Maya Fernandes"));
  assert.equal(await candidate.getByLabel("Full name").inputValue(), "Maya Fernandes");
  assert.equal(await candidate.getByLabel("Email").inputValue(), "maya.candidate@example.com");
  await accessible(candidate, "public job page, signed in");
  await candidate.getByRole("button", { name: "Send application" }).click();
  await candidate.getByText("Application sent").waitFor();
  await shot(candidate, "candidate-applied");
  await candidate.goto(`${base}/me/saved-jobs`);
  await candidate.getByText(title).first().waitFor();
  await candidate.goto(`${base}/me/applications`);
  await candidate.getByText(title).first().waitFor();
  await accessible(candidate, "my applications");
  await shot(candidate, "candidate-my-applications");

  // The employer finds her by name in the applications list, on the new job.
  await employer.goto(`${base}/recruiting/applications?q=Maya`);
  const row = employer.getByRole("row").filter({ hasText: title });
  await row.getByText("Maya Fernandes").waitFor();
  await accessible(employer, "applications list");
  await shot(employer, "applications-list");
  await employer.context().close();
  await candidate.context().close();
});

test("dashboards chart their figures, and the recruiting and candidate pages pass the accessibility check", async () => {
  const visitor = await freshPage();
  for (const [path, ready, name] of [
    ["/", "100% free for candidates", "home"],
    ["/jobs", "Open jobs", "job board"],
    ["/sign-in", "Forgot your password?", "sign-in"],
    ["/sign-up", "Already have an account?", "sign-up"],
  ]) {
    await visitor.goto(`${base}${path}`);
    await visitor.getByText(ready).first().waitFor();
    await accessible(visitor, name);
  }
  // Dark mode follows the system; its palette is checked as well.
  await visitor.emulateMedia({ colorScheme: "dark" });
  await visitor.goto(`${base}/jobs`);
  await visitor.getByRole("heading", { name: "Open jobs" }).waitFor();
  await accessible(visitor, "job board, dark");
  await shot(visitor, "job-board-dark");
  await visitor.context().close();

  const manager = await freshPage();
  await signIn(manager, "manager@northwind.demo");
  await manager.getByRole("button", { name: "Sign out" }).waitFor();
  // Each chart is an image named by its figures, with the exact numbers in a table.
  const activity = manager.getByRole("img", { name: /^Bar chart, Activity/ });
  await activity.waitFor();
  assert.match(await activity.getAttribute("aria-label"), /Submissions \d+/);
  await manager.locator(".recharts-bar-rectangle").first().waitFor(); // the chart library (loaded lazily) drew bars
  await accessible(manager, "manager dashboard");
  await shot(manager, "dashboard-charts");
  await manager.emulateMedia({ colorScheme: "dark" });
  await accessible(manager, "manager dashboard, dark");
  await shot(manager, "dashboard-charts-dark");
  await manager.emulateMedia({ colorScheme: "light" });
  await manager.getByRole("link", { name: "Analytics" }).click();
  await manager.getByRole("img", { name: /Bar chart/ }).first().waitFor();
  await accessible(manager, "analytics");
  await shot(manager, "analytics");
  await manager.getByRole("link", { name: "Candidates" }).click();
  const first = manager.getByRole("main").getByRole("listitem").first().getByRole("link").first();
  const name = (await first.innerText()).trim();
  await first.click();
  await manager.getByRole("heading", { name }).waitFor();
  await manager.getByRole("heading", { name: "Documents" }).waitFor();
  await accessible(manager, "candidate profile");
  await shot(manager, "candidate-profile");
  await manager.context().close();
});
