import { DeclutterError } from '../pipeline/errors.js';
import { CAPTURE_FIELDS, LABELS } from '../pipeline/types.js';
import type { CleanerDefinition, Rule } from './schema.js';

/** Named groups of a pattern (lookbehinds `(?<=` and `(?<!` are not groups). */
export function groupNames(pattern: RegExp): string[] {
  return [...pattern.source.matchAll(/\(\?<([A-Za-z_$][\w$]*)>/g)].map((match) => match[1]!);
}

/** A `g` or `y` regular expression remembers `lastIndex` between `test` calls: a match would depend on the line before. */
function isStateful(pattern: RegExp): boolean {
  return pattern.global || pattern.sticky;
}

/**
 * Where in a definition a problem lies, as a cleaner file spells it
 * (`zones.body[1].match`), and the problem in words for that place. A
 * cleaner file's loader (file.ts) reports these as
 * `<file>: <path>: <problem>`; the message of the error names the cleaner
 * and the rule for definitions written in code.
 */
export interface ValidationPlace {
  path: string;
  problem: string;
}

/**
 * Refuses a rule-based cleaner that cannot work as written: a start or `then`
 * naming a zone it does not define, a zone no rule ever enters, a `g` or `y`
 * regular expression, a capture outside the article's fields, an unknown
 * label, a dropped line without a reason, a fingerprint weight outside
 * (0, 1], a required part naming a rule no zone has. Runs when a registry
 * is built, so a broken definition fails at once, naming the cleaner and
 * the rule, instead of mislabelling pages. The error's details carry the
 * place (`path`) and the problem alone (`problem`).
 */
export function validateCleaner(definition: CleanerDefinition): void {
  const id = definition.id;
  const fail = (message: string, place: ValidationPlace, rule?: string): never => {
    throw new DeclutterError('bad-cleaner', `cleaner ${id}: ${message}`, {
      cleaner: id,
      ...(rule !== undefined && { rule }),
      path: place.path,
      problem: place.problem,
    });
  };
  if (!/^[a-z][a-z0-9-]*$/.test(id)) {
    fail(`id "${id}" is not lower-case letters, digits and hyphens`, { path: 'id', problem: `"${id}" is not lower-case letters, digits and hyphens` });
  }
  const zones = Object.keys(definition.zones);
  if (!zones.includes(definition.start)) {
    fail(`starts in zone "${definition.start}", which it does not define`, {
      path: 'start',
      problem: `zone "${definition.start}" is not defined (zones: ${zones.join(', ')})`,
    });
  }

  const entered = new Set([definition.start]);
  for (const [zone, rules] of Object.entries(definition.zones)) {
    const names = new Set<string>();
    (rules as Rule[]).forEach((rule, index) => {
      const where = `${zone}/${rule.name}`;
      const at = (key?: string) => `zones.${zone}[${index}]${key === undefined ? '' : `.${key}`}`;
      if (rule.name.trim() === '') fail(`a rule of zone ${zone} has no name`, { path: at('name'), problem: 'a rule needs a name' }, where);
      if (names.has(rule.name)) fail(`rule ${where} is named twice in its zone`, { path: at('name'), problem: `"${rule.name}" is named twice in zone ${zone}` }, where);
      names.add(rule.name);
      if (!(LABELS as readonly string[]).includes(rule.label)) {
        fail(`rule ${where} gives unknown label "${rule.label}"`, { path: at('label'), problem: `unknown label "${rule.label}"${didYouMean(rule.label, LABELS)} (labels: ${LABELS.join(', ')})` }, where);
      }
      if (rule.then !== undefined) {
        if (!zones.includes(rule.then)) {
          fail(`rule ${where} moves to zone "${rule.then}", which it does not define`, {
            path: at('then'),
            problem: `zone "${rule.then}" is not defined${didYouMean(rule.then, zones)} (zones: ${zones.join(', ')})`,
          }, where);
        }
        entered.add(rule.then);
      }
      for (const [what, pattern] of [['match', rule.match], ['followedBy', rule.followedBy]] as const) {
        if (pattern && isStateful(pattern)) fail(`rule ${where} ${what} ${String(pattern)} has the g or y flag`, { path: at(what), problem: 'has the g or y flag' }, where);
      }
      for (const name of groupNames(rule.match)) {
        if (!(CAPTURE_FIELDS as readonly string[]).includes(name)) {
          fail(`rule ${where} captures <${name}>, which is no article field`, {
            path: at('match'),
            problem: `captures <${name}>, which is no article field${didYouMean(name, CAPTURE_FIELDS)} (fields: ${CAPTURE_FIELDS.join(', ')})`,
          }, where);
        }
      }
      if (rule.label === 'dropped' && !rule.reason?.trim()) fail(`rule ${where} drops lines without a reason`, { path: at('reason'), problem: 'a dropped line needs a reason' }, where);
      if (rule.attach && rule.label !== 'related') fail(`rule ${where} attaches a section but labels ${rule.label}`, { path: at('attach'), problem: `attaches a section but labels ${rule.label}, not related` }, where);
    });
  }
  for (const zone of zones) {
    if (!entered.has(zone)) fail(`zone ${zone} is never entered`, { path: `zones.${zone}`, problem: 'unreachable: no rule moves to this zone and it is not the start' });
  }

  definition.fingerprints.forEach((fingerprint, index) => {
    const at = (key: string) => `fingerprints[${index}].${key}`;
    if (fingerprint.name.trim() === '') fail('a fingerprint has no name', { path: at('name'), problem: 'a fingerprint needs a name' });
    if (!(fingerprint.weight > 0 && fingerprint.weight <= 1)) {
      fail(`fingerprint "${fingerprint.name}" weighs ${fingerprint.weight}, not in (0, 1]`, { path: at('weight'), problem: `${fingerprint.weight} is not in (0, 1]` });
    }
    if (isStateful(fingerprint.pattern)) fail(`fingerprint "${fingerprint.name}" ${String(fingerprint.pattern)} has the g or y flag`, { path: at('pattern'), problem: 'has the g or y flag' });
  });
  const ruleNames = new Set(Object.values(definition.zones).flatMap((rules) => rules.map((rule) => rule.name)));
  (definition.requires ?? []).forEach(({ part, rules }, index) => {
    const at = (key: string) => `requires[${index}].${key}`;
    if (part.trim() === '') fail('a required part has no name', { path: at('part'), problem: 'a required part needs a name' });
    if (rules.length === 0) fail(`required part "${part}" names no rule`, { path: at('rules'), problem: 'names no rule' });
    for (const rule of rules) {
      if (!ruleNames.has(rule)) fail(`required part "${part}" names rule ${rule}, which no zone has`, { path: at('rules'), problem: `no zone has a rule named "${rule}"` });
    }
  });
  definition.clutterMarkers.forEach((marker, index) => {
    if (isStateful(marker)) fail(`clutter marker ${String(marker)} has the g or y flag`, { path: `clutterMarkers[${index}]`, problem: 'has the g or y flag' });
  });
}

/** ` (did you mean "label"?)` when a known word is one or two edits away, else nothing. */
export function didYouMean(word: string, known: readonly string[]): string {
  const best = closestWord(word, known);
  return best === null || best === word ? '' : ` (did you mean "${best}"?)`;
}

/** The known word one or two edits away from `word` (ignoring case), the closest first; null when none is. */
export function closestWord(word: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
