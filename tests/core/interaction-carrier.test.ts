// What a button carries comes back from the client on every press: it must read back exactly as
// written, and anything else must be refused, never run.
import { describe, expect, it } from 'vitest';
import { encodeInline, memoryCarrier, parseCarrier, partsCarrier, type Carried } from '../../src/core/interaction/carrier.js';
import { ExpiringMemory } from '../../src/core/interaction/memory.js';

const carried: Carried = {
  action: { kind: 'run', invocation: { command: 'search', args: { query: 'إسرائيل & 100% «talks»', page: 2, exact: true, near: false } }, part: 'last' },
  audience: 'caller',
  owner: 'U01ABC',
  context: 'sitrep-',
};

describe('GIVEN a carrier written for a button', () => {
  it('THEN text, numbers and booleans, the part, the owner and the context read back as written', () => {
    const text = encodeInline(carried, 2000)!;
    expect(parseCarrier(text, 2000)).toEqual({ kind: 'inline', carried });
  });

  it('THEN one that does not fit the platform is not written (it goes to memory instead)', () => {
    expect(encodeInline(carried, 40)).toBeUndefined();
  });

  it('THEN a tampered or foreign one is refused, and another app’s id is not ours', () => {
    const text = encodeInline(carried, 2000)!;
    expect(parseCarrier(text.replace(':c:U01ABC:', ':c::'), 2000)).toEqual({ kind: 'malformed' });
    expect(parseCarrier(`${text}&page#3`, 2000)).toEqual({ kind: 'malformed' });
    expect(parseCarrier(text.replace('exact!1', 'exact!yes'), 2000)).toEqual({ kind: 'malformed' });
    expect(parseCarrier('s9:whatever', 2000)).toEqual({ kind: 'malformed' });
    expect(parseCarrier('pg1:123:0:timeline:', 2000)).toBeUndefined();
  });

  it('THEN an option named __proto__ stays a plain option', () => {
    const parsed = parseCarrier('s1:r:a::::timeline:__proto__=x', 100);
    expect(parsed?.kind).toBe('inline');
    const args = parsed?.kind === 'inline' ? parsed.carried.action.invocation.args : {};
    expect(Object.keys(args)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(args)).toBe(Object.prototype);
  });
});

describe('GIVEN a carrier of what memory keeps', () => {
  it('THEN it says what it held, and the parts of an answer name the command showing their result, read back as written', () => {
    expect(parseCarrier(memoryCarrier('abcdefghijkl'), 100)).toEqual({ kind: 'memory', key: 'abcdefghijkl', holds: 'action' });
    expect(parseCarrier(memoryCarrier('abcdefghijkl', 'form'), 100)).toEqual({ kind: 'memory', key: 'abcdefghijkl', holds: 'form' });
    const lookUp = { command: 'entry', subcommand: 'show', args: { id: 12 } };
    const parts = partsCarrier('abcdefghijkl', lookUp)!;
    expect(parts).toBe('s1:p:abcdefghijkl:entry.show:id#12');
    expect(parseCarrier(parts, 100)).toEqual({ kind: 'memory', key: 'abcdefghijkl', holds: 'parts', lookUp });
  });

  it('THEN a tampered one is refused', () => {
    expect(parseCarrier('s1:p:abcdefghijkl:entry.show:id#twelve', 100)).toEqual({ kind: 'malformed' });
    expect(parseCarrier('s1:o:abcdefghijkl:entry.show:id#12', 100)).toEqual({ kind: 'malformed' });
    expect(parseCarrier('s1:q:abcdefghijkl', 100)).toEqual({ kind: 'malformed' });
  });
});

describe('GIVEN memory for what a carrier cannot hold', () => {
  it('THEN an entry lasts its lifetime after its last use, and the oldest go first beyond the cap', () => {
    let now = 0;
    const memory = new ExpiringMemory<string>({ ttlMs: 1000, maxEntries: 2, now: () => now });
    const a = memory.put('a');
    now = 900;
    expect(memory.use(a)).toBe('a');
    now = 1800;
    expect(memory.use(a)).toBe('a');
    now = 2801;
    expect(memory.use(a)).toBeUndefined();
    const b = memory.put('b');
    const c = memory.put('c');
    memory.put('d');
    expect(memory.use(b)).toBeUndefined();
    expect(memory.use(c)).toBe('c');
  });
});
