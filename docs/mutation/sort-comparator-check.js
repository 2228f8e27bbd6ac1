// V8's Array.prototype.sort (TimSort; Node and Apps Script's V8 runtime) only asks whether a
// comparator's result is below 0: run with `node docs/mutation/sort-comparator-check.js`. Used by
// docs/mutation/*.md to explain the comparator mutants of the `a > b ? 1 : 0` half as equivalent.
let diffs = 0, runs = 0;
function rnd(n) { return Math.floor(Math.random() * n); }
for (let t = 0; t < 3000; t++) {
  const n = 1 + rnd(t < 2000 ? 80 : 1200);
  const keys = rnd(3) === 0 ? n : 1 + rnd(Math.max(1, n / 3));
  const arr = Array.from({ length: n }, (_, i) => ({ k: 'k' + String(rnd(keys)).padStart(5, '0'), i }));
  const cmp = (half) => (a, b) => (a.k < b.k ? -1 : half(a, b));
  const variants = [
    (a, b) => (a.k > b.k ? 1 : 0),
    () => 1,
    () => 0,
    (a, b) => (a.k >= b.k ? 1 : 0),
    (a, b) => (a.k <= b.k ? 1 : 0),
  ];
  const outs = variants.map((v) => JSON.stringify([...arr].sort(cmp(v)).map((x) => x.i)));
  runs++;
  if (outs.some((o) => o !== outs[0])) diffs++;
}
console.log(process.version, 'runs', runs, 'arrays where the >-half changed the order:', diffs);
