import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  InvalidLegalDateError, addDays, addMonths, addYears, calendarInForce, compareDates, computePeriodEnd,
  dayOfWeek, daysBetween, formatPeriod, isLegalDate, isWithin, isWorkingDay, lastDayOfMonth, legalDate,
  maxDate, minDate, nextWorkingDay, parseLegalDate, parts, subtractPeriod,
  type LegalDate, type OfficeCalendar,
} from './calendar.ts';

const D = (s: string): LegalDate => parseLegalDate(s);
const SUNDAY = 0, MONDAY = 1, TUESDAY = 2, WEDNESDAY = 3, SATURDAY = 6;

// Office closed on Saturdays and Sundays; version 2026-2 adds two public holidays from 1 June 2026.
const v2026_1: OfficeCalendar = {
  id: 'model-law', version: '2026-1', effectiveFrom: D('2026-01-01'), weekendDays: [SATURDAY, SUNDAY],
  holidays: [D('2026-02-02')],
};
const v2026_2: OfficeCalendar = {
  ...v2026_1, version: '2026-2', effectiveFrom: D('2026-06-01'),
  holidays: [D('2026-02-02'), D('2026-03-16'), D('2026-06-15')],
};
const calendars = [v2026_2, v2026_1]; // deliberately not in date order

function rejects(input: unknown): void {
  assert.throws(() => parseLegalDate(input as string), (e: unknown) =>
    e instanceof InvalidLegalDateError && e.code === 'INVALID_DATE');
}

describe('reading and validating dates', () => {
  it('accepts a date written as YYYY-MM-DD', () => {
    assert.equal(parseLegalDate('2026-01-31'), '2026-01-31');
    assert.deepEqual(parts(D('2026-01-31')), { y: 2026, m: 1, d: 31 });
  });

  it('rejects 30 February 2026, which does not exist', () => rejects('2026-02-30'));
  it('rejects month 13', () => rejects('2026-13-01'));
  it('rejects month 0 and day 0', () => { rejects('2026-00-10'); rejects('2026-01-00'); });
  it('rejects 31 April, 31 June, 31 September and 31 November', () => {
    for (const s of ['2026-04-31', '2026-06-31', '2026-09-31', '2026-11-31']) rejects(s);
  });
  it('rejects a two-digit year and unpadded month or day ("26-1-1")', () => {
    rejects('26-1-1');
    rejects('2026-1-01');
    rejects('2026-01-1');
  });
  it('rejects the empty string, surrounding spaces, times and other formats', () => {
    for (const s of ['', ' 2026-01-01', '2026-01-01 ', '2026-01-01T00:00:00Z', '01/02/2026', '2026/01/01', '20260101']) {
      rejects(s);
    }
  });
  it('rejects values that are not strings', () => {
    for (const v of [null, undefined, 20260101, new Date(0), {}, ['2026-01-01']]) rejects(v);
  });
  it('rejects years outside 1000..9999', () => {
    rejects('0999-12-31');
    assert.throws(() => legalDate(10000, 1, 1), InvalidLegalDateError);
  });
  it('isLegalDate answers without throwing', () => {
    assert.equal(isLegalDate('2028-02-29'), true);
    assert.equal(isLegalDate('2026-02-29'), false);
    assert.equal(isLegalDate(42), false);
    assert.equal(isLegalDate(undefined), false);
  });
  it('legalDate builds a date from year, month and day and validates it', () => {
    assert.equal(legalDate(2026, 3, 5), '2026-03-05');
    assert.equal(legalDate(1000, 1, 1), '1000-01-01');
    assert.throws(() => legalDate(2026, 2, 29), InvalidLegalDateError);
    assert.throws(() => legalDate(2026, 1, 1.5), InvalidLegalDateError);
  });
});

describe('leap years', () => {
  it('29 February exists in 2024 and 2028 but not in 2026', () => {
    assert.equal(isLegalDate('2024-02-29'), true);
    assert.equal(isLegalDate('2028-02-29'), true);
    assert.equal(isLegalDate('2026-02-29'), false);
  });
  it('2000 is a leap year (divisible by 400) but 2100 and 1900 are not (divisible by 100)', () => {
    assert.equal(isLegalDate('2000-02-29'), true);
    assert.equal(isLegalDate('2100-02-29'), false);
    assert.equal(isLegalDate('1900-02-29'), false);
  });
  it('the last day of February is the 29th in a leap year and the 28th otherwise', () => {
    assert.equal(lastDayOfMonth(D('2024-02-10')), '2024-02-29');
    assert.equal(lastDayOfMonth(D('2100-02-10')), '2100-02-28');
    assert.equal(lastDayOfMonth(D('2026-04-01')), '2026-04-30');
    assert.equal(lastDayOfMonth(D('2026-12-31')), '2026-12-31');
  });
});

describe('adding months: same-numbered day, or the last day of a shorter month', () => {
  const cases: Array<[string, number, string]> = [
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-02-28', 1, '2026-03-28'],
    ['2025-12-31', 2, '2026-02-28'],
    ['2026-05-31', 12, '2027-05-31'],
    ['2026-10-31', 18, '2028-04-30'],
  ];
  for (const [from, n, expected] of cases) {
    it(`${from} plus ${n} month(s) is ${expected}`, () => assert.equal(addMonths(D(from), n), expected));
  }

  it('subtracting months works the same way backwards', () => {
    assert.equal(addMonths(D('2026-03-31'), -1), '2026-02-28');
    assert.equal(addMonths(D('2024-03-31'), -1), '2024-02-29');
    assert.equal(addMonths(D('2026-01-15'), -1), '2025-12-15');
    assert.equal(addMonths(D('2026-07-31'), -6), '2026-01-31');
    assert.equal(addMonths(D('2026-02-28'), -14), '2024-12-28');
    assert.equal(addMonths(D('2026-05-20'), 0), '2026-05-20');
  });

  it('a number of months that is not a whole number is refused', () => {
    assert.throws(() => addMonths(D('2026-01-01'), 1.5), RangeError);
  });

  it('property: for every start day in 2024-2027 and 1..24 months, the result is a valid date in the right month, never after the same-numbered day', () => {
    let checked = 0;
    for (let day = D('2024-01-01'); compareDates(day, D('2027-12-31')) <= 0; day = addDays(day, 1)) {
      const s = parts(day);
      for (let n = 1; n <= 24; n++) {
        const result = addMonths(day, n);
        assert.ok(isLegalDate(result), `${day} + ${n} months`);
        const r = parts(result);
        const monthIndex = s.y * 12 + s.m - 1 + n;
        assert.equal(r.y, Math.floor(monthIndex / 12), `${day} + ${n} months: year`);
        assert.equal(r.m, (monthIndex % 12) + 1, `${day} + ${n} months: month`);
        assert.ok(r.d <= s.d, `${day} + ${n} months is after the same-numbered day`);
        assert.ok(r.d === s.d || result === lastDayOfMonth(result), `${day} + ${n} months: ${result}`);
        checked++;
      }
    }
    assert.equal(checked, 1461 * 24);
  });
});

describe('adding years', () => {
  it('29 February 2024 plus 1 year is 28 February 2025', () => assert.equal(addYears(D('2024-02-29'), 1), '2025-02-28'));
  it('29 February 2024 plus 4 years is 29 February 2028', () => assert.equal(addYears(D('2024-02-29'), 4), '2028-02-29'));
  it('29 February 2000 plus 100 years is 28 February 2100 (not a leap year)', () =>
    assert.equal(addYears(D('2000-02-29'), 100), '2100-02-28'));
  it('29 February 2028 minus 1 year is 28 February 2027', () => assert.equal(addYears(D('2028-02-29'), -1), '2027-02-28'));
  it('an ordinary date keeps its day and month', () => assert.equal(addYears(D('2026-07-14'), 20), '2046-07-14'));
});

describe('adding days, counting days and days of the week', () => {
  it('days run across the end of a month and of a year', () => {
    assert.equal(addDays(D('2026-01-31'), 1), '2026-02-01');
    assert.equal(addDays(D('2025-12-31'), 1), '2026-01-01');
    assert.equal(addDays(D('2025-12-20'), 20), '2026-01-09');
    assert.equal(addDays(D('2024-02-28'), 1), '2024-02-29');
    assert.equal(addDays(D('2026-02-28'), 1), '2026-03-01');
    assert.equal(addDays(D('2026-03-01'), -1), '2026-02-28');
    assert.equal(addDays(D('2026-01-01'), -1), '2025-12-31');
  });
  it('daysBetween counts calendar days from the first date to the second', () => {
    assert.equal(daysBetween(D('2026-01-01'), D('2026-01-31')), 30);
    assert.equal(daysBetween(D('2026-01-31'), D('2026-01-01')), -30);
    assert.equal(daysBetween(D('2026-05-05'), D('2026-05-05')), 0);
  });
  it('daysBetween counts 366 days across a leap year and 365 otherwise', () => {
    assert.equal(daysBetween(D('2024-01-01'), D('2025-01-01')), 366);
    assert.equal(daysBetween(D('2023-01-01'), D('2024-01-01')), 365);
    assert.equal(daysBetween(D('2024-02-28'), D('2024-03-01')), 2);
    assert.equal(daysBetween(D('2100-02-28'), D('2100-03-01')), 1);
    assert.equal(daysBetween(D('2000-01-01'), D('2100-01-01')), 36525);
  });
  it('days of the week of known dates', () => {
    assert.equal(dayOfWeek(D('2026-01-31')), SATURDAY);
    assert.equal(dayOfWeek(D('2000-01-01')), SATURDAY);
    assert.equal(dayOfWeek(D('2026-11-21')), SATURDAY);
    assert.equal(dayOfWeek(D('1970-01-01')), 4); // Thursday
    assert.equal(dayOfWeek(D('2026-02-02')), MONDAY);
    assert.equal(dayOfWeek(D('1000-01-01')), 3); // proleptic Gregorian: Wednesday
  });
  it('property: every day from 1900 to 2100 agrees with the UTC calendar of the JavaScript runtime', () => {
    const start = D('1900-01-01');
    const base = Date.UTC(1900, 0, 1);
    for (let n = 0; n <= 73050; n++) {
      const iso = new Date(base + n * 86_400_000).toISOString().slice(0, 10);
      const day = addDays(start, n);
      assert.equal(day, iso);
      assert.equal(daysBetween(start, day), n);
      assert.equal(dayOfWeek(day), new Date(base + n * 86_400_000).getUTCDay());
    }
  });
  it('compareDates, minDate, maxDate and isWithin order dates by the calendar', () => {
    assert.ok(compareDates(D('2025-12-31'), D('2026-01-01')) < 0);
    assert.ok(compareDates(D('2026-01-01'), D('2025-12-31')) > 0);
    assert.equal(compareDates(D('2026-01-01'), D('2026-01-01')), 0);
    assert.equal(minDate(D('2026-03-01'), D('2025-12-31'), D('2026-01-01')), '2025-12-31');
    assert.equal(maxDate(D('2026-03-01'), D('2025-12-31'), D('2026-01-01')), '2026-03-01');
    assert.throws(() => minDate(), RangeError);
    assert.equal(isWithin(D('2026-01-01'), D('2026-01-01'), D('2026-01-31')), true);
    assert.equal(isWithin(D('2026-01-31'), D('2026-01-01'), D('2026-01-31')), true);
    assert.equal(isWithin(D('2026-02-01'), D('2026-01-01'), D('2026-01-31')), false);
  });
});

describe('office calendars', () => {
  it('the office is closed on weekends and holidays', () => {
    assert.equal(isWorkingDay(v2026_1, D('2026-01-30')), true); // Friday
    assert.equal(isWorkingDay(v2026_1, D('2026-01-31')), false); // Saturday
    assert.equal(isWorkingDay(v2026_1, D('2026-02-02')), false); // holiday
    assert.equal(nextWorkingDay(v2026_1, D('2026-01-30')), '2026-01-30');
    assert.equal(nextWorkingDay(v2026_1, D('2026-01-31')), '2026-02-03');
  });
  it('the version in force is the one with the latest effective date on or before the day', () => {
    assert.equal(calendarInForce(calendars, D('2026-01-01')).version, '2026-1');
    assert.equal(calendarInForce(calendars, D('2026-05-31')).version, '2026-1');
    assert.equal(calendarInForce(calendars, D('2026-06-01')).version, '2026-2');
    assert.equal(calendarInForce(calendars, D('2030-01-01')).version, '2026-2');
  });
  it('there is no calendar in force before the first version takes effect', () => {
    assert.throws(() => calendarInForce(calendars, D('2025-12-31')), /no office calendar in force on 2025-12-31/);
    assert.throws(() => calendarInForce([], D('2026-01-01')));
  });
  it('a calendar on which the office is never open is refused rather than looping', () => {
    const closed = { ...v2026_1, weekendDays: [0, 1, 2, 3, 4, 5, 6] };
    assert.throws(() => nextWorkingDay(closed, D('2026-01-01')), RangeError);
  });
});

describe('end of a period', () => {
  it('a 2-month period from 31 December 2025 ends on 28 February 2026', () => {
    const end = computePeriodEnd(D('2025-12-31'), { months: 2 }, null);
    assert.deepEqual(end, {
      start: '2025-12-31', lastDay: '2026-02-28', nominalLastDay: '2026-02-28', extended: false, calendar: null,
    });
  });
  it('a 1-month period from 31 January 2024 ends on 29 February 2024 (leap year)', () =>
    assert.equal(computePeriodEnd(D('2024-01-31'), { months: 1 }, null).lastDay, '2024-02-29'));
  it('a 3-month period from 30 November 2025 ends on 28 February 2026', () =>
    assert.equal(computePeriodEnd(D('2025-11-30'), { months: 3 }, null).lastDay, '2026-02-28'));
  it('a 1-month period from 31 August 2026 ends on 30 September 2026', () =>
    assert.equal(computePeriodEnd(D('2026-08-31'), { months: 1 }, null).lastDay, '2026-09-30'));
  it('a 10-day period from 25 December 2025 ends on 4 January 2026', () =>
    assert.equal(computePeriodEnd(D('2025-12-25'), { days: 10 }, null).lastDay, '2026-01-04'));
  it('a 10-day period from 20 February 2024 ends on 1 March 2024 (29 February counts)', () =>
    assert.equal(computePeriodEnd(D('2024-02-20'), { days: 10 }, null).lastDay, '2024-03-01'));
  it('a 2-week period from 24 December 2025 ends on 7 January 2026', () =>
    assert.equal(computePeriodEnd(D('2025-12-24'), { weeks: 2 }, null).lastDay, '2026-01-07'));
  it('a 1-year 6-month period from 31 August 2025 ends on 28 February 2027', () =>
    assert.equal(computePeriodEnd(D('2025-08-31'), { years: 1, months: 6 }, null).lastDay, '2027-02-28'));
  it('a 1-year 1-month period from 29 February 2024 ends on 29 March 2025 (the day number of the event)', () =>
    assert.equal(computePeriodEnd(D('2024-02-29'), { years: 1, months: 1 }, null).lastDay, '2025-03-29'));
  it('a 1-month 10-day period adds the months first, then the days', () =>
    assert.equal(computePeriodEnd(D('2026-01-31'), { months: 1, days: 10 }, null).lastDay, '2026-03-10'));
  it('the citation is carried into the result', () =>
    assert.equal(computePeriodEnd(D('2026-01-05'), { months: 4, citation: 'Model law r. 12(1)' }, null).citation,
      'Model law r. 12(1)'));
  it('negative or fractional period lengths are refused', () => {
    assert.throws(() => computePeriodEnd(D('2026-01-05'), { months: -1 }, null), RangeError);
    assert.throws(() => computePeriodEnd(D('2026-01-05'), { days: 0.5 }, null), RangeError);
  });

  describe('renewal fees due at the end of the month (EPO style)', () => {
    it('filing date 14 March 2023: the third-year fee is due on 31 March 2025', () => {
      const end = computePeriodEnd(D('2023-03-14'), { years: 2, endOfMonth: true }, null);
      assert.equal(end.nominalLastDay, '2025-03-31');
      assert.equal(end.lastDay, '2025-03-31');
    });
    it('filing date 29 February 2024: the third-year fee is due on 28 February 2026', () =>
      assert.equal(computePeriodEnd(D('2024-02-29'), { years: 2, endOfMonth: true }, null).lastDay, '2026-02-28'));
    it('filing date 1 December 2025: the third-year fee is due on 31 December 2027', () =>
      assert.equal(computePeriodEnd(D('2025-12-01'), { years: 2, endOfMonth: true }, null).lastDay, '2027-12-31'));
    it('a due date at the end of a month falling on a weekend moves to the next working day', () => {
      // 28 February 2026 is a Saturday.
      const end = computePeriodEnd(D('2024-02-10'), { years: 2, endOfMonth: true }, calendars);
      assert.equal(end.nominalLastDay, '2026-02-28');
      assert.equal(end.lastDay, '2026-03-02');
    });
  });

  describe('extension when the office is closed on the last day', () => {
    it('a period ending on Saturday 31 January 2026 ends on Tuesday 3 February, as Monday 2 February is a holiday', () => {
      // 10 days from Wednesday 21 January 2026 is Saturday 31 January; Monday 2 February is a holiday.
      const end = computePeriodEnd(D('2026-01-21'), { days: 10 }, calendars);
      assert.equal(end.nominalLastDay, '2026-01-31');
      assert.equal(end.lastDay, '2026-02-03');
      assert.equal(dayOfWeek(end.lastDay), TUESDAY);
      assert.equal(end.extended, true);
      assert.deepEqual(end.calendar, { id: 'model-law', version: '2026-1' });
    });
    it('a period ending on a Saturday ends on the following Monday', () => {
      // 7 March 2026 is a Saturday.
      const end = computePeriodEnd(D('2026-01-07'), { months: 2 }, calendars);
      assert.equal(end.nominalLastDay, '2026-03-07');
      assert.equal(end.lastDay, '2026-03-09');
      assert.equal(dayOfWeek(end.lastDay), MONDAY);
    });
    it('a 2-month period from 31 December 2025 ending on Saturday 28 February 2026 ends on Monday 2 March 2026', () => {
      const end = computePeriodEnd(D('2025-12-31'), { months: 2 }, calendars);
      assert.equal(end.lastDay, '2026-03-02');
      assert.equal(end.extended, true);
    });
    it('consecutive holidays push the end past all of them', () => {
      const easter: OfficeCalendar = {
        ...v2026_1, version: 'easter', holidays: [D('2026-04-03'), D('2026-04-06'), D('2026-04-07')],
      };
      // Friday 3 April (holiday), the weekend, Monday 6 and Tuesday 7 April (holidays): open on Wednesday 8.
      const end = computePeriodEnd(D('2026-03-03'), { months: 1 }, [easter]);
      assert.equal(end.lastDay, '2026-04-08');
      assert.equal(dayOfWeek(end.lastDay), WEDNESDAY);
      assert.deepEqual(end.calendar, { id: 'model-law', version: 'easter' });
    });
    it('a period ending on a working day is not extended, and still records the calendar used', () => {
      const end = computePeriodEnd(D('2026-01-05'), { months: 1 }, calendars);
      assert.equal(end.lastDay, '2026-02-05');
      assert.equal(end.extended, false);
      assert.deepEqual(end.calendar, { id: 'model-law', version: '2026-1' });
    });
    it('no extension when extendToWorkingDay is false', () => {
      const end = computePeriodEnd(D('2026-01-21'), { days: 10, extendToWorkingDay: false }, calendars);
      assert.equal(end.lastDay, '2026-01-31');
      assert.equal(end.extended, false);
      assert.equal(end.calendar, null);
    });
    it('no extension and no calendar when no calendars are given', () => {
      const end = computePeriodEnd(D('2026-01-21'), { days: 10 }, null);
      assert.equal(end.lastDay, '2026-01-31');
      assert.equal(end.calendar, null);
    });
  });

  describe('choosing the calendar version by its effective date', () => {
    it('a holiday announced in a later version does not apply to a period ending before that version takes effect', () => {
      // Monday 16 March 2026 is a holiday only in version 2026-2, in force from 1 June 2026.
      const end = computePeriodEnd(D('2026-02-16'), { months: 1 }, calendars);
      assert.equal(end.lastDay, '2026-03-16');
      assert.equal(end.extended, false);
      assert.equal(end.calendar?.version, '2026-1');
    });
    it('a holiday in the later version applies to a period ending after it takes effect', () => {
      // Monday 15 June 2026 is a holiday in version 2026-2.
      const end = computePeriodEnd(D('2026-04-15'), { months: 2 }, calendars);
      assert.equal(end.nominalLastDay, '2026-06-15');
      assert.equal(end.lastDay, '2026-06-16');
      assert.equal(end.calendar?.version, '2026-2');
    });
    it('the version is chosen by the nominal last day, not by the start of the period', () => {
      const end = computePeriodEnd(D('2025-12-15'), { months: 6 }, calendars);
      assert.equal(end.lastDay, '2026-06-16');
      assert.equal(end.calendar?.version, '2026-2');
    });
  });
});

describe('counting a period backwards, and describing periods', () => {
  it('the window opening 6 months before an expiry on 31 August 2026 is 28 February 2026', () =>
    assert.equal(subtractPeriod(D('2026-08-31'), { months: 6 }), '2026-02-28'));
  it('6 months before 31 March 2025 is 30 September 2024', () =>
    assert.equal(subtractPeriod(D('2025-03-31'), { months: 6 }), '2024-09-30'));
  it('going backwards is never extended to a working day', () =>
    // 28 February 2026 is a Saturday.
    assert.equal(subtractPeriod(D('2026-04-28'), { months: 2, extendToWorkingDay: true }), '2026-02-28'));
  it('1 year 10 days before 10 January 2027 is 31 December 2025', () =>
    assert.equal(subtractPeriod(D('2027-01-10'), { years: 1, days: 10 }), '2025-12-31'));
  it('with endOfMonth the result is the last day of its month', () =>
    assert.equal(subtractPeriod(D('2026-08-15'), { months: 6, endOfMonth: true }), '2026-02-28'));
  it('periods are described in words', () => {
    assert.equal(formatPeriod({ months: 2 }), '2 months');
    assert.equal(formatPeriod({ years: 1, months: 6 }), '1 year 6 months');
    assert.equal(formatPeriod({ days: 10 }), '10 days');
    assert.equal(formatPeriod({ weeks: 1, days: 1 }), '1 week 1 day');
    assert.equal(formatPeriod({ years: 2, endOfMonth: true }), '2 years');
    assert.equal(formatPeriod({}), '0 days');
  });
});
