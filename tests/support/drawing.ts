// Tests that draw a picture load Vega-Lite, the atlas and resvg (in a chart worker, or in the test's
// own process) the first time: seconds on a quiet machine, several times that when the machine's
// cores are shared with other work. They get this much time, the rest of the suite its usual 20 s.
export const DRAWING = { timeout: 60_000 };
