// node --expose-gc --import tsx bench/places-rss.ts — how much the gazetteer adds to a process's
// resident memory: RSS before opening it, and after resolving a few thousand names through it.
import { resolvePlace } from '../src/core/places/resolve-place.js';
import { openGazetteer } from '../src/store/place-gazetteer.js';

const settle = () => {
  for (let i = 0; i < 3; i++) globalThis.gc?.();
  return process.memoryUsage().rss / 1e6;
};
const before = settle();
const gazetteer = openGazetteer();
const names = ['Ukraine', 'Odessa', 'Kiev', 'Sweida', 'Damascus', 'Paris', 'Springfield', 'Donetsk', 'Tehran', 'Beirut', 'Gaza', 'Odesaa'];
for (let round = 0; round < 300; round++) for (const name of names) resolvePlace(gazetteer, `${name}${round % 2 === 0 ? '' : ' '}`);
const after = settle();
console.log(`RSS before ${before.toFixed(1)} MB, after 3,600 resolutions ${after.toFixed(1)} MB: the gazetteer adds ${(after - before).toFixed(1)} MB`);
gazetteer.close();
