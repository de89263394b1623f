// Runs a command from the command palette as a user does: F1, its title,
// its row. An editor opened a moment before (New Review's, say) can take the
// focus and close the palette under the test on a loaded machine (a CI run
// at load 4 did): then the palette is opened again, at most three times.
export async function runFromPalette(page, title) {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(`>${title}`, { timeout: 10_000 });
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      await row.click();
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}
