// The dashboard in headless Chromium: connect with a token, add a counter panel and a
// series panel, print SUBSCRIBED, then wait until the counter shows the expected value.
// Usage: node browser-test.mjs <gateway url> <token> <counter metric> <series metric> <expected>
// Chromium: $CHROMIUM or /usr/bin/chromium (Debian's package); $SCREENSHOT: a PNG of the page at the end.
import { chromium } from 'playwright-core';

const [url, token, counterMetric, seriesMetric, expected] = process.argv.slice(2);
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
  await page.fill('#token', token);
  await page.click('#connect button');
  await page.waitForSelector('#status[data-state="connected"]', { timeout: 20000 });
  for (const metric of [counterMetric, seriesMetric]) {
    await page.waitForSelector(`#metric option[value="${metric}"]`, { state: 'attached', timeout: 20000 });
    await page.selectOption('#metric', metric);
    await page.click('#add button');
  }
  await page.waitForFunction(() => document.querySelectorAll('.panel .freshness').length === 2
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
