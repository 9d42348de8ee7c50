// GIVEN the seed's states (Syria, Israel, the United States) WHEN someone names one by its
// country's name in French or Arabic, as review cards already read them THEN every actor option
// and /actor find the state; an actor of another kind is not found that way.
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { viewText } from '../support/view-text.js';
import { createTestApp } from '../support/test-app.js';

const app = createTestApp('discord:1');
afterAll(() => app.dispose());
const admin: Caller = { platform: 'discord', userId: '1', workspaceId: 'g', channelId: 'c' };
const text = async (line: string) => viewText(await app.dispatcher.runText(line, admin));

describe('GIVEN a state named as its country', () => {
  it('WHEN it is named in French or Arabic THEN the timeline, /actor and watches find it', async () => {
    expect(await text('/timeline actor:Syrie limit:1')).toContain('Timeline — actor Syria');
    expect(await text('/actor سوريا')).toMatch(/^Syria\n {2}Kind +state/);
    expect(await text('/timeline actor:"États-Unis" limit:1')).toContain('Timeline — actor United States');
    expect(await text('/watch add actor:Israël')).toContain('You now watch the actor Israel');
  });

  it('WHEN an actor of another kind bears a country’s name THEN the country’s other names do not find it', async () => {
    expect(await text('/actors add name:Jordan kind:person title:"Aid worker"')).toContain('Jordan');
    expect(await text('/actor Jordanie')).toContain('No actor is called');
  });
});
