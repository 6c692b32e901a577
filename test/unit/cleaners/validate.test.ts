import { describe, expect, it } from 'vitest';
import { BUILTIN_DEFINITIONS } from '../../../src/cleaners/builtins.js';
import { createRegistry } from '../../../src/cleaners/registry.js';
import type { CleanerDefinition, Rule } from '../../../src/cleaners/schema.js';
import { validateCleaner } from '../../../src/cleaners/validate.js';
import { DeclutterError } from '../../../src/pipeline/errors.js';
import { toyCleaner } from './toy.js';

/** A small valid cleaner; each invalid case below changes one thing in it. */
const base = toyCleaner;

function withRule(zone: string, index: number, change: Partial<Rule>): CleanerDefinition {
  const definition = base();
  const rules = [...definition.zones[zone]!];
  rules[index] = { ...rules[index]!, ...change };
  return { ...definition, zones: { ...definition.zones, [zone]: rules } };
}

const valid: { name: string; definition: CleanerDefinition }[] = [
  { name: 'the toy cleaner', definition: base() },
  ...BUILTIN_DEFINITIONS.map((definition) => ({ name: `built-in ${definition.id}`, definition })),
  { name: 'a lookbehind, which is no capture', definition: withRule('body', 1, { match: /^By (?<!x)(?<byline>.+)$/ }) },
  { name: 'a related line attaching its section', definition: withRule('body', 1, { label: 'related', attach: 'next' }) },
];

const invalid: { name: string; definition: CleanerDefinition; message: string; rule?: string }[] = [
  {
    name: 'a start zone it does not define',
    definition: { ...base(), start: 'nowhere' },
    message: 'cleaner toy: starts in zone "nowhere", which it does not define',
  },
  {
    name: 'a then naming an unknown zone',
    definition: withRule('top', 0, { then: 'bdoy' }),
    message: 'cleaner toy: rule top/headline moves to zone "bdoy", which it does not define',
    rule: 'top/headline',
  },
  {
    name: 'a zone no rule enters',
    definition: withRule('body', 0, { then: undefined }),
    message: 'cleaner toy: zone footer is never entered',
  },
  {
    name: 'a g flag on a match',
    definition: withRule('body', 2, { match: /./g }),
    message: 'cleaner toy: rule body/paragraph match /./g has the g or y flag',
    rule: 'body/paragraph',
  },
  {
    name: 'a y flag on followedBy',
    definition: withRule('body', 2, { followedBy: /x/y }),
    message: 'cleaner toy: rule body/paragraph followedBy /x/y has the g or y flag',
    rule: 'body/paragraph',
  },
  {
    name: 'a g flag on a fingerprint',
    definition: { ...base(), fingerprints: [{ name: 'toy footer', pattern: /^Toy footer$/g, weight: 0.9 }] },
    message: 'cleaner toy: fingerprint "toy footer" /^Toy footer$/g has the g or y flag',
  },
  {
    name: 'a capture outside the article fields',
    definition: withRule('body', 1, { match: /^By (?<author>.+)$/ }),
    message: 'cleaner toy: rule body/byline captures <author>, which is no article field',
    rule: 'body/byline',
  },
  {
    name: 'a dropped rule without a reason',
    definition: withRule('footer', 0, { reason: undefined }),
    message: 'cleaner toy: rule footer/rest drops lines without a reason',
    rule: 'footer/rest',
  },
  {
    name: 'two rules of one zone with one name',
    definition: withRule('body', 2, { name: 'byline' }),
    message: 'cleaner toy: rule body/byline is named twice in its zone',
    rule: 'body/byline',
  },
  {
    name: 'a fingerprint weighing more than 1',
    definition: { ...base(), fingerprints: [{ name: 'toy footer', pattern: /^Toy footer$/, weight: 1.5 }] },
    message: 'cleaner toy: fingerprint "toy footer" weighs 1.5, not in (0, 1]',
  },
];

describe('validateCleaner', () => {
  describe('valid', () => {
    for (const { name, definition } of valid) {
      it(name, () => expect(() => validateCleaner(definition)).not.toThrow());
    }
  });

  describe('invalid', () => {
    for (const { name, definition, message, rule } of invalid) {
      it(name, () => {
        let error: unknown;
        try {
          validateCleaner(definition);
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(DeclutterError);
        expect((error as DeclutterError).message).toBe(message);
        expect((error as DeclutterError).code).toBe('bad-cleaner');
        const { details } = error as DeclutterError;
        expect(details.cleaner).toBe('toy');
        expect(details.rule).toBe(rule);
        // The place as a cleaner file spells it, for file.ts's messages.
        expect(details.path).toMatch(/^(?:id|start|zones\.\w+(?:\[\d+\]\.\w+)?|fingerprints\[\d+\]\.\w+|requires\[\d+\]\.\w+|clutterMarkers\[\d+\])$/);
        expect(details.problem).toBeTruthy();
      });
    }
  });

  it('runs when a registry is built, which also refuses one id twice', () => {
    expect(() => createRegistry([withRule('top', 0, { then: 'bdoy' })])).toThrow('cleaner toy: rule top/headline moves to zone "bdoy"');
    expect(() => createRegistry([base(), base()])).toThrow(new DeclutterError('bad-cleaner', 'cleaner toy: registered twice', { cleaner: 'toy' }));
    expect(createRegistry([base()]).map((cleaner) => cleaner.id)).toEqual(['toy']);
  });
});
