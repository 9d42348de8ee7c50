// A value with spaces typed without quotes leaves its last words as stray words: the refusal names
// them together and gives the option back with the whole value in quotes.
import { describe, expect, it } from 'vitest';
import { operatorDesk } from './support/operator-desk.js';

const { text } = operatorDesk();

describe('GIVEN a value with spaces typed without quotes', () => {
  it('WHEN /review reject gives a reason of two words THEN the refusal offers the reason in quotes', async () => {
    expect(await text('/review reject id:2 reason:opinion piece')).toContain(
      '`piece` is not an option: did you mean `reason:"opinion piece"`? Put a value with spaces in quotes.',
    );
  });

  it('WHEN /digest subscribe gives a schedule with its time THEN the refusal offers the schedule in quotes', async () => {
    expect(await text('/digest subscribe schedule:daily 08:00')).toContain(
      '`08:00` is not an option: did you mean `schedule:"daily 08:00"`? Put a value with spaces in quotes.',
    );
  });

  it('WHEN several words follow a value THEN they are named together and joined to it', async () => {
    expect(await text('/entry edit id:3 summary:<!channel> approved @here')).toContain(
      '`approved @here` are not options: did you mean `summary:"<!channel> approved @here"`? Put a value with spaces in quotes.',
    );
    expect(await text('/entry add title:Strike near Daraa date:2026-11-15 type:air-strike topic:syria-israel')).toContain(
      '`near Daraa` are not options: did you mean `title:"Strike near Daraa"`? Put a value with spaces in quotes.',
    );
    expect(await text('/entry show 18')).toContain('There is no entry #18.');
  });

  it('WHEN the words follow no value they could be part of THEN the refusal says how options are written', async () => {
    expect(await text('/entry show id:3 extra')).toContain('`extra` is not an option; write options as name:value.');
  });
});
