// The dashboard in headless Chromium: the page connects by itself (the gateway's page token)
// and opens its configured panels, a counter and a series; a panel added with the picker
// joins them. Prints SUBSCRIBED, then waits until the counter shows the expected value.
// Usage: node browser-test.mjs <gateway url> <counter metric> <series metric> <expected>
// Chromium: $CHROMIUM or /usr/bin/chromium (Debian's package); $SCREENSHOT: a PNG of the page at the end.
import { chromium } from 'playwright-core';

const [url, counterMetric, seriesMetric, expected] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const errors = [];
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector('#status[data-state="connected"]', { timeout: 20000 });
  await page.waitForFunction((names) => {
    const titles = [...document.querySelectorAll('.panel .title')].map((t) => t.textContent);
    return titles.length === 2 && titles[0] === names[0] && titles[1] === names[1];
  }, [counterMetric, seriesMetric], { timeout: 20000 });
  await page.waitForSelector(`#metric option[value="${seriesMetric}"]`, { state: 'attached', timeout: 20000 });
  await page.selectOption('#metric', seriesMetric);
  await page.click('#add button');
  await page.waitForFunction(() => document.querySelectorAll('.panel .freshness').length === 3
    && [...document.querySelectorAll('.panel .freshness')].every((f) => f.textContent.startsWith('as of')),
  null, { timeout: 30000 });
  await page.waitForSelector('.panel:nth-child(2) canvas', { timeout: 10000 });
  const freshness = await page.textContent('.panel:nth-child(2) .freshness');
  if (!/provisional/.test(freshness)) {
    throw new Error('the series panel shows no final/provisional buckets: ' + freshness);
  }
  console.log('SUBSCRIBED');
  await page.waitForFunction((value) => {
    const counter = document.querySelector('.panel:nth-child(1) .counter .value');
    return counter && counter.textContent === value;
  }, expected, { timeout: 60000 });
  if (errors.length) {
    throw new Error('page errors: ' + errors.join('; '));
  }
  if (process.env.SCREENSHOT) {
    await page.setViewportSize({ width: 1300, height: 800 });
    await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
  }
  console.log('PUSHED ' + expected);
} catch (error) {
  console.error('FAILED: ' + error.message + (errors.length ? ' (page errors: ' + errors.join('; ') + ')' : ''));
  process.exitCode = 1;
} finally {
  await browser.close();
}
