// Staff edit the Google Forms after set-up (real-Google readiness): a title's typo fixed, a title
// replaced, choices reworded or added, a question deleted, added or of another type, email
// collection switched off. Each edit is made the way the Forms editor makes it (the reference's
// Class Item setTitle / setRequired / setChoiceValues, Class Form setCollectEmail, deleteItem,
// moveItem, add…Item), then people submit, and the test says what must happen: decision, reason
// codes, the emails, the staff alert, the Log line. Nobody runs set-up again after a small edit.
import type { Form, Item } from '../../local/runtime/forms';
import {
  APPLICATION_TITLES as A,
  COURSE_TITLES as C,
  REGISTRATION_TITLES as R,
} from '../../local/world';
import { type Office, office, sheetValues, staffAddsSession, uncounted } from './helpers';

/** The item of a form with this title (as staff see it in the editor). */
function item(o: Office, form: Form, title: string): Item {
  return uncounted(o, () => {
    const found = form.getItems().find((i) => i.getTitle() === title);
    if (!found) throw new Error(`no question "${title}"`);
    return found;
  });
}

/** Staff retitle a question in the Forms editor. */
function retitle(o: Office, form: Form, from: string, to: string): void {
  uncounted(o, () => item(o, form, from).setTitle(to));
}

/** Staff replace a question's choices in the Forms editor. */
function rechoose(o: Office, form: Form, title: string, choices: string[]): void {
  uncounted(o, () => item(o, form, title).setChoiceValues(choices));
}

/** The staff alerts mailed so far (subject lines). */
function alerts(o: Office): string[] {
  return o.rt.mail.outbox.filter((m) => m.to.includes(o.staffEmail)).map((m) => m.subject);
}

/** The Log lines of one action, as "action responseId: detail". */
function logLines(o: Office, action: string): string[] {
  const values = sheetValues(o, 'Log');
  const header = values[0].map((h) => String(h).split(' / ')[0]);
  const at = (name: string) => header.indexOf(name);
  return values
    .slice(1)
    .filter((r) => r[at('Action')] === action)
    .map((r) => `${r[at('Action')]} ${r[at('Response ID')]}: ${r[at('Detail')]}`);
}

const decision = (o: Office, responseId: string) => {
  const row = o.rows('Applications').find((r) => r['Response ID'] === responseId);
  return row ? [row.Status, row['Reason codes']] : null;
};

/** Aiko registered (with experience) before any edit; the clock after her support day. */
function officeWithAiko(): Office {
  const o = office();
  o.register({ email: 'aiko@example.org', name: 'Aiko' });
  o.at('2023-07-25T10:00:00');
  return o;
}

describe('registration form edited after set-up', () => {
  test('a typo fixed in the English half of the experience title: the answer is still read, the member applies and is ACCEPTED, no staff alert', () => {
    const o = office();
    retitle(o, o.registration, R.experience, '伴走支援の経験 / Accompanying support experience');
    uncounted(o, () =>
      o.rt.forms.submit(o.registration, {
        email: 'ben@example.org',
        answers: {
          [R.name]: 'Ben',
          '伴走支援の経験 / Accompanying support experience': 'あり / Yes',
          [R.consent]: ['同意します / I agree'],
        },
      }),
    );
    expect(o.rows('Members')[0].Experience).toBe('あり / Yes');
    o.at('2023-07-25T10:00:00');
    const r = o.apply({ email: 'ben@example.org', id: 'BN-00001' });
    expect(decision(o, r)).toEqual(['ACCEPTED', '']);
    expect(alerts(o)).toEqual([]);
  });

  test('the experience title replaced whole: the ID is issued and sent, staff get one alert naming the question, and the member’s applications go to REVIEW (MISSING_ANSWER), never REJECTED NOT_ELIGIBLE', () => {
    const o = office();
    o.explains.push(/STAFF_ALERT.*伴走支援の経験 \/ Accompanying-support experience/);
    retitle(o, o.registration, R.experience, 'これまでの支援経験 / Your support experience so far');
    const answers = (email: string, name: string) => ({
      email,
      answers: {
        [R.name]: name,
        'これまでの支援経験 / Your support experience so far': 'あり / Yes',
        [R.emailLanguage]: '日本語',
        [R.consent]: ['同意します / I agree'],
      },
    });
    uncounted(o, () => o.rt.forms.submit(o.registration, answers('ben@example.org', 'Ben')));
    uncounted(o, () => o.rt.forms.submit(o.registration, answers('chika@example.org', 'Chika')));
    const members = o.rows('Members');
    expect(members.map((m) => m['Bansou Net ID'])).toEqual(['BN-00001', 'BN-00002']);
    expect(o.rt.mail.outbox.filter((m) => m.subject.includes('BN-0000'))).toHaveLength(2);
    expect(alerts(o)).toHaveLength(1);
    expect(alerts(o)[0]).toContain('登録フォームに設問がありません');
    o.at('2023-07-25T10:00:00');
    const r = o.apply({ email: 'ben@example.org', id: 'BN-00001' });
    expect(decision(o, r)).toEqual(['REVIEW', 'MISSING_ANSWER']);
  });

  test('after the experience title was replaced, staff rename it back and run "Process missed responses" then "Re-decide all": the members registered meanwhile are read again (REREAD) and their applications ACCEPTED', () => {
    const o = office();
    o.explains.push(/STAFF_ALERT.*伴走支援の経験 \/ Accompanying-support experience/);
    const renamed = 'これまでの支援経験 / Your support experience so far';
    retitle(o, o.registration, R.experience, renamed);
    uncounted(o, () =>
      o.rt.forms.submit(o.registration, {
        email: 'ben@example.org',
        answers: {
          [R.name]: 'Ben',
          [renamed]: 'あり / Yes',
          [R.consent]: ['同意します / I agree'],
        },
      }),
    );
    expect(o.rows('Members')[0].Experience).toBe(
      '？ フォームに設問なし / question not in the form',
    );
    o.at('2023-07-25T10:00:00');
    const r = o.apply({ email: 'ben@example.org', id: 'BN-00001' });
    expect(decision(o, r)).toEqual(['REVIEW', 'MISSING_ANSWER']);
    retitle(o, o.registration, renamed, R.experience);
    o.rt.run('processMissedResponses');
    expect(o.rows('Members')[0].Experience).toBe('あり / Yes');
    expect(logLines(o, 'REGISTRATION_REREAD')).toHaveLength(1);
    o.rt.run('redecideAll');
    expect(decision(o, r)).toEqual(['ACCEPTED', '']);
    const decisions = o.rt.mail.outbox.filter((m) => m.to.includes('ben@example.org'));
    // The ID (once), under review, then accepted.
    expect(decisions).toHaveLength(3);
    // Running it again reads nothing again.
    o.rt.run('processMissedResponses');
    expect(logLines(o, 'REGISTRATION_REREAD')).toHaveLength(1);
  });

  test('experience choices reworded to "はい（あります） / Yes, I have" and "いいえ（ありません） / No, I have not": read as yes and no', () => {
    const o = office();
    rechoose(o, o.registration, R.experience, [
      'はい（あります） / Yes, I have',
      'いいえ（ありません） / No, I have not',
    ]);
    const reg = (email: string, answer: string) =>
      uncounted(o, () =>
        o.rt.forms.submit(o.registration, {
          email,
          answers: {
            [R.name]: email,
            [R.experience]: answer,
            [R.consent]: ['同意します / I agree'],
          },
        }),
      );
    reg('yes@example.org', 'はい（あります） / Yes, I have');
    reg('no@example.org', 'いいえ（ありません） / No, I have not');
    o.at('2023-07-25T10:00:00');
    expect(decision(o, o.apply({ email: 'yes@example.org', id: 'BN-00001' }))).toEqual([
      'ACCEPTED',
      '',
    ]);
    expect(decision(o, o.apply({ email: 'no@example.org', id: 'BN-00002' }))).toEqual([
      'REJECTED',
      'NOT_ELIGIBLE',
    ]);
    expect(alerts(o)).toEqual([]);
  });

  test('experience choices reworded to Japanese only, "はい（あります）" / "いいえ（ありません）": read as yes and no', () => {
    const o = office();
    rechoose(o, o.registration, R.experience, ['はい（あります）', 'いいえ（ありません）']);
    uncounted(o, () =>
      o.rt.forms.submit(o.registration, {
        email: 'yes@example.org',
        answers: {
          [R.name]: 'Yes',
          [R.experience]: 'はい（あります）',
          [R.consent]: ['同意します / I agree'],
        },
      }),
    );
    o.at('2023-07-25T10:00:00');
    expect(decision(o, o.apply({ email: 'yes@example.org', id: 'BN-00001' }))).toEqual([
      'ACCEPTED',
      '',
    ]);
  });

  test('an experience choice that reads as neither yes nor no ("経験者 / Experienced") never counts as no in silence: one staff alert, and the member’s application goes to REVIEW (MISSING_ANSWER)', () => {
    const o = office();
    o.explains.push(/STAFF_ALERT.*伴走支援の経験/);
    rechoose(o, o.registration, R.experience, ['経験者 / Experienced', '未経験 / New']);
    for (const email of ['a@example.org', 'b@example.org']) {
      uncounted(o, () =>
        o.rt.forms.submit(o.registration, {
          email,
          answers: {
            [R.name]: email,
            [R.experience]: '経験者 / Experienced',
            [R.consent]: ['同意します / I agree'],
          },
        }),
      );
    }
    expect(alerts(o)).toHaveLength(1);
    o.at('2023-07-25T10:00:00');
    expect(decision(o, o.apply({ email: 'a@example.org', id: 'BN-00001' }))).toEqual([
      'REVIEW',
      'MISSING_ANSWER',
    ]);
  });

  test('a language added to the email-language choices: the reply is in Japanese and English together (R3: no template for it)', () => {
    const o = office();
    rechoose(o, o.registration, R.emailLanguage, ['日本語', 'English', 'Bahasa Indonesia']);
    o.register({ email: 'dewi@example.org', name: 'Dewi', language: 'Bahasa Indonesia' });
    const reply = o.rt.mail.outbox.find((m) => m.to.includes('dewi@example.org'));
    expect(reply?.body).toContain('BN-00001');
    expect(reply?.body).toContain('----------------------------------------');
    expect(reply?.subject).toMatch(/ \/ /);
  });

  test('the registration form stops collecting email addresses: the ID is still issued, no reply can go, staff get one alert', () => {
    const o = office();
    o.explains.push(/STAFF_ALERT.*does not collect email addresses/);
    uncounted(o, () => o.registration.setCollectEmail(false));
    o.register({ email: 'x@example.org', name: 'X' });
    o.register({ email: 'y@example.org', name: 'Y' });
    expect(o.rows('Members').map((m) => m['Bansou Net ID'])).toEqual(['BN-00001', 'BN-00002']);
    expect(alerts(o)).toEqual([
      expect.stringContaining('登録フォームがメールアドレスを収集していません'),
    ]);
  });
});

/**
 * Aiko applies for 20 July, 10:00–11:30, with the support date under the title the form has now
 * (and any answers to questions staff added); the form's answers as the Forms service takes them.
 */
function applyUnderDateTitle(
  o: Office,
  dateTitle: string,
  recipient = 'Nguyen Van A',
  added: Record<string, string> = {},
): string {
  return uncounted(o, () =>
    o.rt.forms
      .submit(o.application, {
        email: 'aiko@example.org',
        answers: {
          [A.applicantId]: 'BN-00001',
          [A.applicantName]: 'Aiko',
          [dateTitle]: '2023-07-20',
          [A.startTime]: '10:00',
          [A.endTime]: '11:30',
          [A.recipientName]: recipient,
          ...added,
        },
      })
      .getId(),
  );
}

describe('application form edited after set-up', () => {
  test('a required question’s title replaced whole: each application is REVIEW (MISSING_ANSWER), staff get one alert naming the question, and a later break after it was fixed alerts again', () => {
    const o = officeWithAiko();
    o.explains.push(/STAFF_ALERT.*支援日 \/ Date of support/);
    retitle(o, o.application, A.supportDate, '支援した日 / Day of support');
    const submit = () => applyUnderDateTitle(o, '支援した日 / Day of support');
    const first = submit();
    const second = submit();
    expect(decision(o, first)).toEqual(['REVIEW', 'MISSING_ANSWER']);
    expect(decision(o, second)).toEqual(['REVIEW', 'MISSING_ANSWER']);
    expect(alerts(o)).toHaveLength(1);
    expect(alerts(o)[0]).toContain('申請フォームに設問がありません');
    // Staff rename it back: the next application is decided; the alert may come again later.
    retitle(o, o.application, '支援した日 / Day of support', A.supportDate);
    const third = o.apply({ email: 'aiko@example.org', recipient: 'Le Thi B' });
    expect(decision(o, third)).toEqual(['ACCEPTED', '']);
    retitle(o, o.application, A.supportDate, '支援した日 / Day of support');
    submit();
    expect(alerts(o)).toHaveLength(2);
  });

  test('after a required title was replaced, staff rename it back and run "Process missed responses": the applications under review are read again (APPLICATION_REREAD) and decided, and their applicants hear the decision', () => {
    const o = officeWithAiko();
    o.explains.push(/STAFF_ALERT.*支援日 \/ Date of support/);
    const renamed = '支援した日 / Day of support';
    retitle(o, o.application, A.supportDate, renamed);
    const submit = (recipient: string) => applyUnderDateTitle(o, renamed, recipient);
    const first = submit('Nguyen Van A');
    const second = submit('Le Thi B');
    expect(o.rows('Applications').map((a) => a['Questions missing from the form'])).toEqual([
      'supportDate',
      'supportDate',
    ]);
    retitle(o, o.application, renamed, A.supportDate);
    o.rt.run('processMissedResponses');
    expect(decision(o, first)).toEqual(['ACCEPTED', '']);
    expect(decision(o, second)).toEqual(['ACCEPTED', '']);
    expect(o.rows('Applications').map((a) => a['Support date'])).toEqual([
      '2023-07-20',
      '2023-07-20',
    ]);
    expect(logLines(o, 'APPLICATION_REREAD')).toEqual([
      `APPLICATION_REREAD ${first}: questions found again: supportDate`,
      `APPLICATION_REREAD ${second}: questions found again: supportDate`,
    ]);
    // Each applicant mail: under review, then accepted.
    expect(o.rt.mail.outbox.filter((m) => m.to.includes('aiko@example.org'))).toHaveLength(5);
    o.rt.run('processMissedResponses');
    expect(logLines(o, 'APPLICATION_REREAD')).toHaveLength(2);
  });

  test('a typo fixed in the Japanese half of the support-date title: applications are still decided (ACCEPTED), no alert', () => {
    const o = officeWithAiko();
    retitle(o, o.application, A.supportDate, '支援の日 / Date of support');
    const r = applyUnderDateTitle(o, '支援の日 / Date of support');
    expect(decision(o, r)).toEqual(['ACCEPTED', '']);
    expect(alerts(o)).toEqual([]);
  });

  test('an optional question deleted (the description): applications are ACCEPTED, and the one staff alert does not claim they are under review', () => {
    const o = officeWithAiko();
    o.explains.push(/STAFF_ALERT.*支援の内容/);
    uncounted(o, () => o.application.deleteItem(item(o, o.application, A.description)));
    const r = applyUnderDateTitle(o, A.supportDate);
    expect(decision(o, r)).toEqual(['ACCEPTED', '']);
    const alert = o.rt.mail.outbox.find((m) => m.to.includes(o.staffEmail));
    expect(alert?.body).toContain('支援の内容 / What support was given');
    expect(alert?.body).not.toContain('under review');
  });

  test('a new question added, optional or required: ignored without harm (ACCEPTED, no alert)', () => {
    const o = officeWithAiko();
    uncounted(o, () => {
      o.application.addTextItem().setTitle('所属 / Affiliation');
      o.application.addTextItem().setTitle('電話 / Phone').setRequired(true);
    });
    const r = applyUnderDateTitle(o, A.supportDate, 'Nguyen Van A', {
      '電話 / Phone': '03-1234-5678',
    });
    expect(decision(o, r)).toEqual(['ACCEPTED', '']);
    expect(alerts(o)).toEqual([]);
  });

  test('the support date changed from a Date question to a short-answer text question: a typed 2023/7/20 is read (ACCEPTED)', () => {
    const o = officeWithAiko();
    uncounted(o, () => {
      const old = item(o, o.application, A.supportDate);
      const index = old.getIndex();
      o.application.deleteItem(old);
      const text = o.application.addTextItem().setTitle(A.supportDate).setRequired(true);
      o.application.moveItem(text, index);
    });
    const r = o.apply({ email: 'aiko@example.org', date: '2023/7/20' });
    expect(decision(o, r)).toEqual(['ACCEPTED', '']);
  });

  test('the times changed to short-answer text: "10:00" and "11:30" typed are read (ACCEPTED, 90 minutes)', () => {
    const o = officeWithAiko();
    uncounted(o, () => {
      for (const title of [A.startTime, A.endTime]) {
        const old = item(o, o.application, title);
        const index = old.getIndex();
        o.application.deleteItem(old);
        o.application.moveItem(o.application.addTextItem().setTitle(title), index);
      }
    });
    const r = o.apply({ email: 'aiko@example.org', start: '10:00', end: '11:30' });
    expect(decision(o, r)).toEqual(['ACCEPTED', '']);
    expect(o.rows('Applications')[0].Minutes).toBe(90);
  });

  test('the second-supporter question made required: "なし" or "-" means no second supporter (ACCEPTED, no CO_UNKNOWN, the applicant alone paid)', () => {
    const o = officeWithAiko();
    uncounted(o, () => item(o, o.application, A.secondId).setRequired(true));
    const r1 = o.apply({ email: 'aiko@example.org', second: 'なし' });
    const r2 = o.apply({ email: 'aiko@example.org', second: '-', recipient: 'Le Thi B' });
    const r3 = o.apply({ email: 'aiko@example.org', second: 'None', recipient: 'Tran C' });
    for (const r of [r1, r2, r3]) expect(decision(o, r)).toEqual(['ACCEPTED', '']);
    expect(o.rows('Applications').map((a) => a.Supporters)).toEqual([
      'BN-00001',
      'BN-00001',
      'BN-00001',
    ]);
  });

  test('the application form stops collecting email addresses: applications are REVIEW (MISSING_ANSWER: R6 cannot be checked) and staff get one alert saying why', () => {
    const o = officeWithAiko();
    o.explains.push(/STAFF_ALERT.*(application form|申請フォーム)/);
    uncounted(o, () => o.application.setCollectEmail(false));
    const r1 = o.apply({ email: 'aiko@example.org' });
    const r2 = o.apply({ email: 'aiko@example.org', recipient: 'Le Thi B' });
    expect(decision(o, r1)).toEqual(['REVIEW', 'MISSING_ANSWER']);
    expect(decision(o, r2)).toEqual(['REVIEW', 'MISSING_ANSWER']);
    expect(alerts(o)).toEqual([
      expect.stringContaining('申請フォームがメールアドレスを収集していません'),
    ]);
  });
});

describe('the support date turned into a date-and-time question', () => {
  test('its answer (yyyy-MM-dd HH:mm, APPS-SCRIPT-FACTS) is read as its day: ACCEPTED, and set-up’s check (the Health report) accepts the type', () => {
    const o = officeWithAiko();
    uncounted(o, () => {
      const old = item(o, o.application, A.supportDate);
      const index = old.getIndex();
      o.application.deleteItem(old);
      const dt = o.application.addDateTimeItem().setTitle(A.supportDate).setRequired(true);
      o.application.moveItem(dt, index);
    });
    const r = o.apply({ email: 'aiko@example.org', date: '2023-07-20 10:00' });
    expect(decision(o, r)).toEqual(['ACCEPTED', '']);
    expect(String(o.rt.run('healthReport'))).toMatch(/Forms \/ フォーム: as set-up expects/);
  });
});

describe('statistics after the issue choices were edited (R37: no case dropped or misfiled)', () => {
  test('a choice reworded after cases were filed under it: the earlier cases stay under their own wording, not under "Other"', () => {
    const o = officeWithAiko();
    o.apply({ email: 'aiko@example.org', issues: ['労働 / Labor'] });
    rechoose(o, o.application, A.issues, [
      '在留資格 / Residency status',
      '労働・仕事 / Labor and work',
      'その他 / Other',
    ]);
    o.apply({
      email: 'aiko@example.org',
      issues: ['労働・仕事 / Labor and work'],
      recipient: 'Le Thi B',
    });
    o.rt.run('updateStatistics');
    const stats = sheetValues(o, 'Statistics').map((r) => r.map(String));
    const rowOf = (label: string) => stats.find((r) => r[0] === label);
    // Issue, whole program, FY2023: one case each, the earlier under its earlier wording.
    expect(rowOf('労働 / Labor')?.slice(0, 3)).toEqual(['労働 / Labor', '1', '1']);
    expect(rowOf('労働・仕事 / Labor and work')?.slice(0, 3)).toEqual([
      '労働・仕事 / Labor and work',
      '1',
      '1',
    ]);
    expect(rowOf('Other answer (not a form choice) / 選択肢以外の回答')).toBeUndefined();
  });
});

describe('statistics after the prefecture question became a dropdown', () => {
  test('choices written "東京都 / Tokyo" are counted under Tokyo (R37), not as an unknown prefecture', () => {
    const o = officeWithAiko();
    uncounted(o, () => {
      const old = item(o, o.application, A.prefecture);
      const index = old.getIndex();
      o.application.deleteItem(old);
      const list = o.application
        .addListItem()
        .setTitle(A.prefecture)
        .setChoiceValues(['東京都 / Tokyo', '大阪府 / Osaka', '海外 / Outside Japan']);
      o.application.moveItem(list, index);
    });
    o.apply({ email: 'aiko@example.org', prefecture: '東京都 / Tokyo' });
    o.rt.run('updateStatistics');
    const stats = sheetValues(o, 'Statistics').map((r) => r.map(String));
    expect(stats.find((r) => r[0] === '東京都 / Tokyo')?.slice(0, 3)).toEqual([
      '東京都 / Tokyo',
      '1',
      '1',
    ]);
  });
});

describe('course and sign-up forms edited after set-up', () => {
  test('a module choice reworded to a wording that names no module: the completion is kept for staff (CHECK) and staff get one alert', () => {
    const o = office({ withCourseForm: true });
    o.explains.push(/STAFF_ALERT.*(講座|course)/i);
    const course = o.course as Form;
    rechoose(o, course, C.module, ['第1回 入門 / Session one: introduction', 'Basic 2']);
    for (let i = 0; i < 2; i++) {
      uncounted(o, () =>
        o.rt.forms.submit(course, {
          email: 'aiko@example.org',
          answers: {
            [C.memberId]: 'BN-00001',
            [C.module]: '第1回 入門 / Session one: introduction',
          },
        }),
      );
    }
    expect(o.rows('Course').map((r) => r.Status)).toEqual(['CHECK / 要確認', 'CHECK / 要確認']);
    expect(alerts(o)).toHaveLength(1);
  });

  test('the module question’s title replaced whole: each completion is kept for staff (CHECK), and staff get one alert naming the question', () => {
    const o = office({ withCourseForm: true });
    o.explains.push(/STAFF_ALERT.*受講した講座 \/ Module/);
    const course = o.course as Form;
    retitle(o, course, C.module, '受講した回 / Session attended');
    for (let i = 0; i < 2; i++) {
      uncounted(o, () =>
        o.rt.forms.submit(course, {
          email: 'aiko@example.org',
          answers: { [C.memberId]: 'BN-00001', '受講した回 / Session attended': 'Basic 1' },
        }),
      );
    }
    expect(o.rows('Course').map((r) => r.Status)).toEqual(['CHECK / 要確認', 'CHECK / 要確認']);
    expect(alerts(o)).toEqual([
      expect.stringContaining('A question is missing from the course questionnaire form'),
    ]);
  });

  test('a session choice edited by hand, the session ID kept first: the sign-up is decided for that session', () => {
    const o = office({ withSignupForm: true });
    o.register({ email: 'aiko@example.org', name: 'Aiko' });
    staffAddsSession(o, 'S-01', '2023/07/20', 10);
    o.rt.run('updateSessions');
    const signup = o.signup as Form;
    const title = '参加する回 / Session';
    const [choice] = uncounted(o, () =>
      item(o, signup, title)
        .getChoices()
        .map((c) => c.getValue()),
    );
    const edited = `${choice}（Zoom）`;
    rechoose(o, signup, title, [edited]);
    uncounted(o, () =>
      o.rt.forms.submit(signup, {
        email: 'aiko@example.org',
        answers: { '伴走ネットID / Bansou Net ID': 'BN-00001', [title]: edited },
      }),
    );
    const rows = o.rows('Sign-ups');
    expect(rows.map((r) => [r['Session ID'], r.Status])).toEqual([['S-01', 'ACCEPTED']]);
  });
});

describe('the sign-up form’s session choice edited by hand, its session ID removed', () => {
  test('the sign-up names no session: it is refused as closed (R34), staff get one alert, and the script writes the choices back at once', () => {
    const o = office({ withSignupForm: true });
    o.explains.push(/STAFF_ALERT.*A sign-up names no session/);
    o.register({ email: 'aiko@example.org', name: 'Aiko' });
    o.register({ email: 'ben@example.org', name: 'Ben' });
    staffAddsSession(o, 'S-01', '2023/07/20', 10);
    o.rt.run('updateSessions');
    const signup = o.signup as Form;
    const title = '参加する回 / Session';
    const choices = () =>
      uncounted(o, () =>
        item(o, signup, title)
          .getChoices()
          .map((c) => c.getValue()),
      );
    const written = choices();
    rechoose(o, signup, title, ['7月20日 在留資格の相談']);
    const signUp = (email: string, id: string, answer: string) =>
      uncounted(o, () =>
        o.rt.forms.submit(signup, {
          email,
          answers: { '伴走ネットID / Bansou Net ID': id, [title]: answer },
        }),
      );
    signUp('aiko@example.org', 'BN-00001', '7月20日 在留資格の相談');
    expect(o.rows('Sign-ups').map((r) => [r['Session ID'], r.Status, r['Reason codes']])).toEqual([
      ['7月20日', 'REJECTED', 'SESSION_CLOSED'],
    ]);
    expect(alerts(o)).toEqual([expect.stringContaining('A sign-up names no session')]);
    // The choices the script keeps are back: the next sign-up names its session.
    expect(choices()).toEqual(written);
    signUp('ben@example.org', 'BN-00002', written[0]);
    expect(o.rows('Sign-ups')[1].Status).toBe('ACCEPTED');
    expect(alerts(o)).toHaveLength(1);
  });
});

describe('the health report checks the forms as set-up does', () => {
  test('a required application question renamed shows in the Health report, naming the question', () => {
    const o = officeWithAiko();
    retitle(o, o.application, A.supportDate, '支援した日 / Day of support');
    const report = String(o.rt.run('healthReport'));
    expect(report).toContain('支援日 / Date of support');
  });
  test('forms as set-up left them: the Health report says the forms are as expected', () => {
    const o = officeWithAiko();
    const report = String(o.rt.run('healthReport'));
    expect(report).toMatch(/Forms \/ フォーム: as set-up expects/);
  });
});
