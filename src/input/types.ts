/**
 * What an input reader hands the pipeline: the page as lines, and for HTML
 * what the markup says about each line and what the document says about
 * the page. Text dumps have lines only.
 */

/** What the markup says about one rendered line (HTML input only). */
export interface LineMarkup {
  /** The block element the line was rendered from, lower-case: `p`, `h2`, `li`, `td`, `pre`, `div`, `figcaption`… */
  tag: string;
  /** Element names from just below `<body>` down to and including `tag`, e.g. `['div', 'main', 'article', 'p']`. */
  path: string[];
  /** Heading level 1–6 when the line is (inside) h1–h6, else 0. */
  heading: number;
  /** How many characters of the line's text sit inside `<a>` elements. */
  linkChars: number;
  /** class and id tokens of the block and its ancestors, lower-case, nearest first, deduplicated. */
  tokens: string[];
  /**
   * Landmarks enclosing the line, nearest first: `nav`, `header`, `footer`,
   * `aside`, `article`, `main`, `form` (ARIA roles map onto them).
   */
  landmarks: string[];
  /** Inside an element marked hidden (`hidden`, `aria-hidden="true"`, inline `display:none`). */
  hidden: boolean;
  /** 1-based line of the HTML source where the block starts, for `explain`. */
  sourceLine: number;
}

/** A `<time datetime>` of the page. */
export interface TimeElement {
  datetime: string;
  /** The 1-based rendered line that shows the element's text, or null. */
  line: number | null;
}

/** What the document itself states about the page; null where it does not. */
export interface DocumentMetadata {
  /** `<title>`. */
  title: string | null;
  /** `og:title` or `twitter:title`. */
  ogTitle: string | null;
  /** JSON-LD `headline`. */
  headline: string | null;
  /** `og:site_name` or the JSON-LD publisher's name. */
  siteName: string | null;
  /** `description` or `og:description`. */
  description: string | null;
  /** JSON-LD author names joined with `, `, `author` or `article:author` (never a URL). */
  author: string | null;
  /** JSON-LD `datePublished`, `article:published_time` or another common meta, as printed. */
  published: string | null;
  /** JSON-LD `dateModified` or `article:modified_time`, as printed. */
  modified: string | null;
  /** The canonical link or `og:url`. */
  url: string | null;
  /** `<html lang>`, `og:locale` or `content-language`. */
  language: string | null;
  /** `og:image` or the JSON-LD image. */
  image: string | null;
  /** JSON-LD `@type` of the main entity (`NewsArticle`, `Product`…) or `og:type`. */
  type: string | null;
  /**
   * The page's `<time>` elements with a `datetime`, in document order (the
   * first 50): the datetime as written and the rendered line that shows the
   * element's text (null when none does); absent when there are none. A
   * stated date that one of them repeats is one the page shows.
   */
  times?: TimeElement[];
  /** Where each non-null field came from: `json-ld`, `og`, `meta`, `title`, `html`. */
  from: Partial<Record<Exclude<keyof DocumentMetadata, 'from' | 'times'>, string>>;
}
