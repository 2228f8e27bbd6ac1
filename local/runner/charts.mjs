// Renders Vega-Lite specs to SVG text with vega + vega-lite (ESM-only, with top-level await, so
// they run here in a child process rather than inside the CommonJS runner and Jest).
// stdin: a JSON array of Vega-Lite specs; stdout: a JSON array of SVG strings, in order.
import { readFileSync } from 'node:fs';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

const specs = JSON.parse(readFileSync(0, 'utf8'));
const svgs = [];
for (const spec of specs) {
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  svgs.push(await view.toSVG());
  view.finalize();
}
process.stdout.write(JSON.stringify(svgs));
