// `node dist/src/charts/atlas-cli.js`: makes sure the decoded atlas files for the installed
// world-atlas exist (npm run build runs it, so a chart worker's first map does not decode the atlas).
import { DETAILS, ensureAtlasFile } from './atlas-file.js';

for (const detail of DETAILS) ensureAtlasFile(detail);
