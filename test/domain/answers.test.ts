// Yes/no choice answers read tolerantly (the reference forms' 'あり / Yes', 'なし / No').
import { isYes, readYesNo } from '../../src/domain/answers';

describe('isYes', () => {
  test.each([
    ['あり / Yes', true],
    ['あり', true],
    ['はい', true],
    ['はい / Yes', true],
    ['Yes', true],
    ['ＹＥＳ', true],
    ['有り', true],
    ['有', true],
    ['y', true],
    ['true', true],
    ['あり・Yes', true],
    ['なし / No', false],
    ['いいえ / No', false],
    ['無し', false],
    ['無', false],
    ['n', false],
    ['false', false],
    ['Yes / No', false],
    // A yes word and a no word together are not a yes (each no word on its own).
    ['はい / なし', false],
    ['はい / 無し', false],
    ['はい / 無', false],
    ['はい / いいえ', false],
    ['y, n', false],
    ['true・false', false],
    ['', false],
    ['maybe', false],
    ['yesterday', false],
  ])('%j is yes: %s', (answer, expected) => {
    expect(isYes(answer)).toBe(expected);
  });
});

describe('isYes: the parts of a choice written without spaces', () => {
  test.each([
    ['あり/Yes', true],
    ['はい,Yes', true],
    ['なし/No', false],
  ])('%j is yes: %s', (answer, expected) => {
    expect(isYes(answer)).toBe(expected);
  });
});

describe('readYesNo: choices staff reworded after set-up', () => {
  test.each([
    ['はい（あります） / Yes, I have', true],
    ['はい（あります）', true],
    ['いいえ（ありません） / No, I have not', false],
    ['いいえ（ありません）', false],
    ['あり / Yes', true],
    ['なし / No', false],
    // An optional question left blank declares nothing: no.
    ['', false],
    // Neither yes nor no: unknown, never a silent no.
    ['経験者 / Experienced', null],
    ['Yes / No', null],
    ['maybe', null],
    ['？ フォームに設問なし / question not in the form', null],
  ])('%j reads as %s', (answer, expected) => {
    expect(readYesNo(answer)).toBe(expected);
  });
});
