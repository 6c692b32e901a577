import { DeclutterError } from '../pipeline/errors.js';
import { CAPTURE_FIELDS, LABELS } from '../pipeline/types.js';
import type { CleanerDefinition, Rule } from './schema.js';

/** Named groups of a pattern (lookbehinds `(?<=` and `(?<!` are not groups). */
function groupNames(pattern: RegExp): string[] {
  return [...pattern.source.matchAll(/\(\?<([A-Za-z_$][\w$]*)>/g)].map((match) => match[1]!);
}

/** A `g` or `y` regular expression remembers `lastIndex` between `test` calls: a match would depend on the line before. */
function isStateful(pattern: RegExp): boolean {
  return pattern.global || pattern.sticky;
}

/**
 * Refuses a rule-based cleaner that cannot work as written: a start or `then`
 * naming a zone it does not define, a zone no rule ever enters, a `g` or `y`
 * regular expression, a capture outside the article's fields, an unknown
 * label, a dropped line without a reason, a fingerprint weight outside
 * (0, 1], a required part naming a rule no zone has. Runs when a registry is built, so a broken definition fails at
 * once, naming the cleaner and the rule, instead of mislabelling pages.
 */
export function validateCleaner(definition: CleanerDefinition): void {
  const id = definition.id;
  const fail = (message: string, rule?: string): never => {
    throw new DeclutterError('bad-cleaner', `cleaner ${id}: ${message}`, { cleaner: id, ...(rule !== undefined && { rule }) });
  };
  if (!/^[a-z][a-z0-9-]*$/.test(id)) fail(`id "${id}" is not lower-case letters, digits and hyphens`);
  const zones = Object.keys(definition.zones);
  if (!zones.includes(definition.start)) fail(`starts in zone "${definition.start}", which it does not define`);

  const entered = new Set([definition.start]);
  for (const [zone, rules] of Object.entries(definition.zones)) {
    const names = new Set<string>();
    for (const rule of rules as Rule[]) {
      const where = `${zone}/${rule.name}`;
      if (rule.name.trim() === '') fail(`a rule of zone ${zone} has no name`, where);
      if (names.has(rule.name)) fail(`rule ${where} is named twice in its zone`, where);
      names.add(rule.name);
      if (!(LABELS as readonly string[]).includes(rule.label)) fail(`rule ${where} gives unknown label "${rule.label}"`, where);
      if (rule.then !== undefined) {
        if (!zones.includes(rule.then)) fail(`rule ${where} moves to zone "${rule.then}", which it does not define`, where);
        entered.add(rule.then);
      }
      for (const [what, pattern] of [['match', rule.match], ['followedBy', rule.followedBy]] as const) {
        if (pattern && isStateful(pattern)) fail(`rule ${where} ${what} ${String(pattern)} has the g or y flag`, where);
      }
      for (const name of groupNames(rule.match)) {
        if (!(CAPTURE_FIELDS as readonly string[]).includes(name)) fail(`rule ${where} captures <${name}>, which is no article field`, where);
      }
      if (rule.label === 'dropped' && !rule.reason?.trim()) fail(`rule ${where} drops lines without a reason`, where);
      if (rule.attach && rule.label !== 'related') fail(`rule ${where} attaches a section but labels ${rule.label}`, where);
    }
  }
  for (const zone of zones) if (!entered.has(zone)) fail(`zone ${zone} is never entered`);

  for (const fingerprint of definition.fingerprints) {
    if (fingerprint.name.trim() === '') fail('a fingerprint has no name');
    if (!(fingerprint.weight > 0 && fingerprint.weight <= 1)) fail(`fingerprint "${fingerprint.name}" weighs ${fingerprint.weight}, not in (0, 1]`);
    if (isStateful(fingerprint.pattern)) fail(`fingerprint "${fingerprint.name}" ${String(fingerprint.pattern)} has the g or y flag`);
  }
  const ruleNames = new Set(Object.values(definition.zones).flatMap((rules) => rules.map((rule) => rule.name)));
  for (const { part, rules } of definition.requires ?? []) {
    if (part.trim() === '') fail('a required part has no name');
    if (rules.length === 0) fail(`required part "${part}" names no rule`);
    for (const rule of rules) if (!ruleNames.has(rule)) fail(`required part "${part}" names rule ${rule}, which no zone has`);
  }
  for (const marker of definition.clutterMarkers) {
    if (isStateful(marker)) fail(`clutter marker ${String(marker)} has the g or y flag`);
  }
}
