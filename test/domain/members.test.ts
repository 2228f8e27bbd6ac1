import {
  baselineVersion,
  memberAsOf,
  memberHistories,
  versionAsOf,
} from '../../src/domain/members';
import type { MemberVersion } from '../../src/domain/types';
import { member, tokyoMs, version } from './fixtures';

const m1 = member(1);
const registered = tokyoMs('2024-07-01', '09:00');
const reRegistered = tokyoMs('2024-08-10', '09:00');
// BN-00001 registered without experience, re-registered with it on 2024-08-10.
const history: MemberVersion[] = [
  version(m1, registered, { experience: false }),
  version(m1, reRegistered, { experience: true, email: 'new@example.org' }),
];

describe('the member as of a moment (RULES §3)', () => {
  test('before the first registration the ID does not exist (R5)', () => {
    expect(memberAsOf(history, registered - 1)).toBeUndefined();
    expect(memberAsOf(undefined, reRegistered)).toBeUndefined();
    expect(memberAsOf([], reRegistered)).toBeUndefined();
  });

  test('at or after a registration, the latest response at or before the moment counts', () => {
    expect(memberAsOf(history, registered)).toEqual({
      id: 'BN-00001',
      email: 'member1@example.org',
      experience: false,
    });
    expect(memberAsOf(history, tokyoMs('2024-07-14', '20:00'))?.experience).toBe(false);
    expect(memberAsOf(history, reRegistered)).toEqual({
      id: 'BN-00001',
      email: 'new@example.org',
      experience: true,
    });
  });

  test('versions listed out of order are read by their time', () => {
    const reversed = [...history].reverse();
    expect(memberAsOf(reversed, tokyoMs('2024-07-14'))?.experience).toBe(false);
    expect(memberAsOf(reversed, tokyoMs('2024-09-01'))?.experience).toBe(true);
  });

  test('the version in force carries the foreign background and language too (R34)', () => {
    const withBackground = [
      version(m1, registered, { foreignBackground: false }),
      version(m1, reRegistered, { foreignBackground: true, language: 'English' }),
    ];
    expect(versionAsOf(withBackground, tokyoMs('2024-07-14'))?.foreignBackground).toBe(false);
    expect(versionAsOf(withBackground, reRegistered)).toMatchObject({
      foreignBackground: true,
      language: 'English',
    });
  });

  test('a version without an email keeps the email known before it', () => {
    const noEmail = [...history, version(m1, tokyoMs('2024-09-01'), { email: '' })];
    expect(memberAsOf(noEmail, tokyoMs('2024-09-02'))?.email).toBe('new@example.org');
  });
});

describe('member histories', () => {
  const current = {
    id: 'BN-00002',
    email: 'two@example.org',
    experience: true,
    foreignBackground: true,
    language: 'English',
    registeredAt: registered,
  };

  test('group the recorded versions by member, in time order', () => {
    const h = memberHistories([history[1], history[0]], []);
    expect(h.get('BN-00001')?.map((v) => v.at)).toEqual([registered, reRegistered]);
  });

  test('a member without recorded versions is their Members row, registered at their recorded registration time', () => {
    const h = memberHistories(history, [current]);
    expect(h.get('BN-00002')).toEqual([
      {
        memberId: 'BN-00002',
        at: registered,
        responseId: '',
        email: 'two@example.org',
        experience: true,
        foreignBackground: true,
        language: 'English',
      },
    ]);
    expect(memberAsOf(h.get('BN-00002'), registered - 1)).toBeUndefined();
  });

  test('a member with recorded versions is not overridden by their Members row', () => {
    const h = memberHistories(history, [{ ...current, id: 'BN-00001', experience: true }]);
    expect(h.get('BN-00001')).toHaveLength(2);
    expect(memberAsOf(h.get('BN-00001'), tokyoMs('2024-07-14'))?.experience).toBe(false);
  });

  test('a Members row without a registration time counts from the beginning of time', () => {
    expect(baselineVersion({ ...current, registeredAt: null }).at).toBe(0);
  });
});

describe('the member as of a moment: blank emails and versions at the same moment', () => {
  test('a version whose email is only spaces keeps the email known before it', () => {
    const spaces = [...history, version(m1, tokyoMs('2024-09-01'), { email: '  \u3000 ' })];
    expect(memberAsOf(spaces, tokyoMs('2024-09-02'))?.email).toBe('new@example.org');
  });

  test('a first registration without an email (a form not collecting emails) gives no email', () => {
    const noEmail = [version(m1, registered, { email: '' })];
    expect(memberAsOf(noEmail, reRegistered)?.email).toBe('');
  });

  test('of versions recorded at the same moment, the one recorded last is in force', () => {
    const at = tokyoMs('2024-09-01');
    const same = [
      version(m1, at, { responseId: 'first', email: 'a@example.org' }),
      version(m1, at, { responseId: 'second', email: 'b@example.org' }),
      version(m1, at, { responseId: 'third', email: 'c@example.org' }),
    ];
    expect(versionAsOf(same, at)?.responseId).toBe('third');
    expect(
      memberHistories(same, [])
        .get('BN-00001')
        ?.map((v) => v.responseId),
    ).toEqual(['first', 'second', 'third']);
  });
});
