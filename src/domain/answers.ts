// Reading the yes/no choice answers of the reference forms ('あり / Yes', 'なし / No') tolerantly,
// also after staff reword the choices ('はい（あります） / Yes, I have'), and telling an answer
// that is neither yes nor no apart from a no: it must never count as a no in silence.
import { nfkc } from './text';

const YES = ['あり', '有り', '有', 'はい', 'あります', 'ある', 'yes', 'y', 'true'];
const NO = ['なし', '無し', '無', 'いいえ', 'ありません', 'ない', 'no', 'n', 'false'];

/**
 * What the registration records when the form had no question for a yes/no field (renamed or
 * deleted after set-up): staff see it in Members, and the rules read it as unknown (null).
 */
export const QUESTION_NOT_IN_FORM = '？ フォームに設問なし / question not in the form';

/**
 * A yes/no choice: true for 'あり / Yes', 'はい（あります）', 'Yes, I have'…; false for 'なし / No',
 * 'いいえ（ありません）' and for no answer at all (an optional question left blank declares
 * nothing); null for an answer that is neither ('経験者 / Experienced', 'Yes / No',
 * QUESTION_NOT_IN_FORM): unknown, for staff.
 */
export function readYesNo(answer: string): boolean | null {
  const parts = nfkc(answer ?? '')
    .toLowerCase()
    .split(/[\s/・,、()「」]+/)
    .filter((p) => p !== '');
  if (parts.length === 0) return false;
  const yes = parts.some((p) => YES.includes(p));
  const no = parts.some((p) => NO.includes(p));
  if (yes === no) return null;
  return yes;
}

/** A yes/no choice answered yes: 'あり / Yes', 'はい / Yes', 'Yes', 'あり', 'true'. */
export function isYes(answer: string): boolean {
  return readYesNo(answer) === true;
}
