// An /entry edit option given empty sets nothing: the refusal points to `clear:`, which empties a
// field; a misspelt field in `clear:` gets the one meant.
import { describe, expect, it } from 'vitest';
import { operatorDesk } from './support/operator-desk.js';

const { text } = operatorDesk([['/entry add title:"Clashes in Sweida" date:2026-11-15 type:armed-clash topic:syria-israel summary:"Fighting" tags:"sweida, druze"', 'Added entry #18.']]);

describe('GIVEN entry #18 tagged sweida and druze, with a summary', () => {
  it('WHEN an edit gives tags:"" THEN the refusal says nothing was given and to empty the tags with clear:tags', async () => {
    const said = await text('/entry edit id:18 tags:""');
    expect(said).toContain('Option `tags` of `/entry edit` must be some text — got nothing.');
    expect(said).toContain('An empty value sets nothing: to empty `tags`, give `clear:tags` instead.');
    expect(await text('/entry show 18')).toContain('Tags        druze, sweida');
  });

  it('WHEN an edit gives end:"" beside clear:summary THEN the refusal gives the clear that empties both', async () => {
    expect(await text('/entry edit id:18 end:"" clear:summary')).toContain('to empty `end`, give `clear:"summary, end"` instead.');
  });

  it('WHEN the clear the refusal gives is run THEN the tags are emptied', async () => {
    const said = await text('/entry edit id:18 clear:tags');
    expect(said).toContain('Updated #18: tags.');
    expect(said).toContain('Tags        —');
  });

  it('WHEN an edit gives clear:"summary, tag" THEN the refusal asks whether tags was meant, with the clear rewritten', async () => {
    const said = await text('/entry edit id:18 clear:"summary, tag"');
    expect(said).toContain('Option `clear` cannot empty `tag`.');
    expect(said).toContain('Did you mean `clear:"summary, tags"`?');
    expect(await text('/entry show 18')).toContain('Fighting');
  });
});
