// Finding a question by its title after staff edited the form (adapters/answers.ts): the same
// title, else the one question that kept its Japanese or its English half. Expected values by
// hand from the guides' "If you rename a question" (3.4, 3.5).
import { findItem, findTitle, normalizeTitle } from '../../src/adapters/answers';

const DATE = '支援日 / Date of support';
const START = '開始時刻 / Start time';

describe('findTitle: the question a field-map title finds among the form’s titles', () => {
  test('the same title, whatever its spacing or width', () => {
    expect(
      findTitle(DATE, [normalizeTitle(START), normalizeTitle('支援日　/ Date of support')]),
    ).toBe(normalizeTitle(DATE));
  });

  test('a typo fixed in one half: found by the half that stayed', () => {
    expect(
      findTitle(DATE, [normalizeTitle(START), normalizeTitle('支援日 / Date of the support')]),
    ).toBe(normalizeTitle('支援日 / Date of the support'));
    expect(findTitle(DATE, [normalizeTitle('支援した日 / Date of support')])).toBe(
      normalizeTitle('支援した日 / Date of support'),
    );
  });

  test('both halves changed, two questions that could be meant, or another field’s own title: none', () => {
    expect(findTitle(DATE, [normalizeTitle('支援した日 / Day of support')])).toBeNull();
    expect(
      findTitle(DATE, [normalizeTitle('支援日 / Day'), normalizeTitle('支援日 / Date')]),
    ).toBeNull();
    const other = normalizeTitle('支援日 / End time');
    expect(findTitle(DATE, [other], new Set([other]))).toBeNull();
  });

  test('a one-language title is found only as it is', () => {
    expect(findTitle('支援日', [normalizeTitle('支援日 / Date of support')])).toBeNull();
  });
});

describe('findItem: each question asked its title (a Forms call) only until the exact one', () => {
  const items = (titles: string[]) => {
    const asked: string[] = [];
    const list = titles.map((t) => ({
      id: t,
      getTitle: () => {
        asked.push(t);
        return t;
      },
    }));
    return { list, asked };
  };

  test('the exact title second of four: two titles asked', () => {
    const { list, asked } = items(['名前 / Name', DATE, START, '終了時刻 / End time']);
    expect(findItem(list, DATE)?.id).toBe(DATE);
    expect(asked).toEqual(['名前 / Name', DATE]);
  });

  test('a title reworded in one half: every title asked, the question found', () => {
    const { list, asked } = items(['名前 / Name', '支援日 / Day of support', START]);
    expect(findItem(list, DATE)?.id).toBe('支援日 / Day of support');
    expect(asked).toHaveLength(3);
  });

  test('no such question: undefined', () => {
    expect(findItem(items(['名前 / Name', START]).list, DATE)).toBeUndefined();
  });
});
