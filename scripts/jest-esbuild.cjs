// A Jest transform for `npm run test:mutation` only: TypeScript compiled by esbuild, without
// type-checking. Stryker restarts its test runner after every mutant that loops forever;
// starting esbuild costs far less than loading the TypeScript compiler each time.
const { transformSync } = require('esbuild');

module.exports = {
  process(source, file) {
    const { code, map } = transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'external',
      sourcefile: file,
    });
    return { code, map };
  },
};
