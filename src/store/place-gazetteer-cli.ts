// `node dist/src/store/place-gazetteer-cli.js`: makes sure the gazetteer file for the installed
// packages exists (npm run build runs it, so the bot never starts by building it). With OUT and
// FINGERPRINT it is the builder itself, run as its own process by ensureGazetteerFile, which
// exits when done and so frees what it read.
import { buildGazetteer } from './place-gazetteer-build.js';
import { ensureGazetteerFile } from './place-gazetteer.js';

const [out, fingerprint] = process.argv.slice(2);
if (out && fingerprint) await buildGazetteer(out, fingerprint);
else ensureGazetteerFile(undefined, (message) => console.error(message));
