// Yes/no choice answers read tolerantly (the reference forms' 'あり / Yes', 'なし / No').
import { isYes } from '../../src/domain/answers';

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
