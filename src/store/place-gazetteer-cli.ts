// `node dist/src/store/place-gazetteer-cli.js OUT FINGERPRINT`: builds the gazetteer file in a
// process of its own (see place-gazetteer.ts), which exits when done and so frees what it read.
import { buildGazetteer } from './place-gazetteer-build.js';

const [out, fingerprint] = process.argv.slice(2);
if (!out || !fingerprint) {
  console.error('usage: place-gazetteer-cli OUT FINGERPRINT');
  process.exit(2);
}
await buildGazetteer(out, fingerprint);
