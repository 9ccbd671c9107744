/**
 * Packs the built site into one zip for a classroom without internet: `node scripts/site-zip.ts dist` (run by
 * `npm run build`, after the service worker is written, so the zip works offline too). The zip holds every file of
 * the build under one folder, `jwt-step-by-step/`, except the download folder the zip itself is written to.
 */
import { createWriteStream, mkdirSync, readdirSync, statSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { join, sep } from 'node:path';
import { ZipFile } from 'yazl';

/** Where the zip goes, relative to the build's root; the start page links it (src/pages/index.astro). */
const ZIP_PATH = 'download/jwt-step-by-step.zip';
const FOLDER = 'jwt-step-by-step';

const outDir = process.argv[2];
if (outDir === undefined) throw new Error('Usage: node scripts/site-zip.ts <build folder>');

const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
  .map((file) => file.split(sep).join('/'))
  .filter((file) => !file.startsWith('download/') && statSync(join(outDir, file)).isFile())
  .sort();

mkdirSync(join(outDir, 'download'), { recursive: true });
const zip = new ZipFile();
const written = finished(zip.outputStream.pipe(createWriteStream(join(outDir, ZIP_PATH))));
for (const file of files) zip.addFile(join(outDir, file), `${FOLDER}/${file}`);
zip.end();
await written;
console.log(`zip: ${outDir}/${ZIP_PATH}, ${files.length} files, ${(statSync(join(outDir, ZIP_PATH)).size / 1024).toFixed(0)} KB`);
