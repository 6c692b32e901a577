/** Words several sites share, for their rules and their cleaners' settings. */

/** Wire agencies whose names appear in bylines and datelines. */
export const WIRE_AGENCIES = ['AP', 'AFP', 'ANI', 'IANS', 'PTI', 'Reuters', 'UNI'] as const;

/** `AP|AFP|…` for use inside a regular expression. */
export const AGENCY_PATTERN = WIRE_AGENCIES.join('|');

/** Month names as sites abbreviate them, for dateline patterns. */
export const MONTH_PATTERN =
  '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\\.?';

/**
 * Zone abbreviations the sites print, and the zone each means. IST is India
 * Standard Time here: both built-in sites are Indian publications.
 */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  IST: 'Asia/Kolkata',
  UTC: 'UTC',
  GMT: 'UTC',
  BST: 'Europe/London',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
};
