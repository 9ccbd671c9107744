/**
 * Frames dropped while a stage plays: chapter 4's generation visualizer with a 64 KB payload, its "Payload →
 * base64url" stage played at normal speed in Chromium, in real time. The page records the time of every
 * animation frame (requestAnimationFrame) from Play until the stepper moves on to the next stage, and this
 * prints how many frames came, the mean and 95th-percentile interval between them, how many intervals were
 * longer than 1.5 frames at 60 Hz (a dropped frame), and the longest.
 *
 * Run after a build: `npx node bench/frames.ts` (or `npx node bench/frames.ts 3` for three runs). It serves
 * dist/ itself and uses /usr/bin/chromium, or the browser named by $CHROMIUM_PATH, or Playwright's own.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Page } from '@playwright/test';

const PAGE = '/chapters/generating-a-token/';
const STAGE = 'Payload → base64url';
const PAYLOAD_BYTES = 64 * 1024;
/** A frame at 60 Hz, and the interval past which a frame counts as dropped. */
const FRAME_MS = 1000 / 60;
const DROPPED_MS = 1.5 * FRAME_MS;

/** A JSON payload of exactly `bytes` UTF-8 bytes. */
function payloadOf(bytes: number): string {
  const start = '{"sub":"ada","note":"';
  const end = '"}';
  return start + 'x'.repeat(bytes - start.length - end.length) + end;
}

/** Serves dist/ as it is on a free port: a folder by its index.html. */
async function serve(dir: string): Promise<{ origin: string; close: () => void }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
  const server = createServer((request, response) => {
    let file = join(dir, normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

interface Run {
  beats: number;
  stageMs: number;
  intervals: number[];
  /** When each interval ended, in ms after the click on Play. */
  ends: number[];
}

/** Plays the stage once from its first beat and returns the frame intervals the page saw meanwhile. */
async function playStage(page: Page): Promise<Run> {
  const widget = page.locator('[data-widget="generation-visualizer"]');
  await widget.getByRole('list', { name: 'Stages' }).getByRole('button', { name: STAGE }).click();
  const position = widget.locator('.position');
  await position.filter({ hasText: STAGE }).waitFor();
  const scrub = widget.locator('.scrub span');
  const beats = (await scrub.count()) ? Number(/of (\d+)/.exec((await scrub.textContent()) ?? '')?.[1]) : 1;

  // Frames are recorded from the click on Play until the position line names another stage.
  await page.evaluate((stage) => {
    const record = { frames: [] as number[], done: false, start: 0, end: 0 };
    (window as unknown as { benchFrames: typeof record }).benchFrames = record;
    const line = document.querySelector('[data-widget="generation-visualizer"] .position')!;
    const observer = new MutationObserver(() => {
      if (record.start && !line.textContent?.includes(stage)) {
        record.end = performance.now();
        record.done = true;
        observer.disconnect();
      }
    });
    observer.observe(line, { childList: true, characterData: true, subtree: true });
    const frame = (time: number) => {
      if (record.done) return;
      if (record.start) record.frames.push(time);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    document.querySelector('[data-widget="generation-visualizer"]')!.addEventListener('click', () => (record.start ||= performance.now()), { capture: true });
  }, STAGE);
  await widget.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => (window as unknown as { benchFrames: { done: boolean } }).benchFrames.done, undefined, { timeout: 120_000 });
  await widget.getByRole('button', { name: 'Pause' }).click();
  const { frames, start, end } = await page.evaluate(() => (window as unknown as { benchFrames: { frames: number[]; start: number; end: number } }).benchFrames);
  return { beats, stageMs: end - start, intervals: frames.slice(1).map((t, i) => t - frames[i]!), ends: frames.slice(1).map((t) => t - start) };
}

const runs = Math.max(1, Number(process.argv[2] ?? 1));
const dist = join(process.cwd(), 'dist');
if (!existsSync(join(dist, 'index.html'))) throw new Error('No site in dist/: run "npm run build" first.');
const site = await serve(dist);
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch(executablePath ? { executablePath } : {});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(site.origin + PAGE);
  const widget = page.locator('[data-widget="generation-visualizer"]');
  await widget.scrollIntoViewIfNeeded();
  await widget.and(page.locator('[data-hydrated="true"]')).waitFor();
  await widget.getByLabel('Payload (JSON)').fill(payloadOf(PAYLOAD_BYTES));
  // Signed once typing pauses: the token is up to date when no out-of-date note is left and nothing is busy.
  await page.waitForFunction(() => {
    const w = document.querySelector('[data-widget="generation-visualizer"]')!;
    return w.getAttribute('aria-busy') !== 'true' && !w.querySelector('.stale-note') && w.querySelector('.stepper');
  }, undefined, { timeout: 60_000 });

  console.log(`${new Date().toISOString().slice(0, 10)}, Chromium ${browser.version()}, Node ${process.version}, ${cpus().length} cores`);
  console.log(`"${STAGE}" of a ${PAYLOAD_BYTES / 1024} KB payload, played at normal speed, 1280 × 800:`);
  for (let run = 1; run <= runs; run++) {
    const { beats, stageMs, intervals, ends } = await playStage(page);
    const sorted = [...intervals].sort((a, b) => a - b);
    const mean = intervals.reduce((sum, ms) => sum + ms, 0) / Math.max(1, intervals.length);
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? 0;
    const dropped = intervals.filter((ms) => ms > DROPPED_MS).length;
    const longest = intervals.indexOf(sorted.at(-1) ?? 0);
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    console.log(
      `run ${run}: ${beats} beat${beats === 1 ? '' : 's'} in ${ms(stageMs)}; ${intervals.length + 1} frames, mean interval ${ms(mean)}, ` +
        `p95 ${ms(p95)}, ${dropped} over ${ms(DROPPED_MS)}, longest ${ms(sorted.at(-1) ?? 0)} (ending ${ms(ends[longest] ?? 0)} after Play)`,
    );
  }
} finally {
  await browser.close();
  site.close();
}
