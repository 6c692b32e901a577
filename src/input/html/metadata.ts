/**
 * What a document states about itself: `<title>`, `<meta>` (Open Graph,
 * Twitter, article:*, name=…), `<link rel=canonical>`, `<html lang>` and
 * schema.org JSON-LD. Collected while the page is rendered, resolved at the end.
 */
import type { DocumentMetadata, TimeElement } from './types.js';

type Field = Exclude<keyof DocumentMetadata, 'from' | 'times'>;
/** How many `<time datetime>` values are kept. */
const MAX_TIMES = 50;

/** schema.org types whose node is the page's main entity, articles first. */
const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'blogposting', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle',
  'reviewnewsarticle', 'backgroundnewsarticle', 'asknewsarticle', 'askpublicnewsarticle', 'satiricalarticle', 'report',
  'scholarlyarticle', 'techarticle', 'medicalscholarlyarticle', 'socialmediaposting', 'liveblogposting',
  'discussionforumposting', 'posting',
]);
/** Nodes that describe the site, not the page's content. */
const NOT_MAIN = new Set([
  'website', 'organization', 'newsmediaorganization', 'corporation', 'localbusiness', 'breadcrumblist', 'listitem',
  'webpage', 'person', 'imageobject', 'searchaction', 'sitenavigationelement', 'wpheader', 'wpfooter', 'wpsidebar',
  'readaction', 'entrypoint', 'contactpoint', 'postaladdress', 'videoobject', 'collectionpage', 'itempage', 'aboutpage',
  'contactpage', 'searchresultspage', 'profilepage', 'faqpage', 'question', 'answer', 'offer', 'aggregaterating',
  'rating', 'brand', 'place', 'geocoordinates', 'thing', 'propertyvalue', 'speakablespecification',
]);
const PUBLISHED_META = [
  'article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date',
  'date', 'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.created', 'sailthru.date', 'parsely-pub-date',
  'article.published', 'cxenseparse:recs:publishtime', 'date.release',
];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dcterms.modified', 'article.updated'];
const MAX_NODES = 10_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const clean = (value: string): string => value.replace(/\s+/g, ' ').trim();
const isUrl = (value: string): boolean => /^(?:https?:)?\/\//i.test(value.trim()) || /^www\./i.test(value.trim());
const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export class MetadataCollector {
  /** meta name/property/itemprop (lower-case) → first content. */
  private readonly metas = new Map<string, string>();
  private canonical: string | null = null;
  private lang: string | null = null;
  private title: string | null = null;
  private readonly jsonld: string[] = [];
  private readonly times: TimeElement[] = [];

  element(name: string, attrs: Partial<Record<string, string>>): void {
    if (name === 'html') {
      if (this.lang === null && attrs.lang?.trim()) this.lang = attrs.lang.trim();
      return;
    }
    if (name === 'link') {
      const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
      if (this.canonical === null && rel.includes('canonical') && attrs.href?.trim()) this.canonical = attrs.href.trim();
      return;
    }
    const content = attrs.content;
    if (content === undefined || !content.trim()) return;
    for (const key of [attrs.property, attrs.name, attrs.itemprop, attrs['http-equiv']]) {
      if (!key) continue;
      const k = key.trim().toLowerCase();
      if (!this.metas.has(k)) this.metas.set(k, clean(content));
    }
  }

  /** A `<time>` element's datetime; its line is set when the line that shows its text is rendered. */
  time(datetime: string): TimeElement | null {
    const value = clean(datetime);
    if (!value || this.times.length >= MAX_TIMES) return null;
    const time: TimeElement = { datetime: value, line: null };
    this.times.push(time);
    return time;
  }

  /** The text of a `<title>` or a JSON-LD `<script>`. */
  raw(name: string, text: string): void {
    if (name === 'title') {
      if (this.title === null && clean(text)) this.title = clean(text);
    } else this.jsonld.push(text);
  }

  finish(warnings: string[]): DocumentMetadata {
    const meta: DocumentMetadata = {
      title: null, ogTitle: null, headline: null, siteName: null, description: null, author: null, published: null,
      modified: null, url: null, language: null, image: null, type: null, from: {},
    };
    const set = (field: Field, value: string | null | undefined, from: string): void => {
      if (meta[field] !== null || value === null || value === undefined) return;
      const v = clean(value);
      if (!v) return;
      meta[field] = v;
      meta.from[field] = from;
    };
    const m = (key: string): string | undefined => this.metas.get(key);
    const fromKey = (key: string): string => (key.startsWith('og:') || key.startsWith('article:') ? 'og' : key.startsWith('twitter:') ? 'twitter' : 'meta');
    const first = (field: Field, keys: string[], skipUrls = false): void => {
      for (const key of keys) {
        const value = m(key);
        if (value !== undefined && !(skipUrls && isUrl(value))) set(field, value, fromKey(key));
      }
    };

    const ld = this.readJsonLd(warnings);
    set('title', this.title, 'title');
    first('ogTitle', ['og:title', 'twitter:title']);
    set('headline', ld.headline, 'json-ld');
    first('siteName', ['og:site_name']);
    set('siteName', ld.publisher, 'json-ld');
    first('description', ['description', 'og:description', 'twitter:description']);
    set('author', ld.author, 'json-ld');
    first('author', ['author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author'], true);
    set('published', ld.published, 'json-ld');
    first('published', PUBLISHED_META);
    set('modified', ld.modified, 'json-ld');
    first('modified', MODIFIED_META);
    set('url', this.canonical, 'link');
    first('url', ['og:url', 'twitter:url']);
    set('language', this.lang, 'html');
    first('language', ['og:locale', 'content-language', 'language', 'dc.language']);
    first('image', ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src']);
    set('image', ld.image, 'json-ld');
    set('type', ld.type, 'json-ld');
    first('type', ['og:type']);
    if (this.times.length > 0) meta.times = this.times.map((time) => ({ ...time }));
    return meta;
  }

  private readJsonLd(warnings: string[]): {
    headline?: string; publisher?: string; author?: string; published?: string; modified?: string; image?: string; type?: string;
  } {
    const nodes: JsonObject[] = [];
    for (const text of this.jsonld) {
      const data = parseJson(text);
      if (data === undefined) {
        warnings.push('a JSON-LD block is not valid JSON: skipped');
        continue;
      }
      collectNodes(data, nodes);
    }
    if (nodes.length === 0) return {};
    const byId = new Map<string, JsonObject>();
    for (const node of nodes) if (typeof node['@id'] === 'string' && Object.keys(node).length > 1) byId.set(node['@id'], node);
    const resolve = (value: Json | undefined): Json | undefined =>
      isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1 ? (byId.get(value['@id']) ?? value) : value;
    const types = (node: JsonObject): string[] => {
      const t = node['@type'];
      return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
    };
    const main =
      nodes.find((node) => types(node).some((t) => ARTICLE_TYPES.has(t.toLowerCase()))) ??
      nodes.find((node) => typeof node.headline === 'string') ??
      nodes.find((node) => types(node).length > 0 && types(node).every((t) => !NOT_MAIN.has(t.toLowerCase())));
    if (main === undefined) return {};
    const str = (value: Json | undefined): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);
    const name = (value: Json | undefined): string | undefined => {
      const v = resolve(value);
      if (typeof v === 'string') return isUrl(v) ? undefined : str(v);
      if (isObject(v)) return str(v.name) ?? (str(v.givenName) && [str(v.givenName), str(v.familyName)].filter(Boolean).join(' '));
      return undefined;
    };
    const authors: string[] = [];
    for (const author of Array.isArray(main.author) ? main.author : [main.author]) {
      const n = name(author);
      if (n && !authors.includes(clean(n))) authors.push(clean(n));
    }
    const image = (value: Json | undefined): string | undefined => {
      const v = resolve(Array.isArray(value) ? value[0] : value);
      if (typeof v === 'string') return str(v);
      if (isObject(v)) return str(v.url) ?? str(v.contentUrl);
      return undefined;
    };
    const publisher = resolve(main.publisher);
    return {
      headline: str(main.headline) ?? (ARTICLE_TYPES.has((types(main)[0] ?? '').toLowerCase()) ? str(main.name) : undefined),
      publisher: Array.isArray(publisher) ? name(publisher[0]) : name(publisher),
      author: authors.length > 0 ? authors.join(', ') : undefined,
      published: str(main.datePublished) ?? str(main.dateCreated),
      modified: str(main.dateModified),
      image: image(main.image) ?? image(main.thumbnailUrl),
      type: types(main)[0],
    };
  }
}

function parseJson(text: string): Json | undefined {
  const body = text.trim().replace(/^<!--/, '').replace(/-->$/, '').replace(/^\/\/\s*<!\[CDATA\[/, '').replace(/\/\/\s*\]\]>$/, '').trim();
  try {
    return JSON.parse(body) as Json;
  } catch {
    try {
      // Raw line breaks and tabs inside strings are the usual fault.
      return JSON.parse(body.replace(/[\u0000-\u001f]+/g, ' ').replace(/;\s*$/, '')) as Json;
    } catch {
      return undefined;
    }
  }
}

/** Every typed object reachable through arrays, `@graph` and `mainEntity`, in document order, without recursion. */
function collectNodes(data: Json, nodes: JsonObject[]): void {
  const todo: Json[] = [data];
  let seen = 0;
  const later = (values: readonly Json[]): void => {
    for (let i = Math.min(values.length, MAX_NODES) - 1; i >= 0; i--) todo.push(values[i]!);
  };
  while (todo.length > 0 && seen++ < MAX_NODES) {
    const value = todo.pop()!;
    if (Array.isArray(value)) {
      later(value);
      continue;
    }
    if (!isObject(value)) continue;
    if (value['@type'] !== undefined || typeof value['@id'] === 'string') nodes.push(value);
    const more: Json[] = [];
    for (const key of ['@graph', 'mainEntity']) {
      const child = value[key];
      if (child !== undefined && child !== null) more.push(child);
    }
    later(more);
  }
}
