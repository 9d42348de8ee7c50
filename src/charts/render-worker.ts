// The worker thread of render-pool.ts: draws one chart at a time as a PNG, or runs one of the
// charts' counting queries on its own read-only connection to the store. Vega, the world atlas
// and resvg are loaded here, on first use, never in the bot's thread.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { CHART_SIZES, type Chart } from '../core/charts/chart.js';
import { SqliteChartQueries, type ChartQuery } from '../store/chart-queries.js';
import { idleCollector } from './idle-collect.js';
import { failureText, yieldCoresToBot } from '../worker-thread.js';

export type WorkerRequest = { id: number; kind: 'draw'; chart: Chart } | { id: number; kind: 'count'; query: ChartQuery; args: unknown[] };

export type WorkerResponse =
  | { id: number; png: Uint8Array; width: number; height: number }
  | { id: number; result: unknown }
  | { id: number; failed: string }
  | { ready: true };

export interface WorkerSetup {
  prefer: 'native' | 'wasm';
  /** The store the counting queries read; none: the worker only draws. */
  dbPath?: string;
}

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs as a worker thread (see render-pool.ts)');
const setup = workerData as WorkerSetup;
yieldCoresToBot();

// Vega, the atlas and resvg are loaded on the first chart, not for counting: a worker that only
// counts starts in a moment.
let drawing: Promise<{ chartSvg: (chart: Chart) => Promise<string>; toPng: (svg: string, width: number) => Uint8Array }> | undefined;

async function loadDrawing() {
  const [{ chartSvg }, { loadSvgToPng }] = await Promise.all([import('./chart-svg.js'), import('./svg-png.js')]);
  const { toPng } = await loadSvgToPng(setup.prefer);
  return { chartSvg, toPng };
}
let queries: SqliteChartQueries | undefined;

function store(): SqliteChartQueries {
  if (!setup.dbPath) throw new Error('this chart worker has no store to count in');
  queries ??= new SqliteChartQueries(new Database(setup.dbPath, { readonly: true, fileMustExist: true }));
  return queries;
}

async function answer(request: WorkerRequest): Promise<WorkerResponse> {
  if (request.kind === 'count') {
    const method = store()[request.query] as (...args: unknown[]) => unknown;
    return { id: request.id, result: method.apply(queries, request.args) };
  }
  drawing ??= loadDrawing();
  const { chartSvg, toPng } = await drawing;
  const size = CHART_SIZES[request.chart.kind];
  return { id: request.id, png: toPng(await chartSvg(request.chart), size.width), ...size };
}

const collector = idleCollector();

port.on('message', (request: WorkerRequest) => {
  collector.busy();
  void answer(request)
    .catch((error: unknown): WorkerResponse => ({ id: request.id, failed: failureText(error) }))
    .then((response) => port.postMessage(response, 'png' in response ? [response.png.buffer as ArrayBuffer] : []))
    .finally(() => collector.idle());
});
port.postMessage({ ready: true } satisfies WorkerResponse);
