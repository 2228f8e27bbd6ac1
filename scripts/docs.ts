// The generated parts of the staff guide (docs/guide.ja.md, docs/guide.en.md) and its pictures.
//
// (a) Between markers like `<!-- generated:settings -->` … `<!-- /generated:settings -->` the
//     guides hold text made here from the code itself: every Settings key (SETTINGS_SPEC), every
//     reason code with the sentence the decision emails use (REASONS), and the subject of
//     every default email (DEFAULT_TEMPLATES). Staff read the same words the system writes.
// (b) docs/images/*.svg: the sheets as staff see them, drawn from a small demo run on the BUILT
//     bundle (dist/Code.js) in the local runtime, so the pictures follow the product, not a hand.
//
// Run: npm run build --silent && npx tsx scripts/docs.ts   (test/docs.test.ts checks both.)
// This file is the command; the jobs are in scripts/docs/: sections.ts (a), demo.ts, svg.ts and
// pictures.ts (b).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPictures } from './docs/pictures';
import { GUIDE_FILES, generatedSections, IMAGE_DIR, writeGenerated } from './docs/sections';

export { PICTURES, renderPictures } from './docs/pictures';
export {
  GUIDE_FILES,
  generatedSections,
  IMAGE_DIR,
  type Lang,
  readGenerated,
  writeGenerated,
} from './docs/sections';

function main(): void {
  for (const lang of ['ja', 'en'] as const) {
    const file = GUIDE_FILES[lang];
    const before = readFileSync(file, 'utf8');
    const after = writeGenerated(before, generatedSections(lang));
    if (after !== before) writeFileSync(file, after);
    console.log(`${file}: ${after === before ? 'up to date' : 'generated sections rewritten'}`);
  }
  mkdirSync(IMAGE_DIR, { recursive: true });
  for (const [name, svg] of renderPictures(process.env.DOCS_BUNDLE)) {
    writeFileSync(join(IMAGE_DIR, name), svg);
    console.log(`docs/images/${name}`);
  }
}

if (require.main === module) main();
