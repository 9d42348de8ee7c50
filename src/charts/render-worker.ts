// The worker thread that draws charts for render-pool.ts: one chart at a time, answered with its
// PNG. Vega, the world atlas and resvg are loaded here, on first use, never in the bot's thread.
import { parentPort, workerData } from 'node:worker_threads';
import { CHART_SIZES, type Chart } from '../core/charts/chart.js';
import { chartSvg } from './chart-svg.js';
import { loadSvgToPng } from './svg-png.js';

export interface RenderRequest {
  id: number;
  chart: Chart;
}

export type RenderResponse = { id: number; png: Uint8Array; width: number; height: number } | { id: number; failed: string } | { ready: 'native' | 'wasm' };

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs as a worker thread (see render-pool.ts)');

// Loaded before the first chart; no top-level await, which tsx's require hook (tests) cannot run.
const loading = loadSvgToPng((workerData as { prefer?: 'native' | 'wasm' } | undefined)?.prefer);

port.on('message', (request: RenderRequest) => {
  void Promise.all([loading, chartSvg(request.chart)])
    .then(([renderer, svg]): RenderResponse => {
      const size = CHART_SIZES[request.chart.kind];
      return { id: request.id, png: renderer.toPng(svg, size.width), ...size };
    })
    .catch((error: unknown): RenderResponse => ({ id: request.id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) }))
    .then((response) => port.postMessage(response, 'png' in response ? [response.png.buffer as ArrayBuffer] : []));
});
void loading.then((renderer) => port.postMessage({ ready: renderer.kind } satisfies RenderResponse));
