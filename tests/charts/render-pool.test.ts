// GIVEN the worker pool that draws charts, WHEN several charts are asked at once, THEN no worker
// starts before the first, at most N draw at a time, answers come in the order asked, the same
// card asked twice is drawn once, and an idle worker stops.
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerChartRenderer } from '../../src/charts/render-pool.js';
import { CHART_SIZES, type CardChart } from '../../src/core/charts/chart.js';
import { pngSize } from '../support/png.js';
import { DRAWING } from '../support/drawing.js';

const card = (n: number): CardChart => ({ kind: 'card', title: `Card ${n}`, currentLabel: 'Now', previousLabel: 'Before', rows: [{ type: 'talks', current: n, previous: 1 }] });

let pool: WorkerChartRenderer | undefined;
afterEach(async () => {
  await pool?.close();
});

describe('chart workers', DRAWING, () => {
  it('start on the first chart, draw one at a time by default, and answer in the order asked', async () => {
    pool = new WorkerChartRenderer();
    expect(pool.liveWorkers).toBe(0);
    const finished: number[] = [];
    const most = { live: 0 };
    const asked = [1, 2, 3].map((n) => pool!.render(card(n)).then((drawn) => (finished.push(n), drawn)));
    most.live = Math.max(most.live, pool.liveWorkers);
    const drawn = await Promise.all(asked);
    expect(finished).toEqual([1, 2, 3]);
    expect(most.live).toBe(1);
    for (const picture of drawn) expect(pngSize(picture.png)).toEqual(CHART_SIZES.card);
  });

  it('draw N at once when given N workers, and the same card once', async () => {
    pool = new WorkerChartRenderer({ workers: 2 });
    const same = [pool.render(card(7)), pool.render(card(7))];
    const other = pool.render(card(8));
    expect(pool.liveWorkers).toBe(2);
    const [a, b] = await Promise.all(same);
    expect(a).toBe(b);
    await other;
  });

  it('stop a worker once it has been idle', async () => {
    pool = new WorkerChartRenderer({ idleMs: 20 });
    await pool.render(card(1));
    await expect.poll(() => pool!.liveWorkers, { timeout: 10_000 }).toBe(0);
  });

  it('fail a chart past its time limit, stopping its worker', async () => {
    pool = new WorkerChartRenderer({ timeLimitMs: 1 });
    await expect(pool.render(card(1))).rejects.toThrow('The picture took longer than 0.001 s to draw.');
    expect(pool.liveWorkers).toBe(0);
  });
});
