// GIVEN the console with SITREP_CHARTS_DIR, WHEN the operator asks for a chart, THEN the PNG is
// written there and the reply prints its path, its alt text and the figures as a table.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../src/adapters/console/console-adapter.js';
import { CHART_SIZES } from '../../src/core/charts/chart.js';
import { pngSize } from '../support/png.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { DRAWING } from '../support/drawing.js';

let app: TestApp;
beforeAll(() => {
  app = createTestApp();
});
afterAll(() => app?.dispose());

async function consoleRun(lines: string, dir: string): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  input.end(lines);
  await runConsole({ dispatcher: app.dispatcher, input, output, pictures: { dir, logger: app.logger } });
  return printed;
}

describe('charts on the console', DRAWING, () => {
  it('writes the picture to SITREP_CHARTS_DIR and prints its path, alt text and figures', async () => {
    const dir = join(app.dir, 'charts');
    const printed = await consoleRun('/chart timeline by:month since:2025-06\n', dir);
    const path = /Picture \(1200×600\): (\S+\.png)/.exec(printed)?.[1];
    expect(path?.startsWith(dir)).toBe(true);
    expect(existsSync(path!)).toBe(true);
    expect(pngSize(readFileSync(path!))).toEqual(CHART_SIZES.timeline);
    expect(printed).toContain('Bar chart of 9 entries per month from Jun 2025 to Jul 2025');
    expect(printed).toMatch(/Data\n.*Month +Total\n.*Jun 2025 +0\n.*Jul 2025 +9  Armed clash 1, Air\/drone strike 1, Talks\/negotiation 2, Statement 4, Other 1/);
  });

  it('says where a picture could not be written, and still prints the figures', async () => {
    const printed = await consoleRun('/chart timeline by:month since:2025-06\n', join(app.dbPath, 'not-a-directory'));
    expect(printed).toContain(`The picture could not be written to ${join(app.dbPath, 'not-a-directory')} (ENOTDIR): check SITREP_CHARTS_DIR.`);
    expect(printed).toContain('Bar chart of 9 entries');
    expect(printed).toMatch(/Jul 2025 +9  Armed clash 1/);
  });
});
