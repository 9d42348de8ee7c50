// GIVEN command specs, WHEN the Slack modal is built, THEN every option becomes an input (so an
// option added to the spec is in the form), within Slack's limits; errors find their field.
import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { buildModal, decodeMetadata, errorBlockId, formErrorMessage, formRequest, submittedArgs, type FormMetadata } from '../../src/adapters/slack/forms.js';
import { MAX_BLOCKS_PER_MODAL, MAX_INPUT_ERROR } from '../../src/adapters/slack/limits.js';
import { allCommands } from '../../commands/index.js';
import type { CommandSpec, OptionSpec, SubcommandSpec } from '../../src/core/command-spec.js';
import { userErrorView } from '../../src/core/error-views.js';
import { UserError } from '../../src/core/errors.js';
import { CommandRegistry } from '../../src/core/registry.js';

const META: FormMetadata = { command: 'entry', subcommand: 'add', fixed: {}, channelId: 'C1', userId: 'U1', public: false };

/** The real commands, with /entry add's options replaced. */
function registryWithAddOptions(options: readonly OptionSpec[]): CommandRegistry {
  const commands = allCommands.map((command): CommandSpec => {
    if (command.name !== 'entry' || !command.subcommands) return command;
    const subcommands = command.subcommands.map((s): SubcommandSpec => (s.name === 'add' ? { ...s, options } : s));
    return { ...command, subcommands };
  });
  return new CommandRegistry(commands);
}

function inputsOf(view: types.ModalView): types.InputBlock[] {
  return (view.blocks as types.KnownBlock[]).filter((b): b is types.InputBlock => b.type === 'input');
}

describe('the modal follows the spec', () => {
  const real = new CommandRegistry(allCommands);
  const addOptions = real.resolve('entry', 'add').leaf.options ?? [];

  it('an option added to /entry add appears in its modal, as its type asks', () => {
    const registry = registryWithAddOptions([
      ...addOptions,
      { name: 'casualties', description: 'Reported deaths', type: 'integer', min: 0, max: 100000 },
      { name: 'verified_by', description: 'Who checked it', type: 'actor' },
      { name: 'embargoed', description: 'Hold back from digests', type: 'boolean', required: true },
    ]);
    const request = formRequest(registry, 'entry', 'add')!;
    const view = buildModal(registry, request, META);
    const byName = new Map(inputsOf(view).map((b) => [b.block_id, b]));
    expect([...byName.keys()]).toEqual([...addOptions.map((o) => o.name), 'casualties', 'verified_by', 'embargoed']);
    expect(byName.get('casualties')!.element).toMatchObject({ type: 'number_input', is_decimal_allowed: false, min_value: '0', max_value: '100000' });
    expect(byName.get('verified_by')!.element.type).toBe('plain_text_input');
    expect(byName.get('verified_by')!.label.text).toBe('Verified by');
    expect(byName.get('embargoed')).toMatchObject({ optional: false, element: { type: 'static_select' } });
  });

  it('a spec too large for one modal is refused loudly instead of sending a modal Slack rejects', () => {
    const many = Array.from({ length: 101 }, (_, i): OptionSpec => ({ name: `field_${i}`, description: 'x', type: 'text' }));
    const registry = registryWithAddOptions(many);
    expect(() => buildModal(registry, formRequest(registry, 'entry', 'add')!, META)).toThrow(/100 blocks/);
  });

  it('only the bare command, or edit with just its id, asks for a form', () => {
    expect(formRequest(real, 'entry', 'add')).toBeDefined();
    expect(formRequest(real, 'entry', 'add title:x')).toBeUndefined();
    expect(formRequest(real, 'entry', 'edit 12')?.fixed).toEqual({ id: '12' });
    expect(formRequest(real, 'entry', 'edit id:12')?.fixed).toEqual({ id: '12' });
    expect(formRequest(real, 'entry', 'edit')).toBeUndefined();
    expect(formRequest(real, 'entry', 'edit id:12 confidence:confirmed')).toBeUndefined();
    expect(formRequest(real, 'entry', 'show 12')).toBeUndefined();
    expect(formRequest(real, 'entry', 'add title:"unclosed')).toBeUndefined();
    expect(formRequest(real, 'timeline', '')).toBeUndefined();
  });

  it('a preview longer than the modal’s 100 blocks keeps the first blocks and says where the rest is', () => {
    const request = formRequest(real, 'entry', 'edit 12')!;
    const preview = Array.from({ length: 150 }, (_, i): types.KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: `block ${i}` } }));
    const view = buildModal(real, request, { ...META, subcommand: 'edit', fixed: request.fixed }, preview);
    expect(view.blocks).toHaveLength(MAX_BLOCKS_PER_MODAL);
    const divider = view.blocks.findIndex((b) => b.type === 'divider');
    expect(view.blocks.slice(0, divider - 1)).toEqual(preview.slice(0, divider - 1));
    expect(view.blocks[divider - 1]).toEqual({ type: 'context', elements: [{ type: 'plain_text', text: 'The rest of entry #12 does not fit in this form: /entry show id:12' }] });
    expect(inputsOf(view).map((b) => b.block_id)).toEqual((real.resolve('entry', 'edit').leaf.options ?? []).map((o) => o.name).filter((n) => n !== 'id'));
  });

  it('a preview that fits is shown whole, with no note about the rest', () => {
    const request = formRequest(real, 'entry', 'edit 12')!;
    const preview = Array.from({ length: 60 }, (_, i): types.KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: `block ${i}` } }));
    const view = buildModal(real, request, { ...META, subcommand: 'edit', fixed: request.fixed }, preview);
    expect(view.blocks.slice(0, 61)).toEqual([...preview, { type: 'divider' }]);
    expect(JSON.stringify(view.blocks)).not.toContain('does not fit');
  });

  it('cuts labels between characters: an emoji at the cut is left out whole', () => {
    const request = formRequest(real, 'entry', 'edit 12')!;
    const title = `${'x'.repeat(22)}🇸🇾 more`;
    const view = buildModal(real, { ...request, definition: { ...request.definition, title: () => title } }, { ...META, subcommand: 'edit', fixed: request.fixed });
    expect(view.title.text).toBe(`${'x'.repeat(22)}…`);
  });

  it('the modal title, submit and close labels fit Slack’s 24 characters', () => {
    const request = formRequest(real, 'entry', 'edit 123456789012345678')!;
    const view = buildModal(real, request, { ...META, subcommand: 'edit', fixed: request.fixed });
    for (const label of [view.title, view.submit!, view.close!]) expect(Array.from(label.text).length).toBeLessThanOrEqual(24);
  });
});

describe('reading a submission', () => {
  const options: OptionSpec[] = [
    { name: 'title', description: 't', type: 'text' },
    { name: 'type', description: 't', type: 'choice', choices: [{ value: 'talks', label: 'Talks' }] },
    { name: 'summary', description: 's', type: 'text' },
  ];

  it('takes typed text and chosen options, and leaves empty fields out', () => {
    const values = {
      title: { value: { type: 'plain_text_input', value: 'Talks resume' } },
      type: { value: { type: 'static_select', selected_option: { value: 'talks' } } },
      summary: { value: { type: 'plain_text_input', value: '   ' } },
      stray: { value: { type: 'plain_text_input', value: 'not an option' } },
    };
    expect(submittedArgs(values, options)).toEqual({ title: 'Talks resume', type: 'talks' });
  });

  it('metadata that is not ours is rejected', () => {
    expect(decodeMetadata('')).toBeUndefined();
    expect(decodeMetadata('not json')).toBeUndefined();
    expect(decodeMetadata('{"command":"entry"}')).toBeUndefined();
    expect(decodeMetadata(JSON.stringify(META))).toEqual(META);
  });
});

describe('placing an error', () => {
  const fields = ['title', 'date', 'actors'];
  const errorView = (message: string, hints: string[] = []) => userErrorView(new UserError('invalid-option', message, hints));

  it('under the first field named in backticks, skipping values that are not fields', () => {
    expect(errorBlockId(errorView('Option `date` of /entry add must be a date'), fields)).toBe('date');
    expect(errorBlockId(errorView('No actor is called `Nobody` (option `actors`).'), fields)).toBe('actors');
  });

  it('under the first field when none is named', () => {
    expect(errorBlockId(errorView('/entry add is for Sitrep admins only.'), fields)).toBe('title');
  });

  it('the message keeps its backticks and hints, within a bounded length', () => {
    expect(formErrorMessage(errorView('No actor is called `Nobody`.', ['Or create it first: /actors add name:"Nobody"']))).toBe(
      'No actor is called `Nobody`. Or create it first: /actors add name:"Nobody"',
    );
    expect(Array.from(formErrorMessage(errorView('x'.repeat(5000)))).length).toBe(MAX_INPUT_ERROR);
  });

  it('a long message of emoji is cut within the bound counted in UTF-16 units, never inside an emoji', () => {
    const message = formErrorMessage(errorView('👍🏽'.repeat(400)));
    expect(message.length).toBeLessThanOrEqual(MAX_INPUT_ERROR);
    expect(message).toMatch(/^(👍🏽)+…$/u);
  });
});
