// The web group's check, driven from the harness with Playwright (a web worker
// extension host has no Node, so no mocha suite with the file-based driver runs
// there): the extension's `browser` bundle, loaded alone (a copy of the
// extension without `main`), in the web worker extension host on a copy of
// examples/. It must fill the Roadmap view, write a review with New Review,
// and open the dashboard with the roadmap's milestones.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFromPalette } from './palette.mjs';

const ROADMAP_ROWS = `(() => {
  for (const pane of document.querySelectorAll('.part.sidebar .pane')) {
    const title = pane.querySelector('.pane-header .title')?.textContent ?? '';
    if (!/^Roadmap/i.test(title.trim())) continue;
    return [...pane.querySelectorAll('.monaco-list-row')].map((r) => ({ level: Number(r.getAttribute('aria-level')), text: r.textContent }));
  }
  return [];
})()`;

function reviewsIn(workspace) {
  const dir = join(workspace, 'reviews');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')) : [];
}

export default async function webCheck({ page, workspace, logs, say, screenshot }) {
  const check = (ok, what) => {
    if (!ok) throw new Error(what);
    say(`ok: ${what}`);
  };
  // 1. the views fill, from the browser bundle in the web worker host
  const container = page.locator('.activitybar .action-item a[aria-label^="Mentorship"]');
  await container.waitFor({ timeout: 120_000 });
  if ((await container.getAttribute('aria-checked')) !== 'true') await container.click();
  await page.waitForFunction(`${ROADMAP_ROWS}.some((r) => r.level >= 2)`, null, { timeout: 120_000, polling: 200 });
  const rows = await page.evaluate(ROADMAP_ROWS);
  check(rows.filter((r) => r.level >= 2).length >= 3, `the Roadmap view shows milestones (${rows.length} rows; first: ${rows[0]?.text})`);
  check(
    logs.some((l) => /web worker extension host/i.test(l)),
    'the workbench started the web worker extension host',
  );
  await screenshot('web-roadmap');

  // 2. New Review writes a review note
  const before = new Set(reviewsIn(workspace));
  await runFromPalette(page, 'Mentorship: New Review');
  let written;
  for (let i = 0; i < 150 && !written; i++) {
    written = reviewsIn(workspace).find((f) => !before.has(f));
    if (!written) await page.waitForTimeout(200);
  }
  check(written, `New Review wrote reviews/${written}`);
  const text = readFileSync(join(workspace, 'reviews', written), 'utf8');
  check(/^---\n[\s\S]*review[\s\S]*\n---\n/.test(text) && /Audit the roadmap/i.test(text), 'the review has front matter and the audit section');
  await page.locator('.tabs-container .tab', { hasText: written }).first().waitFor({ timeout: 15_000 });
  check(true, 'the review is open in an editor');

  // 3. the dashboard opens and shows the roadmap
  await runFromPalette(page, 'Mentorship: Open Dashboard');
  const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await frame.locator('[data-milestone-id]').first().waitFor({ timeout: 60_000 });
  const milestones = await frame.locator('[data-milestone-id]').count();
  check(milestones > 0, `the dashboard shows ${milestones} milestone elements`);
  await screenshot('web-dashboard');
}
