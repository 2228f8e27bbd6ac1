// esbuild's options for the Apps Script bundle: one list for the build (scripts/build.mjs) and
// for coverage's source-mapped copy of it (scripts/coverage.mjs), which must come out byte for
// byte the same.
export const GLOBAL_NAME = 'BansouNet';

/** The options for bundling `entry` (no output file is written: the callers write it). */
export function bundleOptions(entry) {
  return {
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    target: 'es2020',
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  };
}
