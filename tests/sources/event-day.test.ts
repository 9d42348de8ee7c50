// GIVEN a feed item published on a day WHEN its words date its event from that day ("on Sunday",
// "yesterday", "dimanche", "يوم السبت") THEN the event's day is read back from the publication,
// a day or two back at most, and not where the words speak of what is to come.
import { describe, expect, it } from 'vitest';
import { eventDaySaid } from '../../src/core/sources/event-day.js';
import { toIsoPartial, type PartialDate } from '../../src/core/partial-date.js';

/** Monday 7 December 2026. */
const MONDAY: PartialDate = { year: 2026, month: 12, day: 7 };

const said = (title: string, summary = '', published = MONDAY) => {
  const found = eventDaySaid(title, summary, published);
  return found && { day: toIsoPartial(found.day), said: found.said };
};

describe('GIVEN an item published on Monday 7 December 2026', () => {
  it('WHEN its title dates the event by a weekday of the last two days THEN that day is the event’s', () => {
    expect(said('Israeli strike kills 3 in Quneitra on Sunday')).toEqual({ day: '2026-12-06', said: 'on Sunday' });
    expect(said('Strike near Daraa late Sunday kills two')).toEqual({ day: '2026-12-06', said: 'late Sunday' });
    expect(said('Clashes in Sweida Saturday night')).toEqual({ day: '2026-12-05', said: 'Saturday night' });
  });

  it('WHEN it says yesterday, in English, French or Arabic THEN the event is the day before', () => {
    expect(said('Aid convoy reached Sweida yesterday')).toEqual({ day: '2026-12-06', said: 'yesterday' });
    expect(said('Frappe à Deraa', 'Trois morts hier soir près de la ville.')).toEqual({ day: '2026-12-06', said: 'hier' });
    expect(said('قصف على درعا', 'قال ناشطون إن القصف وقع بالأمس.')?.day).toBe('2026-12-06');
  });

  it('WHEN a French or Arabic weekday dates it THEN that day is the event’s', () => {
    expect(said('Frappe à Deraa', 'Une frappe a tué trois personnes dimanche près de Deraa.')).toEqual({ day: '2026-12-06', said: 'dimanche' });
    expect(said('مقتل 3 بغارة على درعا يوم السبت')).toEqual({ day: '2026-12-05', said: 'يوم السبت' });
    expect(said('اشتباكات في السويداء مساء الأحد')?.day).toBe('2026-12-06');
  });

  it('WHEN the weekday is a day ahead (will, to resume, next, prochain, المقبل) THEN the publication day stands', () => {
    expect(said('Talks to resume on Saturday in Baku')).toBeUndefined();
    expect(said('Envoy will meet Sharaa on Sunday')).toBeUndefined();
    expect(said('Reprise des pourparlers dimanche prochain')).toBeUndefined();
    expect(said('اجتماع في باكو يوم الأحد المقبل')).toBeUndefined();
  });

  it('WHEN the weekday is the publication’s own, or further back than two days, or none THEN the publication day stands', () => {
    expect(said('Protest in Sweida on Monday')).toBeUndefined();
    expect(said('Clashes in Sweida', 'Clashes erupted late Thursday between local fighters.')).toBeUndefined();
    expect(said('Sunday Times: talks in Paris stall')).toBeUndefined();
    expect(said('Israeli strike kills 3 in Quneitra')).toBeUndefined();
  });

  it('WHEN only the summary dates it THEN its first sentence counts, not a later one', () => {
    expect(said('Clashes in Sweida', 'Clashes erupted on Sunday. Calm returned.')).toEqual({ day: '2026-12-06', said: 'on Sunday' });
    expect(said('Clashes in Sweida', 'Calm returned to the city. Clashes had erupted on Sunday.')).toBeUndefined();
  });
});

describe('GIVEN an item published on the first of a month, or dated by its month alone', () => {
  it('THEN the weekday before it lies in the month before; a month alone has no weekday', () => {
    expect(said('Strike on Sunday', '', { year: 2026, month: 12, day: 1 })?.day).toBe('2026-11-29');
    expect(said('Strike on Sunday', '', { year: 2026, month: 12 })).toBeUndefined();
  });
});
