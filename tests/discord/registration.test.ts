// GIVEN the command specs, WHEN registered (by registerCommands or `npm run register`), THEN
// Discord receives a command tree it accepts, generated from the specs alone.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.js';
import { runRegister } from '../../src/adapters/discord/register-command.js';
import { registerCommands, restFor } from '../../src/adapters/discord/registration.js';
import type { CommandSpec } from '../../src/core/command-spec.js';
import { leaves } from '../../src/core/help.js';
import { FakeDiscord } from '../fakes/discord-fake.js';
import { runProgram } from '../support/cli.js';
import { startCompiled } from '../support/compiled.js';
import { problemsIn } from './support/openapi.js';

interface Option {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string }[];
  min_value?: number;
  max_value?: number;
  max_length?: number;
  options?: Option[];
}
interface Command {
  name: string;
  description: string;
  options: Option[];
  default_member_permissions?: number;
  contexts?: number[];
}

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake?.close();
});
afterEach(() => {
  expect(problemsIn(fake.requests)).toEqual([]);
});

async function register(commands: readonly CommandSpec[], guildId?: string): Promise<Command[]> {
  const before = fake.requests.length;
  await registerCommands(restFor({ token: fake.token, apiUrl: fake.apiUrl }), { appId: fake.appId, ...(guildId ? { guildId } : {}) }, commands);
  const put = fake.requests.slice(before).find((r) => r.method === 'PUT');
  return put!.body as Command[];
}

const option = (command: Command | Option, name: string) => command.options!.find((o) => o.name === name)!;

describe('the real command tree', () => {
  it('is registered globally with one command per spec', async () => {
    const tree = await register(allCommands);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'PUT', path: `/applications/${fake.appId}/commands`, status: 200, authorization: `Bot ${fake.token}` });
    expect(tree.map((c) => c.name)).toEqual(allCommands.map((c) => c.name));
    for (const command of tree) expect(command.contexts).toEqual([0]);
  });

  it('types options from the specs', async () => {
    const tree = await register(allCommands);
    const byName = (name: string) => tree.find((c) => c.name === name)!;
    expect(option(byName('actor'), 'name')).toMatchObject({ type: 3, required: true, autocomplete: true, max_length: 100 });
    expect(option(byName('timeline'), 'limit')).toMatchObject({ type: 4, min_value: 1, max_value: 25 });
    expect(option(byName('timeline'), 'since')).toMatchObject({ type: 3, max_length: 20 });
    const type = option(byName('timeline'), 'type');
    expect(type).toMatchObject({ type: 3, autocomplete: true });
    expect(type.choices).toBeUndefined();
    const show = option(byName('entry'), 'show');
    expect(show.type).toBe(1);
    expect(option(show, 'id')).toMatchObject({ type: 4, required: true, min_value: 1 });
  });

  it('every date option lets a user type a date as replies show it (Discord stops typing at max_length)', async () => {
    const tree = await register(allCommands);
    const dateOptions = allCommands.flatMap(leaves).flatMap(({ leaf }) => (leaf.options ?? []).filter((o) => o.type === 'date'));
    const registered = (o: Option[] = []): Option[] => o.flatMap((x) => [x, ...registered(x.options)]);
    const byName = new Map(registered(tree.flatMap((c) => c.options)).map((o) => [o.name, o]));
    expect(dateOptions.length).toBeGreaterThan(3);
    for (const spec of dateOptions) {
      for (const shown of ['12 Jul 2025', '30 September 2025']) expect(byName.get(spec.name)!.max_length).toBeGreaterThanOrEqual(shown.length);
    }
  });

  it('goes to one guild when a guild id is given', async () => {
    await register(allCommands, '123456789012345678');
    expect(fake.requests.at(-1)?.path).toBe(`/applications/${fake.appId}/guilds/123456789012345678/commands`);
  });
});

describe('generated from specs', () => {
  const run = () => ({ title: 'x', tone: 'normal' as const, sections: [] });
  const specs: CommandSpec[] = [
    {
      name: 'report',
      description: `A description far longer than Discord's hundred characters, ${'which keeps going and going '.repeat(4)}`,
      options: [
        { name: 'verbose', description: 'More detail', type: 'boolean' },
        { name: 'confidence', description: 'How sure', type: 'choice', choices: [{ value: 'confirmed', label: 'Confirmed' }, { value: 'reported', label: 'Reported' }] },
        { name: 'who', description: 'An actor', type: 'actor', required: true, autocomplete: 'actor' },
        { name: 'count', description: 'How many', type: 'integer', required: true, min: 1, max: 5 },
      ],
      run,
    },
    { name: 'wipe', description: 'Admins only', adminOnly: true, options: [], run },
    {
      name: 'board',
      description: 'Mixed rights',
      subcommands: [
        { name: 'view', description: 'Anyone', run },
        { name: 'pin', description: 'Admins', adminOnly: true, run },
      ],
    },
    { name: 'vault', description: 'All admin', subcommands: [{ name: 'open', description: 'Admins', adminOnly: true, run }] },
  ];

  it('puts required options first, keeping the spec order otherwise, with Discord types', async () => {
    const [report] = await register(specs);
    expect(report!.options.map((o) => [o.name, o.type, o.required ?? false])).toEqual([
      ['who', 3, true], ['count', 4, true], ['verbose', 5, false], ['confidence', 3, false],
    ]);
    expect(option(report!, 'confidence').choices).toEqual([{ name: 'Confirmed', value: 'confirmed' }, { name: 'Reported', value: 'reported' }]);
    expect(option(report!, 'who').max_length).toBe(200);
    expect(report!.description).toHaveLength(100);
    expect(report!.description.endsWith('…')).toBe(true);
  });

  it('hides admin-only commands by default (default_member_permissions 0), but not mixed ones', async () => {
    const tree = await register(specs);
    expect(tree.map((c) => [c.name, c.default_member_permissions])).toEqual([
      ['report', undefined], ['wipe', 0], ['board', undefined], ['vault', 0],
    ]);
    expect(option(tree[2]!, 'pin')).toMatchObject({ type: 1, options: [] });
  });
});

describe('npm run register', () => {
  const env = () => ({ DISCORD_TOKEN: fake.token, DISCORD_APP_ID: fake.appId, DISCORD_API_URL: fake.apiUrl });

  it('registers in DISCORD_GUILD_ID from the environment and says so', async () => {
    const before = fake.requests.length;
    const result = await runProgram(runRegister, [], { ...env(), DISCORD_GUILD_ID: '42' });
    expect(result.stdout).toContain(`Registered ${allCommands.length} commands in guild 42: /timeline`);
    expect(result.status).toBe(0);
    const puts = fake.requests.slice(before).filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toEqual([`/applications/${fake.appId}/guilds/42/commands`]);
  });

  it('names the variable to set when DISCORD_TOKEN is missing', async () => {
    const result = await runProgram(runRegister, [], {});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Configuration error — DISCORD_TOKEN');
  });

  it('prints the usage on a mistyped option, registering nothing', async () => {
    const before = fake.requests.length;
    const result = await runProgram(runRegister, ['--guild', '42'], env());
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Unknown option '--guild'\.\nUsage: npm run register\n/);
    expect(fake.requests.length).toBe(before);
  });

  it('compiled, as npm run register runs it: registers globally and exits 0; a mistyped option exits 2 without a stack trace', async () => {
    const before = fake.requests.length;
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = startCompiled('src/adapters/discord/register.ts', args, env());
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (code: number | null) => resolve({ code, stdout, stderr }));
      });
    const registered = await run([]);
    expect(registered.stdout).toContain(`Registered ${allCommands.length} commands globally: /timeline`);
    expect(registered.code).toBe(0);
    expect(fake.requests.slice(before).filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([`/applications/${fake.appId}/commands`]);
    const mistyped = await run(['--x']);
    expect(mistyped.code).toBe(2);
    expect(mistyped.stderr).toMatch(/^Unknown option '--x'\.\nUsage: npm run register\n/);
    expect(mistyped.stderr).not.toMatch(/^\s+at /m);
  });
});
