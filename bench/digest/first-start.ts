// Brings a built digest store to the state a running bot leaves it in: opened once as on the
// bot's first start (which locates the stored places in the gazetteer, once in a store's life),
// and each subscription's previous digest with the figures its card recorded when it was posted.
// The benchmark's process then meets the store as a running bot does.
//
//   node dist/bench/digest/first-start.js --path /tmp/x.db
import { parseArgs } from 'node:util';
import { createApp } from '../../src/app.js';
import { digestCard } from '../../src/core/digest/card.js';
import { silentLogger } from '../../src/core/logger.js';

const { values } = parseArgs({ options: { path: { type: 'string' } } });
if (!values.path) throw new Error('--path is required');
const app = createApp({ dbPath: values.path, admins: [], logger: silentLogger });
const { store } = app.digests;
const recorded = app.db.transaction(() => {
  let count = 0;
  for (const sub of store.subscriptions.active(['discord', 'slack'])) {
    const previous = store.deliveries.settledEndingAt(sub.id, sub.cursor);
    if (!previous || previous.cardFigures) continue;
    // What that digest's card counted when it was posted: the new entries of its own range.
    const range = { cursorFrom: previous.cursorFrom, cursorTo: previous.cursorTo, from: sub.cursorAt, to: sub.cursorAt };
    const card = digestCard(app.services.charts, store.changes, sub.filters, { current: range, previous: { cursorFrom: previous.cursorFrom, cursorTo: previous.cursorFrom } });
    store.deliveries.recordCardFigures(previous.id, card.figures);
    count += 1;
  }
  return count;
})();
console.error(`recorded the card figures of ${recorded} previous digests`);
app.close();
