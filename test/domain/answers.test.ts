// Yes/no choice answers read tolerantly (the reference forms' 'あり / Yes', 'なし / No').
import { isYes } from '../../src/domain/answers';

describe('isYes', () => {
  test.each([
    ['あり / Yes', true],
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
    ['', false],
    ['maybe', false],
    ['yesterday', false],
  ])('%j is yes: %s', (answer, expected) => {
    expect(isYes(answer)).toBe(expected);
  });
});
