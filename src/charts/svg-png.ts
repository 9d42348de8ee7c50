// SVG to PNG with resvg: the native build from @resvg/resvg-js (a prebuilt binary in a
// per-platform package), or, where none fits the machine, the same renderer compiled to
// WebAssembly (@resvg/resvg-wasm). Either way only the shipped fonts are used.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fontFiles } from './fonts.js';

const require = createRequire(import.meta.url);

export type SvgToPng = (svg: string, width: number) => Uint8Array;

function nativeRenderer(): SvgToPng {
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const font = { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: 'Noto Sans' };
  return (svg, width) => new Resvg(svg, { font, fitTo: { mode: 'width', value: width } }).render().asPng();
}

async function wasmRenderer(): Promise<SvgToPng> {
  const wasm = await import('@resvg/resvg-wasm');
  await wasm.initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  const font = { fontBuffers: fontFiles().map((file) => readFileSync(file)), defaultFontFamily: 'Noto Sans' };
  return (svg, width) => {
    const resvg = new wasm.Resvg(svg, { font, fitTo: { mode: 'width', value: width } });
    try {
      return resvg.render().asPng();
    } finally {
      resvg.free();
    }
  };
}

/** The native renderer when its binary loads here, else the WebAssembly one. */
export async function loadSvgToPng(prefer: 'native' | 'wasm' = 'native'): Promise<{ kind: 'native' | 'wasm'; toPng: SvgToPng }> {
  if (prefer === 'native') {
    try {
      return { kind: 'native', toPng: nativeRenderer() };
    } catch {
      // No prebuilt binary for this platform: fall through to WebAssembly.
    }
  }
  return { kind: 'wasm', toPng: await wasmRenderer() };
}
