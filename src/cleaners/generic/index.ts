/**
 * The generic cleaner: for a page that no site cleaner recognizes, finds
 * the main content (title, body paragraphs and the headings, lists,
 * quotes and tables that belong to it), the byline and dates printed near
 * the title, and the related headlines it can tell apart. Works on text
 * dumps (lines alone, rejoining lines wrapped at a fixed width) and on
 * HTML (the reader's lines with their markup). Line model: two stages of
 * gradient-boosted trees and a two-state Viterbi pass (see decode.ts),
 * trained by scripts/generic/train.mjs.
 */
import type { DocumentMetadata, LineMarkup } from '../../input/types.js';
import { toBlocks, type Block } from './blocks.js';
import { contextFeatures, decode, type LineModel } from './decode.js';
import { blockFeatures, type BlockStats } from './features.js';
import { margin, margins, sigmoid, type TreeModel } from './gbdt.js';
import { datedBlocks, findMeta, norm, pagePrintsDay, pagePrintsName, stripSiteName, titleFeatures, tokenF1 } from './meta.js';
import { textModel } from './model-text.js';
import { titleModel as textTitleModel } from './model-title.js';
import { htmlModel } from './model-html.js';
import { titleHtmlModel } from './model-title-html.js';

export interface GenericLine {
  n: number;
  text: string;
  markup?: LineMarkup;
}

export type GenericLabelName = 'title' | 'byline' | 'meta' | 'body' | 'related' | 'dropped';
export type GenericKind = 'heading' | 'paragraph' | 'list' | 'quote' | 'table' | 'code';

export interface GenericLabel {
  n: number;
  label: GenericLabelName;
  kind?: GenericKind;
  /** The line model's probability that the line is main content. */
  score: number;
  /** Why, in short `name=value` words, for `explain`. */
  signals: string[];
  reason?: string;
}

export interface GenericResult {
  /** One per input line, in the same order. */
  labels: GenericLabel[];
  title: string | null;
  byline: string | null;
  /** As printed, or a `<time datetime>` the page shows near the title, or as the document states it. */
  published: string | null;
  updated: string | null;
  /** The line that shows the published (updated) date near the title; null when it is the document's stated one. */
  publishedLine: number | null;
  updatedLine: number | null;
  /** Paragraphs in order (wrapped lines rejoined); headings and list items are entries of their own. */
  body: string[];
  related: string[];
  /** 0..1, how sure the cleaner is that the body is the main content. */
  confidence: number;
  warnings: string[];
}

function scoreRows(model: TreeModel, rows: Float64Array[]): number[] {
  return Array.from(margins(model, rows), sigmoid);
}

const RELATED_HEAD =
  /^(related|more (stories|articles|news|from|on|in|like this)|you (may|might) (also )?(like|enjoy)|read (more|next|also)|recommended|popular|trending|see also|further reading|latest|other (stories|articles|news)|also read|most (read|popular|viewed))\b/iu;

const ARTICLE_TYPE =
  /^(article|newsarticle|blogposting|reportagenewsarticle|analysisnewsarticle|opinionnewsarticle|scholarlyarticle|techarticle|liveblogposting|socialmediaposting|discussionforumposting|qapage|posting)$/iu;

function kindOf(b: Block, s: BlockStats, prevKept: boolean, nextKept: boolean): GenericKind {
  const m = b.markup;
  if (m) {
    if (m.heading > 0) return 'heading';
    if (m.tag === 'pre' || m.tag === 'code') return 'code';
    if (m.tag === 'blockquote' || m.path.includes('blockquote')) return 'quote';
    if (m.tag === 'li' || m.tag === 'dd' || m.tag === 'dt') return 'list';
    if (m.tag === 'td' || m.tag === 'th' || m.tag === 'tr') return 'table';
  }
  if (b.bullet && !/^\d/u.test(b.bullet)) return 'list';
  if (!m && /\S {3,}\S.* {3,}\S/u.test(b.text.trim())) return 'table';
  if (s.words > 0 && s.words <= 14 && !s.endsSentence && !/[,;]$/u.test(b.bare) && (prevKept || nextKept)) return 'heading';
  return 'paragraph';
}

/** The `<time datetime>` each block shows (block index → datetime), from the HTML reader's lines. */
function timeStamps(blocks: Block[], lines: GenericLine[], metadata: DocumentMetadata | null | undefined): Map<number, string> {
  const stamps = new Map<number, string>();
  if (!metadata?.times) return stamps;
  const byLine = new Map<number, string>();
  for (const time of metadata.times) if (time.line !== null && !byLine.has(time.line)) byLine.set(time.line, time.datetime);
  if (byLine.size === 0) return stamps;
  blocks.forEach((block, i) => {
    for (const li of block.lines) {
      const stamp = byLine.get(lines[li]!.n);
      if (stamp !== undefined) {
        stamps.set(i, stamp);
        break;
      }
    }
  });
  return stamps;
}

export function cleanGeneric(lines: GenericLine[], metadata?: DocumentMetadata | null): GenericResult {
  const blocks = toBlocks(lines);
  const useHtml = lines.some((l) => l.markup);
  const model: LineModel = useHtml ? htmlModel() : textModel();
  const titleModel = useHtml ? titleHtmlModel() : textTitleModel();
  const { rows, stats } = blockFeatures(blocks, useHtml);
  const p1 = scoreRows(model.stage1, rows);
  const p = model.stage2 ? scoreRows(model.stage2, contextFeatures(rows, p1, stats)) : p1;
  const keep = decode(p, stats, model.decode);

  // title: the best candidate near the start of the content
  const tf = titleFeatures(blocks, stats, p, keep, metadata);
  let titleAt = -1, titleP = 0;
  tf.rows.forEach((r, k) => {
    const tp = sigmoid(margin(titleModel, r));
    if (tp > titleP) {
      titleP = tp;
      titleAt = tf.idx[k]!;
    }
  });
  let title = titleAt >= 0 ? blocks[titleAt]!.bare : null;
  const stated = metadata ? metadata.headline ?? metadata.ogTitle ?? metadata.title : null;
  if (stated && (!title || tokenF1(stated, title) < 0.5)) {
    const clean = stripSiteName(stated, metadata?.siteName ?? null);
    // a printed block equal to the stated title wins over the model's pick
    const target = norm(clean);
    const printed = blocks.findIndex((b) => norm(b.bare) === target);
    if (printed >= 0) {
      titleAt = printed;
      title = blocks[printed]!.bare;
    } else if (titleP < 0.5) {
      titleAt = -1;
      title = clean;
    }
  }

  const firstBody = keep.findIndex((k, i) => k && i !== titleAt);
  const found = findMeta(blocks, stats, titleAt, firstBody, timeStamps(blocks, lines, metadata));
  let byline = found.byline;
  let published = found.published;
  let updated = found.updated;
  let publishedAt = found.publishedAt;
  let updatedAt = found.updatedAt;
  // The document's stated author only when the page prints that name; its stated date only when
  // the page prints that day (in any shape it reads, or as a <time> element's datetime) or the
  // stated author. A date printed near the title counts on a page that the document does not call
  // an article only when it is printed under the title and is the page's only date (on at most two
  // blocks): pages that show no author or date often state one anyway (the site's owner, a
  // template's date), and product or listing pages print the dates of their items. Chosen on the
  // training domains of WCXB.
  const statedName = !!metadata?.author && !/^https?:/u.test(metadata.author) && pagePrintsName(blocks, metadata.author);
  if (metadata && statedName) byline = metadata.author;
  if (metadata && !ARTICLE_TYPE.test(metadata.type ?? '')) {
    const underTitle = titleAt >= 0 && found.dateAt.length > 0 && found.dateAt.every((i) => i > titleAt);
    if (!underTitle || datedBlocks(blocks, 3) > 2) {
      published = null;
      updated = null;
    }
  }
  if (metadata?.published && (statedName || pagePrintsDay(blocks, metadata.published, metadata.times?.map((t) => t.datetime)))) {
    published = metadata.published;
    if (metadata.modified) updated = metadata.modified;
  }
  if (published !== found.published) publishedAt = -1;
  if (updated !== found.updated) updatedAt = -1;

  // related headlines: the short, headline-like items under a related-stories heading
  const related = new Set<number>();
  for (let i = 0; i < blocks.length; i++) {
    if (stats[i]!.words > 8 || !RELATED_HEAD.test(blocks[i]!.bare)) continue;
    let j = i + 1;
    while (
      j < blocks.length &&
      j !== titleAt &&
      (j === i + 1 || !blocks[j]!.blankBefore) &&
      stats[j]!.words >= 3 &&
      stats[j]!.words <= 25 &&
      !stats[j]!.endsSentence
    ) {
      related.add(j);
      keep[j] = false;
      j++;
    }
  }

  const metaAt = new Set(found.dateAt);
  const labelOf = new Map<number, GenericLabel>();
  const body: string[] = [];
  const relatedText: string[] = [];
  let bodyWords = 0, totalWords = 0, closeWords = 0, confNum = 0, confDen = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!, s = stats[i]!;
    totalWords += s.words;
    let label: GenericLabelName;
    let reason: string;
    if (i === titleAt) {
      label = 'title';
      reason = 'title';
    } else if (i === found.bylineAt) {
      label = 'byline';
      reason = 'byline near the title';
    } else if (metaAt.has(i) && s.words <= 14) {
      label = 'meta';
      reason = 'date near the title';
    } else if (keep[i]) {
      label = 'body';
      reason = p[i]! >= model.decode.threshold ? 'content' : 'content by its neighbours';
    } else if (related.has(i)) {
      label = 'related';
      reason = 'listed under a related-stories heading';
    } else {
      label = 'dropped';
      reason = p[i]! < model.decode.threshold ? 'boilerplate' : 'boilerplate by its neighbours';
    }
    const signals = [`p=${p[i]!.toFixed(2)}`];
    // The first stage's score, where the context stage changed it.
    if (p1[i]!.toFixed(2) !== p[i]!.toFixed(2)) signals.push(`p1=${p1[i]!.toFixed(2)}`);
    signals.push(`words=${s.words}`);
    if (b.lines.length > 1) signals.push(`wrapped=${b.lines.length}`);
    if (s.repeat > 1) signals.push(`repeat=${s.repeat}`);
    if (b.bullet) signals.push('bullet');
    if (s.endsSentence) signals.push('sentence');
    if (b.markup) {
      if (b.markup.linkChars) signals.push(`links=${(b.markup.linkChars / Math.max(1, b.bare.length)).toFixed(2)}`);
      if (b.markup.landmarks.length) signals.push(`in=${b.markup.landmarks[0]}`);
      if (b.markup.hidden) signals.push('hidden');
    }
    if (keep[i] !== p[i]! >= model.decode.threshold) signals.push('smoothed');
    const label0: GenericLabel = { n: lines[b.lines[0]!]!.n, label, score: Number(p[i]!.toFixed(3)), signals, reason };
    if (label === 'body' || label === 'title') label0.kind = label === 'title' ? 'heading' : kindOf(b, s, !!keep[i - 1], !!keep[i + 1]);
    if (label === 'body') {
      body.push(b.bare);
      bodyWords += s.words;
      if (Math.abs(p[i]! - 0.5) < 0.15) closeWords += s.words;
    } else if (label === 'related') relatedText.push(b.bare);
    confNum += s.words * Math.abs(2 * p[i]! - 1);
    confDen += s.words;
    for (const li of b.lines) {
      // the same keys in the same order as label0's
      const l: GenericLabel = { n: lines[li]!.n, label, score: label0.score, signals: signals.slice(), reason };
      if (label0.kind) l.kind = label0.kind;
      labelOf.set(li, l);
    }
  }
  const labels: GenericLabel[] = lines.map(
    (l, i) => labelOf.get(i) ?? { n: l.n, label: 'dropped', score: 0, signals: ['blank'], reason: 'blank line' },
  );
  const warnings: string[] = [];
  if (bodyWords < 50) warnings.push(`very short body (${bodyWords} words)`);
  if (totalWords > 0 && bodyWords / totalWords > 0.9) warnings.push('nearly the whole page was kept');
  if (bodyWords > 0 && closeWords / bodyWords > 0.3)
    warnings.push(`close call between content and boilerplate for ${Math.round((100 * closeWords) / bodyWords)}% of the body`);
  let confidence = confDen ? confNum / confDen : 0;
  if (bodyWords < 50) confidence *= 0.5;
  if (bodyWords === 0) confidence = 0;
  return {
    labels,
    title,
    byline,
    published,
    updated,
    publishedLine: publishedAt >= 0 ? lines[blocks[publishedAt]!.lines[0]!]!.n : null,
    updatedLine: updatedAt >= 0 ? lines[blocks[updatedAt]!.lines[0]!]!.n : null,
    body,
    related: relatedText,
    confidence: Number(confidence.toFixed(3)),
    warnings,
  };
}
