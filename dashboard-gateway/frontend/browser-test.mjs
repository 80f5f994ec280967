// The dashboard in headless Chromium: the page connects by itself (the gateway's page token)
// and opens its configured panels, a counter and a series; a panel added with the picker
// joins them. Prints SUBSCRIBED, then waits until the counter shows the expected value
// (PUSHED), then clicks the series' bucket holding those events and waits for their rows
// (DRILLED <rows> <source>).
// Usage: node browser-test.mjs <gateway url> <counter metric> <series metric> <expected> <source>
// Chromium: $CHROMIUM or /usr/bin/chromium (Debian's package); $SCREENSHOT: a PNG of the page at the end.
import { chromium } from 'playwright-core';

const [url, counterMetric, seriesMetric, expected, source] = process.argv.slice(2);
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
  console.log('PUSHED ' + expected);
  // drill down: click the series chart where its bucket with the events is
  await page.waitForFunction((value) => {
    const panel = [...window.FlareDashboard.panels.values()][1];
    return panel.result && panel.result.values.some((v) => String(v.value) === value);
  }, expected, { timeout: 30000 });
  const point = await page.evaluate((value) => {
    const panel = [...window.FlareDashboard.panels.values()][1];
    const bucket = panel.result.values.find((v) => String(v.value) === value).bucket;
    const box = panel.chart.over.getBoundingClientRect();
    // the newest bucket sits on the plot's right edge: stay just inside it (the nearest
    // point is still that bucket)
    const x = Math.min(Math.max(panel.chart.valToPos(bucket / 1000, 'x'), 2), box.width - 3);
    return { x: box.left + x, y: box.top + box.height / 2 };
  }, expected);
  await page.mouse.move(point.x, point.y);
  await page.mouse.click(point.x, point.y);
  try {
    await page.waitForSelector('.panel:nth-child(2) .drill-rows tbody tr', { timeout: 20000 });
  } catch (error) {
    const state = await page.evaluate(() => {
      const panel = [...window.FlareDashboard.panels.values()][1];
      const drill = panel.element.querySelector('.drill');
      return { cursor: panel.chart.cursor.idx, drill: drill ? drill.textContent : 'no drill section' };
    });
    throw new Error('no drill-down rows at ' + JSON.stringify(point) + ': ' + JSON.stringify(state));
  }
  const drilled = await page.$$eval('.panel:nth-child(2) .drill-rows', (tables) => {
    const table = tables[0];
    const column = [...table.tHead.rows[0].cells].findIndex((c) => c.textContent === 'source');
    return [...table.tBodies[0].rows].map((row) => row.cells[column].textContent);
  });
  if (drilled.length !== Number(expected) || drilled.some((s) => s !== source)) {
    throw new Error('drill-down rows: ' + JSON.stringify(drilled));
  }
  console.log('DRILLED ' + drilled.length + ' ' + source);
  if (process.env.SCREENSHOT) {
    await page.setViewportSize({ width: 1300, height: 800 });
    await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
  }
} catch (error) {
  console.error('FAILED: ' + error.message + (errors.length ? ' (page errors: ' + errors.join('; ') + ')' : ''));
  process.exitCode = 1;
} finally {
  await browser.close();
}
