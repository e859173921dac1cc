/**
 * The structure of clipped text, so the clip form can suggest a title and steps that follow the source: headings,
 * lists and paragraphs. From HTML (a selection or Readability's reading of a page, already sanitized) or from plain
 * text (a selection the page could not give as HTML, or text from a PDF: hard line breaks, hyphenation, typed
 * numbering). Nothing here shortens text; limits are shown in the form.
 */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'paragraph'; text: string };

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A typed list marker at the start of a line or paragraph: "1.", "2)", "a.", "Step 3:", "-", "*", "•". */
const ORDERED_MARKER = /^\s*(?:(?:step\s+)?\d{1,2}\s*[.):]|[a-h][.)])\s+/i;
const BULLET_MARKER = /^\s*[-*•‣◦▪–]\s+/;
const SENTENCE_END = /[.!?…:;]["'”’)\]]?$/;

const markerOf = (line: string): 'ordered' | 'bullet' | null =>
  ORDERED_MARKER.test(line) ? 'ordered' : BULLET_MARKER.test(line) ? 'bullet' : null;
const withoutMarker = (line: string) => line.replace(ORDERED_MARKER, '').replace(BULLET_MARKER, '').trim();

/**
 * Joins a line to the one before when it continues it: a word split by a hyphen at the end of the line ("stu-" /
 * "dents"), a line that starts in lower case, or a long line (wrapped at the page's width) without a sentence end.
 */
function continues(previous: string, line: string): boolean {
  if (markerOf(line)) return false;
  if (/[a-z]-$/i.test(previous) && /^[a-z]/.test(line)) return true;
  if (/^[a-z(]/.test(line)) return true;
  if (/[,–—-]$/.test(previous)) return true;
  return previous.length >= 50 && !SENTENCE_END.test(previous);
}

function join(previous: string, line: string): string {
  // "stu-" + "dents" → "students"; "ten-" + "minute" stays "ten-minute" only when the next part is capitalised.
  if (/[a-z]-$/i.test(previous) && /^[a-z]/.test(line)) return previous.slice(0, -1) + line;
  return `${previous} ${line}`;
}

/**
 * Plain text to blocks: a blank line ends a paragraph, a line with a list marker starts a list item, wrapped lines
 * are joined back. A run of marked lines becomes one list.
 */
export function blocksFromText(text: string): Block[] {
  const blocks: Block[] = [];
  let para: string | null = null;
  let list: { ordered: boolean; items: string[] } | null = null;
  let blank = false;
  const flushPara = () => {
    if (para) blocks.push({ kind: 'paragraph', text: squash(para) });
    para = null;
  };
  const flushList = () => {
    if (list?.items.length) blocks.push({ kind: 'list', ...list });
    list = null;
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/[\u00a0\t ]+/g, ' ').trim();
    if (line === '') {
      flushPara();
      // A blank line inside a list (items spaced apart) does not end it; a paragraph after it does.
      blank = true;
      continue;
    }
    const afterBlank = blank;
    blank = false;
    const marker = markerOf(line);
    if (marker) {
      flushPara();
      if (list && list.ordered !== (marker === 'ordered')) flushList();
      list ??= { ordered: marker === 'ordered', items: [] };
      list.items.push(withoutMarker(line));
      continue;
    }
    if (list) {
      const last = list.items.length - 1;
      const item = list.items[last] ?? '';
      if (!afterBlank && continues(item, line)) {
        list.items[last] = join(item, line);
        continue;
      }
      flushList();
    }
    if (para !== null && continues(para, line)) para = join(para, line);
    else {
      flushPara();
      para = line;
    }
  }
  flushPara();
  flushList();
  return blocks.filter((b) => (b.kind === 'list' ? b.items.length > 0 : b.text !== ''));
}

const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'BLOCKQUOTE',
  'PRE',
  'UL',
  'OL',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TABLE',
  'TBODY',
  'THEAD',
  'TR',
  'TD',
  'TH',
  'DL',
  'DT',
  'DD',
  'FIGURE',
  'FIGCAPTION',
  'HR',
]);

/**
 * Text of inline content with `<br>` kept as a line break (a PDF's hard breaks, a poem, an address). White space in
 * the HTML source is one space, as a browser shows it, except inside `<pre>`.
 */
function inlineText(nodes: Node[], pre = false): string {
  let out = '';
  for (const node of nodes) {
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      out += pre ? text : text.replace(/[ \t\r\n]+/g, ' ');
    } else if (node.nodeType === 1) {
      const el = node as Element;
      const inner = inlineText(Array.from(el.childNodes), pre || el.tagName === 'PRE');
      // A block inside inline content (a list nested in a list item) is set apart, not glued to the word before.
      out += el.tagName === 'BR' ? '\n' : BLOCK_TAGS.has(el.tagName) ? `\n${inner}\n` : inner;
    }
  }
  return out;
}

/** HTML to blocks. Inline runs (text beside `<br>`s) go through the plain-text reading, so typed numbering counts. */
export function blocksFromHtml(html: string): Block[] {
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  const blocks: Block[] = [];
  const walk = (parent: Element) => {
    let inline: Node[] = [];
    const flush = () => {
      const text = inlineText(inline);
      inline = [];
      if (text.trim()) blocks.push(...blocksFromText(text));
    };
    for (const node of Array.from(parent.childNodes)) {
      const el = node.nodeType === 1 ? (node as Element) : null;
      if (!el || !BLOCK_TAGS.has(el.tagName)) {
        inline.push(node);
        continue;
      }
      flush();
      const tag = el.tagName;
      if (/^H[1-6]$/.test(tag)) {
        const text = squash(el.textContent ?? '');
        if (text) blocks.push({ kind: 'heading', text });
      } else if (tag === 'UL' || tag === 'OL') {
        const items = Array.from(el.children)
          .filter((c) => c.tagName === 'LI')
          .map((li) => squash(inlineText(Array.from(li.childNodes))))
          .filter(Boolean);
        if (items.length) blocks.push({ kind: 'list', ordered: tag === 'OL', items });
      } else if (tag === 'LI') {
        // A selection inside one list: its items arrive without the list around them.
        const text = squash(inlineText(Array.from(el.childNodes)));
        if (text) blocks.push({ kind: 'list', ordered: false, items: [text] });
      } else if (tag === 'PRE' || tag === 'P') {
        const text = inlineText(Array.from(el.childNodes), tag === 'PRE');
        if (text.trim()) blocks.push(...blocksFromText(text));
      } else if (tag !== 'HR') {
        walk(el);
      }
    }
    flush();
  };
  walk(body);
  return mergeLists(blocks);
}

/**
 * Consecutive lists of the same kind are one list: Google Docs writes a numbered list interrupted by an empty line as
 * two `<ol>`s, a selection of items gives one `<li>` block each, and a typed "1." paragraph is a list of its own.
 */
function mergeLists(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const last = out[out.length - 1];
    if (block.kind === 'list' && last?.kind === 'list' && last.ordered === block.ordered) {
      out[out.length - 1] = { ...last, items: [...last.items, ...block.items] };
    } else out.push(block);
  }
  return out;
}

/** Headings that name a part of a page, not a strategy. */
export const GENERIC_HEADINGS =
  /^(steps?|instructions|procedure|directions|materials|(what )?you( will)? need|overview|how( it works| to( do it| run it)?)?|what to do|notes?|tips?|why it works|background)\s*:?$/i;

/** A heading or a paragraph that reads as one ("Steps:", "How it works") — the list under it is the procedure. */
const STEPS_HEADING =
  /^(steps?|instructions|procedure|directions|how( it works| to( do it| run it)?)?|what to do)\b/i;

/**
 * The steps the source gives: the list under a "Steps" / "How it works" heading, else the first numbered list,
 * else the first list; without a list, the paragraphs' sentences, grouped into steps of about two sentences that
 * never cut a sentence. Headings and a paragraph used as the title are not steps.
 */
export function stepsFromBlocks(blocks: Block[], title = ''): string[] {
  const lists = blocks.flatMap((b, i) => (b.kind === 'list' ? [{ b, i }] : []));
  if (lists.length > 0) {
    const labelled = lists.find(({ i }) => {
      const before = blocks[i - 1];
      return before && before.kind !== 'list' && STEPS_HEADING.test(before.text);
    });
    const chosen = labelled ?? lists.find(({ b }) => b.ordered) ?? lists[0]!;
    return chosen.b.items;
  }
  const paragraphs = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  if (paragraphs[0] === title) paragraphs.shift();
  return paragraphs.flatMap((p) => groupSentences(sentencesOf(p)));
}

/** Sentences, split after . ! ? (not after "e.g.", "Mr." or a decimal point). */
export function sentencesOf(text: string): string[] {
  const parts = text.match(/[^.!?…]+(?:[.!?…]+["'”’)\]]*|$)\s*/g) ?? [text];
  const out: string[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    // "e.g. " / "i.e. " / "Mr. " / "p. 12": the part before was not a sentence.
    if (last !== undefined && /(?:\b(?:e\.g|i\.e|etc|vs|Mr|Mrs|Ms|Dr|p|pp|No)\.|\b[A-Z]\.)\s*$/.test(last)) {
      out[out.length - 1] = last + part;
    } else out.push(part);
  }
  return out.map((s) => s.trim()).filter(Boolean);
}

/** A step holds whole sentences: up to about 240 characters, more only when one sentence is longer. */
const STEP_TARGET = 240;

function groupSentences(sentences: string[]): string[] {
  const steps: string[] = [];
  for (const sentence of sentences) {
    const last = steps[steps.length - 1];
    if (last !== undefined && last.length + 1 + sentence.length <= STEP_TARGET) {
      steps[steps.length - 1] = `${last} ${sentence}`;
    } else steps.push(sentence);
  }
  return steps;
}

/**
 * Block-level HTML of the same blocks, without links and inline markup: a smaller excerpt for a selection whose HTML
 * is over the excerpt limit.
 */
export function blocksToHtml(blocks: Block[]): string[] {
  const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return blocks.map((b) =>
    b.kind === 'heading'
      ? `<h3>${esc(b.text)}</h3>`
      : b.kind === 'paragraph'
        ? `<p>${esc(b.text)}</p>`
        : `<${b.ordered ? 'ol' : 'ul'}>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</${b.ordered ? 'ol' : 'ul'}>`,
  );
}
