// Reading the yes/no choice answers of the reference forms ('あり / Yes', 'なし / No') tolerantly.
import { nfkc } from './text';

/** A yes/no choice answered yes: 'あり / Yes', 'はい / Yes', 'Yes', 'あり', 'true'. */
export function isYes(answer: string): boolean {
  const parts = nfkc(answer)
    .toLowerCase()
    .split(/[\s/／・,]+/)
    .filter((p) => p !== '');
  const yes = parts.some((p) => ['あり', '有り', '有', 'はい', 'yes', 'y', 'true'].includes(p));
  const no = parts.some((p) => ['なし', '無し', '無', 'いいえ', 'no', 'n', 'false'].includes(p));
  return yes && !no;
}
