import { type Language, type Translate, translator } from './i18n';
import { type JudgementModel, judgeSentence, modelSentences } from './note-judgement';
import { NOTE_MODEL } from './note-model';
import { keepsName, type NameScorer } from './note-name-scorer';
import { NAME_SCORER } from './note-name-scorer-weights';
import { findNames, type NameWhy, rosterTokens } from './note-names';
import { SPANISH_DISPLAY_VERBS, SPANISH_DISPLAYS, SPANISH_RULES, SPANISH_SETS } from './note-spanish';
import { fold, UPPER, WORD, words } from './note-words';

/**
 * The note linter: while a visitor types, it points at words that judge (evaluative), guess at inner states
 * (inference) or name a person (name), and says how to rephrase as low-inference evidence. Pure and fast: the
 * text is split into words once, and each word looks up only the few phrase rules that can start with it, each
 * of which reads at most a handful of following words; no regular expression here can backtrack badly.
 */

export type FlagKind = 'evaluative' | 'inference' | 'name';

export interface NoteFlag {
  kind: FlagKind;
  /** UTF-16 offsets: `text.slice(start, end)` is the flagged word or phrase. */
  start: number;
  end: number;
  message: string;
  suggestion?: string;
}

export interface LintOptions {
  /** Roster names (full names like "Ana Rivera"); each token of a name is flagged where it appears as a name. */
  names?: string[];
  /** The sentence model (shared/note-model.ts by default); null lints with the phrase rules alone. */
  model?: JudgementModel | null;
  /** The learned name scorer (shared/note-name-scorer-weights.ts by default); null keeps every rule name flag. */
  nameScorer?: NameScorer | null;
  /** The language of the flags' messages and suggestions (the interface's, not the note's); US English by default. */
  language?: Language;
}

/** A note may be saved after the writer confirms if it has only evaluative/inference flags; never while it has a name flag. */
export function blocksSave(flags: NoteFlag[]): boolean {
  return flags.some((f) => f.kind === 'name');
}

// ---------------------------------------------------------------------------------------------------------------
// Words

interface Token {
  start: number;
  end: number;
  /** As written. */
  raw: string;
  /** Lower case, without accents, with ’ as ' — what the rules compare. */
  key: string;
  /** As written without accents and without a possessive 's: what names are compared with. */
  base: string;
  /** End offset without a possessive 's, so "Rivera's" flags "Rivera". */
  nameEnd: number;
  capitalised: boolean;
  /** Only spaces between this word and the one before: phrases never reach across punctuation or lines. */
  joined: boolean;
  /** Only an optional full stop and spaces before this word: it can follow a title ("Mr. O'Brien"). */
  afterTitle: boolean;
  /** First word of a sentence, line, quotation or list item. */
  sentenceStart: boolean;
}

const SPACES = /^[ \t\u00a0]+$/;
const TITLE_GAP = /^\.?[ \t\u00a0]+$/;
const SENTENCE_GAP = /[.!?:;\n"“”‘(•–—-]\s*$/;

/** The linter's words, for the name scorer's training script. */
export const noteTokens = (text: string): Token[] => tokenize(text);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index ?? 0;
    const accented = fold(raw);
    const folded = accented.includes('’') ? accented.replace(/’/g, "'") : accented;
    const possessive = raw.length > 2 && folded.endsWith("'s");
    const gap = text.slice(previousEnd, start);
    const space = gap === ' ' && tokens.length > 0; // the usual case, without the regular expressions
    tokens.push({
      start,
      end: start + raw.length,
      raw,
      key: folded.toLowerCase(),
      base: possessive ? folded.slice(0, -2) : folded,
      nameEnd: start + raw.length - (possessive ? 2 : 0),
      capitalised: UPPER.test(raw),
      joined: space || (tokens.length > 0 && SPACES.test(gap)),
      afterTitle: space || (tokens.length > 0 && TITLE_GAP.test(gap)),
      sentenceStart: !space && (tokens.length === 0 || SENTENCE_GAP.test(gap)),
    });
    previousEnd = start + raw.length;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------------------------
// Word sets the rules refer to as @name

const SETS: Record<string, ReadonlySet<string>> = {
  // Linking verbs and copulas that put an inner state on someone: "were confused", "looked lost", "got bored".
  link: words(`
    am is are was were be been being isn't aren't wasn't weren't i'm you're we're they're he's she's it's that's
    everyone's everybody's seem seems seemed seeming appear appears appeared appearing look looks looked looking
    feel feels felt feeling get gets got getting become becomes became grow grew sound sounds sounded remain remained
    remains stay stayed stays`),
  // Words that may stand between the link and the state: "seemed a bit lost", "were not really sure".
  int: words(`
    so very really quite a bit little clearly totally completely fully visibly super extremely pretty rather
    somewhat not too more less all genuinely truly definitely obviously kind sort of slightly increasingly
    noticeably most just still already also both highly incredibly deeply particularly especially equally mostly
    largely generally fairly to be never`),
  // Inner states that are an inference wherever they appear.
  state: words(`
    confused confusion bored boredom excited excitedly excitement anxious anxiety anxiously frustrated frustration
    nervous nervously nervousness enthusiastic enthusiastically enthusiasm eager eagerly motivated unmotivated
    interested uninterested disinterested curious curiosity distracted attentive attentively overwhelmed stressed
    worried puzzled uncomfortable comfortable comfortably thrilled delighted embarrassed upset hesitant hesitantly
    reluctant reluctantly proud proudly confident confidently insecure bewildered perplexed fascinated intrigued
    captivated mesmerized mesmerised unfocused unsure uncertain disappointed annoyed irritated jealous lonely scared
    afraid terrified shy sad unhappy happy happily joyful joyfully tired exhausted sleepy restless enjoy enjoys
    enjoyed enjoying enjoyment loved loves liked hated hates disliked struggled struggling understood mastered
    grasped realised realized`),
  // States that are an inference after a link or an intensifier ("were lost", "so focused") but ordinary words
  // elsewhere ("lost a pencil", "focused on fractions").
  cstate: words(
    'lost calm relaxed focused sure invested keen glad pleased satisfied surprised alert settled into hungry thirsty',
  ),
  strongint: words('so very really super extremely highly totally completely'),
  subject: words('they he she everyone everybody nobody students kids children pupils some most many'),
  // Praise and blame.
  judge: words(`
    great greatly good bad badly better worse amazing amazingly amazed awesome excellent excellently
    wonderful wonderfully fantastic fantastically perfect perfectly poor poorly weak weaker weakest weakly weakness
    weaknesses strong stronger strongest strongly strength strengths effective effectively ineffective ineffectively
    effectiveness engaging engaged disengaged unengaged engagement disengagement boring well well-managed well-run
    well-organized well-organised well-planned well-paced well-structured well-executed well-designed well-chosen
    well-behaved well-prepared well-done badly-behaved nice nicely lovely brilliant brilliantly superb superbly
    outstanding impressive impressively impressed incredible incredibly beautiful beautifully terrific fabulous
    terrible terribly awful awfully horrible mediocre sloppy messy chaotic chaos unruly disruptive lazy rude
    disrespectful respectful respectfully polite impolite meaningful meaningfully powerful masterful masterfully
    skilful skillful skilfully skillfully expertly seamless seamlessly smoothly helpful unhelpful useful useless
    valuable successful successfully unsuccessful fun exciting interesting uninteresting inspiring inspirational
    creative creatively thoughtful thoughtfully insightful clever cleverly smart talented gifted patient patiently
    impatient impatiently appropriate appropriately inappropriate inappropriately properly unclear confusing vague
    disorganized disorganised unprepared productive unproductive concise welcoming lucky obvious obviously
    favourite favorite favourites favorites wow bravo kudos hooked lacked lacking lacks noisy lively stellar
    top-notch spot-on flawless flawlessly on-task off-task`),
  // Adjectives that read well in "Describe what you saw that made it great."
  madeit: words(`
    great good bad amazing awesome excellent wonderful fantastic perfect poor weak strong effective ineffective
    engaging boring nice lovely brilliant superb outstanding impressive incredible beautiful terrific fabulous
    terrible awful horrible mediocre sloppy messy chaotic seamless meaningful powerful helpful unhelpful useful
    useless valuable successful unsuccessful fun exciting interesting uninteresting inspiring creative thoughtful
    insightful unclear confusing vague productive unproductive concise welcoming noisy lively flawless`),
  toomuch: words(`
    long short fast slow much many little few hard easy loud quiet noisy difficult early late big small advanced
    simple complicated complex busy crowded rushed low high`),
  opadv: words(
    'really especially particularly absolutely truly just so also personally honestly definitely do did',
  ),
  opinion: words(`
    think thought feel felt believe believed like liked love loved enjoy enjoyed appreciate appreciated wish wished
    adore adored prefer preferred admire admired`),
  impressed: words('impressed struck amazed surprised blown'),
  // What a comparison compares against: "than last time", "compared to other classes", "than in my class".
  target: words(`
    last other others usual before yesterday previous another most any my mine your yours her hers his ever mr mrs
    ms miss mx dr`),
  prep: words('in at with for'),
  gotnot: words('right wrong out back done from to on off up down in into ready working open all correct'),
  // Praise and blame by figure of speech or plain word the lists above lack: "overkill", "a slog", "clunky".
  figure: words(`
    overkill genius masterclass slog snooze clunky clumsy muddy fuzzy cluttered cramped babyish generic wordy
    sketchy risky cute fluff hand-holding handholding rigorous shallow superficial misstep afterthought
    crowd-pleaser pitch-perfect smoothest tightest rockstar wizard magical tedious ideal
    underwhelming uninspired lackluster lacklustre sluggish cringe cringey awkward awkwardly wasted meh tbh
    game-changer dull clueless well-tuned well-oiled well-rehearsed well-crafted half-baked payoff nailed`),
  // Words that judge when said of something after a link: "the pacing was tight", "the room was buzzing".
  linkfigure: words(`
    gem zoo circus gold textbook electric buzzing flat dry soft tight smooth rough heavy rushed fine solid
    mess disaster dragging natural spot keeper treat`),
  // Verbs an imperative to the teacher starts with: "Try numbering the stations", "Don't rush the share-out".
  imperative: words(`
    try consider stop don't dont keep give put use add maybe let make remember avoid think slow`),
  comparative: words(`
    tighter deeper shorter longer clearer better more less faster slower simpler stronger sharper smoother
    higher lower bigger smaller fewer firmer`),
  // The writer's stance on what happened, as a sentence adverb ("Unfortunately, the lab ran out of time", "Sadly,
  // …"), and adverbs of manner that grade how something was done ("handled it gracefully", "explained it clearly
  // and concisely"): the writer's verdict in one word, where a record would say what was done.
  verdict: words(`
    unfortunately fortunately sadly thankfully luckily regrettably disappointingly surprisingly unsurprisingly
    refreshingly predictably worryingly encouragingly alarmingly admittedly mercifully frustratingly annoyingly
    understandably hopefully ideally certainly actually gracefully concisely efficiently inefficiently adeptly deftly
    elegantly competently incompetently sensitively tactfully artfully clumsily sloppily haphazardly aimlessly
    mindlessly needlessly unnecessarily excessively adequately inadequately sufficiently insufficiently barely hardly
    kinda sorta really super`),
  // Faint praise and plain verdicts the lists above lack: "quick but adequate", "mostly busywork", "riveting stuff".
  faint: words(`
    adequate inadequate decent serviceable passable actionable spotless busywork unwise patchy spotty stilted`),
  // Superlatives of a room or a lesson: "one of the calmest rooms in the building".
  superlative: words(`
    calmest quietest loudest clearest busiest liveliest warmest friendliest sharpest cleanest tidiest messiest
    noisiest best worst strongest weakest smoothest tightest most least finest`),
  // What is "worth" doing, as advice: "worth revisiting", "could be worth trying".
  worthdoing: words(`
    revisiting trying considering exploring keeping sharing repeating rethinking reconsidering watching discussing
    looking adding doing using building tweaking adjusting`),
  // Who a writer says someone wanted something of: "wanted students to discover the rule".
  wantedof: words('them him her us everyone everybody students kids pupils learners children the his their'),
  // Inner states said of someone after a link: "were relieved", "was determined".
  mind: words(`
    relieved determined concentrating engrossed absorbed embarassed moved hurt shaken avoiding thinking
    hoping trying itching dying eager locked glued convinced aware unaware`),
  ...SPANISH_SETS,
};

// ---------------------------------------------------------------------------------------------------------------
// Phrase rules

type Why =
  | 'judgement'
  | 'advice'
  | 'opinion'
  | 'generalisation'
  | 'comparison'
  | 'inference'
  | 'exempt'
  /** The sentence model, where no phrase rule fired: a few words, or the whole sentence. */
  | 'model'
  | 'model-sentence';

interface Slot {
  /** The words this slot accepts; undefined accepts any word. */
  set?: ReadonlySet<string>;
  min: number;
  max: number;
  /** A look-ahead: the next word, if any, must not be in `set`; consumes nothing. */
  not?: boolean;
}

interface Rule {
  why: Why;
  slots: Slot[];
  /** Matches only at the start of a sentence (a leading `^`): "Try …", "Don't …" addressed to the teacher. */
  first?: boolean;
}

/**
 * A rule is a line of slots separated by spaces: `a/b` one of these words, `@set` one word of a set above,
 * `@any` any word, a trailing `?` for optional and `*` for up to three; `!a/b` or `!@set` says the next word must
 * not be one of these; a leading `^` matches only at the start of a sentence. Words in a phrase must be separated by
 * spaces only, so rules never reach across punctuation.
 */
function compile(why: Why, line: string): Rule {
  const first = line.startsWith('^');
  const slots = line
    .replace(/^\^/, '')
    .split(' ')
    .map((part): Slot => {
      const not = part.startsWith('!');
      const body = part.replace(/^!/, '').replace(/[?*]$/, '');
      const min = part.endsWith('?') || part.endsWith('*') ? 0 : 1;
      const max = part.endsWith('*') ? 3 : 1;
      if (body === '@any') return { min, max };
      const set = body.startsWith('@') ? SETS[body.slice(1)] : words(body.replace(/\//g, ' '));
      if (!set) throw new Error(`note linter: unknown word set ${body}`);
      return { set, min, max, not };
    });
  return first ? { why, slots, first } : { why, slots };
}

const RULES: Rule[] = [
  compile('judgement', '@judge'),
  // "Clear" judges only when said of something: "the directions were clear", not "clear plastic cups".
  compile('judgement', '@link @int* clear'),
  ...[
    'great/good/nice/excellent/amazing/awesome/fantastic/brilliant/wonderful job/work/lesson/teaching',
    'well done/managed/run/organised/organized/planned/paced/structured/executed/designed/chosen/behaved',
    'too @toomuch',
    'not enough',
    'on/off task',
    'had a blast',
    'had fun',
  ].map((l) => compile('judgement', l)),
  ...[
    "should/shouldn't/should've not? have?",
    "could/couldn't not? have",
    "could've",
    "would/wouldn't not? have",
    "would've",
    'need/needs to',
    'needs improvement',
    "ought/oughtn't to?",
    'next time',
    'might/may want/try/consider',
    'could try/consider',
    'would help/benefit',
    'would be better/good/nice/helpful',
    'missed opportunity/opportunities/chance',
    'room for improvement',
    "i'd",
    'i would',
    'had better',
  ].map((l) => compile('advice', l)),
  ...[
    'i @opadv* @opinion',
    "i/i'm @opadv* was/am? @opadv* @impressed",
    'in my opinion/view',
    'my opinion/view',
    'personally',
    'honestly',
    'frankly',
    'imo',
  ].map((l) => compile('opinion', l)),
  ...['always', 'never', 'constantly', 'every single time'].map((l) => compile('generalisation', l)),
  ...[
    'better/worse than',
    'than @prep? @target @any?',
    'than @prep? the other/previous/last @any?',
    'more/less/fewer @any than @prep? @target @any?',
    'more/less/fewer @any @any than @prep? @target @any?',
    'compared/comparison to/with @target @any?',
    'compared/comparison to/with the other/previous/last @any?',
    'unlike',
    'best/worst',
  ].map((l) => compile('comparison', l)),
  ...[
    '@state',
    '@link @int* @state',
    '@link @int* @cstate',
    '@strongint @cstate',
    'such a/an @cstate',
    'seem/seems/seemed/seeming',
    'seem/seems/seemed/seeming to @any',
    'seem/seems/seemed/seeming like/as',
    'appear/appears/appeared/appearing to @any',
    'appear/appears/appeared/appearing as if/though',
    'look/looks/looked/looking like/as @subject',
    'look/looks/looked/looking like/as the class/group/students/kids',
    'look/looks/looked/looking as if/though',
    'feel/feels/felt',
    'want/wants/wanted/wanting to',
    // What someone meant, hoped or knew, which nobody saw (w12 in train): "wanted students to discover the rule",
    // "intended the exit ticket to show …", "hoped the students would …", "Kids clearly lost.".
    'want/wants/wanted/wanting @wantedof @any? to',
    'intended/intends/intend/intending !audience/audiences/meaning/purpose/reader/readers/use/outcome/outcomes',
    'hoped/hopes',
    'understand/understands/remembered/remembers/rethink/rethought',
    // "knew the routine", "knew how to start"; not a reported question that ends on it ("asked how they knew").
    'knew the/their/his/her/its/all/every/most/how/what/which/where/when/exactly',
    'learned/learnt to/that/how/what/why',
    // Outcomes and motives nobody saw: "most students could explain why …", "because she knows they like cooking",
    // "weren't really listening", "got the value scale idea".
    'could explain/describe/identify/articulate why/how/what/that',
    'because @subject know/knows/think/thinks/like/likes/want/wants/feel/feels',
    "not/wasn't/weren't/wasnt/werent/isn't/aren't/isnt/arent really? listening/following/paying",
    'got/get/gets the @any @any? idea/concept/point',
    'wanted/wants out',
    'clearly/evidently/visibly',
    'likely/unlikely !or/and/event/events/outcome/outcomes',
    'did/do/does/could/can not understand/follow/get',
    "didn't/don't/doesn't/couldn't/can't/cannot understand/follow/get",
    'got it !@gotnot',
    "must have/'ve",
    "must've",
    'lost/lose/losing/loses interest/focus',
    'love/loves/loving',
  ].map((l) => compile('inference', l)),
  // Figures of speech, idioms and judged quantities (issue #15): praise and blame in other words.
  compile('judgement', '@figure'),
  compile('judgement', '@link @int* @linkfigure'),
  ...[
    'home run/runs',
    'slam dunk',
    'game changer/changers',
    'fizzled/fizzles/fizzle',
    'with real/great/such/genuine/remarkable skill/flair/finesse',
    'well oiled',
    'well-oiled',
    'like clockwork',
    'like a swiss watch',
    'train wreck',
    'pure gold',
    'gold standard',
    'textbook example/case',
    'spot on',
    'on point',
    'hit/hits/hitting all? the right note/notes',
    'fell/falls/fall/falling flat',
    'missed/miss/misses the mark',
    'hit/hits the mark',
    'lost/loses/losing steam',
    'out of steam',
    'tight ship',
    'firing on all cylinders',
    'palm of her/his/their hand',
    'barn burner',
    'crystal clear',
    'heavy lifting',
    'recipe for success/disaster',
    'smooth as',
    'breath of fresh air',
    "chef's/chefs kiss",
    'work in progress',
    'waste of',
    'a long way',
    'nothing special',
    // Verdicts, faint praise and sarcasm (w12, w13 in train): "Sadly, …", "quick but adequate", "Bit of a slow start.",
    // "all over the place", "one of the calmest rooms", "exactly what six-year-olds need", "certainly a lesson".
    '@verdict',
    '@faint',
    '@link @int* thin/inspired',
    'thin on the ground',
    '^bit of a',
    'a bit/little/tad/touch @toomuch',
    'a bit/little/tad/touch too',
    'who needs',
    'wise/unwise choice/move/call/decision',
    'slow start',
    'all over the place',
    'one of the @superlative',
    // Words that are also a trade's or a lesson's ("riveting the panels", "cracking eggs", "filler words") judge only so.
    '@link @int* riveting/filler',
    'riveting/cracking stuff/start/starter/lesson/session/use/job/question/questions',
    'filler !word/words',
    'exactly what @any? @any? need/needs/needed',
    "that's/thats one way",
    'that is one way',
    'nothing more',
    "can't/cannot be taught",
    'every @any? needs/deserves',
    '^oh sure/great/joy/good/yes/wow',
    'old school',
    'old-school',
    'teacher heavy/centered/centred/dominated',
    'teacher-heavy',
    'carried/carries/carry the/this lesson/one/session',
    'stood/stand/stands out',
    'rock star/stars',
    'a natural !number/numbers/resource/resources/disaster/disasters/selection/habitat/language/log',
    'a bit/tad/little of a',
    'a tad',
    'highlight of',
    'worth copying/stealing/borrowing/it/the/a',
    'not nearly/quite enough',
    'just right',
    'not the right',
    'not ok/okay/ideal',
    'way/bit/little/far too',
    'to much',
    'leagues ahead',
    'ahead of',
    "i've/ive ever",
    'ever seen/watched',
    'next door',
    'across the hall',
    'than anywhere/anyone/anybody/everyone',
    'props for',
    'nailed/nails/nailing it',
    '@link a lot !of',
    'a clinic on/in',
    'short and sweet',
  ].map((l) => compile('judgement', l)),
  ...[
    '^@imperative',
    'why not',
    'could use',
    'could be/go @comparative',
    'needed/needs @int? @comparative',
    'need/needs/needed a little/bit/lot',
    'wish/wished',
    'going to try/steal/borrow/use',
    'might/may help',
    'would leave/save/work/make',
    // Advice as a question or an idea (w12, w13 in train): "What if the class wrote …?", "Have you thought about …?",
    // "Could the aide sit …?", "Why are the students copying …?", "One idea would be to …", "worth revisiting".
    '^what/how if/about',
    '^why',
    "^could/would/couldn't/wouldn't",
    'have/had you thought/considered/tried',
    'one idea/option/suggestion/thought would',
    '^suggestion/suggestions',
    'would be to/worth',
    'would love/like to see',
    'could be worth',
    'worth @worthdoing',
    'could do with',
    'more/less/fewer @any @any? needed',
    'please',
    // The writer hedging: outside a quotation, "maybe" is a suggestion or a softened judgement ("maybe a bit too
    // ambitious", "and then maybe a third"), never a record of what was seen.
    'maybe/perhaps',
  ].map((l) => compile('advice', l)),
  ...[
    '@link @int* @mind',
    'no idea/clue',
    'knew/know/knows exactly',
    'already knew/know/knows',
    'knew/know/knows what they/he/she were/was/are/is',
    'tuned/zoned/spaced out',
    'paying @any? attention',
    'now know/knows/understand/understands/get/gets',
    'listening closely/carefully/intently/hard',
    'thinking hard',
    'gave/given/give up',
    'believe/believed/believes',
    'trust/trusts/trusted',
    'cared/care/cares @any? about',
    "didn't/don't/doesn't/dont/didnt not? care",
    "will/they'll/theyll remember/stick/never/forget",
    'stick with them/him/her',
    'forever',
    'made/make/makes them/him/her/everyone @any? think/rethink/realize/realise/care/understand/want/feel',
    'helped/helps them/him/her remember/understand/see/get/learn/grasp',
    'internalized/internalised/internalize/internalise',
    'realize/realise/realizing/realising',
    "didn't/didnt/did not realize/realise/notice/know",
    'got/get/gets the idea/concept/point/hang/gist',
    'you/u could/can tell/see',
    'could/can tell',
    'meant @any* as',
    // Beliefs and intentions nobody saw: "kids think of failure as normal", "clearly planned the transition".
    'think/thinks/see/sees/view/views/regard/regards of? @any* as',
    'think/thinks/believe/believes/know/knows @any? @any? is/are/was/were/will',
    'clearly/obviously/evidently planned/wanted/intended/meant/knew/expected/hoped/designed',
    'having/have/has a blast',
    'having fun',
    'running on empty',
    'on cloud nine',
    'probably',
    'hanging on',
    'edge of their seats',
    'hit/hits them/him/her hard',
    'it/that/everything/things clicked',
    'click/clicked for them/him/her/everyone/the',
    'lightbulb/light-bulb',
  ].map((l) => compile('inference', l)),
  // Phrases where a listed word is ordinary vocabulary, not a judgement.
  ...[
    'good/great morning/afternoon/evening/night/luck',
    'happy birthday/holidays',
    'never mind',
    'as well as?',
    'line of best fit',
    'best fit',
    'best-fit',
    'present/past/future perfect',
    'perfect square/squares/cube/cubes/number/numbers/tense/pitch/fifth/fourth/fifths',
    'strong/weak and/or strong/weak @any?',
    'strong/weak/stronger/weaker magnet/magnets/acid/acids/base/bases/force/forces/wind/winds/bond/bonds/verb/verbs/beat/beats/electrolyte/interaction',
    'good/poor/bad/better/best conductor/conductors/insulator/insulators',
    'great lakes/britain/depression/wall/barrier/plains/war/gatsby/expectations/fire',
    'felt pen/pens/tip/tips/marker/markers/square/squares/sheet/sheets/board/boards/piece/pieces/fabric/puppet/puppets/tray/trays/mat/mats/strips/scraps/shapes/letters',
    'feel free',
    'productive struggle',
    'unlike denominators/fractions/terms/charges/poles/signs',
    'fun fact/facts',
    // The editor's own prediction prompt: "What would a student here know and be able to do?"
    'would know how? to?',
    'would be able to',
  ].map((l) => compile('exempt', l)),
  // Notes written in Spanish (shared/note-spanish.ts).
  ...Object.entries(SPANISH_RULES).flatMap(([why, lines]) => lines.map((l) => compile(why as Why, l))),
];

/** Rules by the words they can start with. */
const BY_FIRST = new Map<string, Rule[]>();
for (const rule of RULES) {
  const first = rule.slots[0];
  if (!first?.set || first.min !== 1 || first.not)
    throw new Error('note linter: a rule must start with a word');
  for (const w of first.set) BY_FIRST.set(w, [...(BY_FIRST.get(w) ?? []), rule]);
}

// ---------------------------------------------------------------------------------------------------------------
// The linter

interface Candidate {
  kind: FlagKind;
  why: Why | NameWhy;
  start: number;
  end: number;
  /** Token range, for the exemptions. */
  from: number;
  to: number;
}

export function lintNote(text: string, options: LintOptions = {}): NoteFlag[] {
  const tokens = tokenize(text);
  const candidates: Candidate[] = [];
  const exempt: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    for (const rule of BY_FIRST.get(t.key) ?? []) {
      if (rule.first && !t.sentenceStart) continue;
      const to = match(tokens, rule.slots, 0, i);
      if (to <= i) continue;
      const c: Candidate = {
        kind: rule.why === 'inference' ? 'inference' : 'evaluative',
        why: rule.why,
        start: t.start,
        end: tokens[to - 1]!.end,
        from: i,
        to,
      };
      (rule.why === 'exempt' ? exempt : candidates).push(c);
    }
  }

  const model = options.model === undefined ? NOTE_MODEL : options.model;
  const content = candidates.length > 0 || model ? contentOf(text, tokens, exempt) : [];
  const judgements: Candidate[] = [];
  for (const c of candidates) {
    if (exempt.some((e) => c.from >= e.from && c.to <= e.to)) continue;
    if (content.some(([qs, qe]) => c.start >= qs && c.end <= qe)) continue;
    const first = tokens[c.from]!;
    // "Well, …" opens a sentence without judging anything.
    if (first.key === 'well' && c.to - c.from === 1 && first.sentenceStart && text[first.end] === ',')
      continue;
    // "Loved the word wall!" opens with the writer's own feeling: an opinion, not a guess about students.
    if (c.kind === 'inference' && first.sentenceStart && SENTENCE_OPINIONS.has(first.key)) {
      c.kind = 'evaluative';
      c.why = 'opinion';
    }
    judgements.push(c);
  }
  const scorer = options.nameScorer === undefined ? NAME_SCORER : options.nameScorer;
  const contexts: string[] = [];
  const found = findNames(text, tokens, rosterTokens(options.names), scorer ? contexts : undefined);
  const kept = found.filter((c) => !scorer || keepsName(scorer, text, tokens, contexts, c));
  // A word the scorer doubts stays when its sentence keeps another name: "leyeron Renata, Itzíar y Oyelaran".
  const names = found.filter(
    (c) =>
      kept.includes(c) ||
      kept.some((k) => !/[.!?\n]/.test(text.slice(Math.min(k.end, c.end), Math.max(k.start, c.start)))),
  );
  // A sentence with a name waits for the name to go: the model never saw names, and reads one as unfamiliar wording.
  if (model) judgements.push(...modelJudgements(model, text, content, [...judgements, ...names]));
  return [...keepLongest(judgements), ...names]
    .sort((a, b) => a.start - b.start || (a.kind === 'name' ? 1 : 0) - (b.kind === 'name' ? 1 : 0))
    .map((c) => describe(c, text.slice(c.start, c.end), translator(options.language ?? 'en')));
}

const SENTENCE_OPINIONS = words('love loved liked enjoyed adored');

/** The model's judgement in each sentence where no phrase rule found one. */
function modelJudgements(
  model: JudgementModel,
  text: string,
  content: Array<[number, number]>,
  /** Rule judgements and names: a sentence with either is left to them. */
  found: Candidate[],
): Candidate[] {
  const out: Candidate[] = [];
  for (const sentence of modelSentences(text, content)) {
    const from = sentence[0]!.start;
    const to = sentence[sentence.length - 1]!.end;
    if (found.some((c) => c.start < to && c.end > from)) continue;
    const judged = judgeSentence(model, sentence);
    if (judged) {
      const why = judged.whole ? 'model-sentence' : 'model';
      out.push({ kind: judged.kind, why, start: judged.start, end: judged.end, from: -1, to: -1 });
    }
  }
  return out;
}

/** The end (exclusive token index) of the longest match of `slots[s…]` from token i, or -1. */
function match(tokens: Token[], slots: Slot[], s: number, i: number): number {
  if (s === slots.length) return i;
  const slot = slots[s]!;
  if (slot.not) {
    const next = tokens[i];
    return next?.joined && slot.set!.has(next.key) ? -1 : match(tokens, slots, s + 1, i);
  }
  let n = 0;
  while (n < slot.max) {
    const t = tokens[i + n];
    if (!t || (s + n > 0 && !t.joined) || (slot.set && !slot.set.has(t.key))) break;
    n++;
  }
  let best = -1;
  for (let k = n; k >= slot.min; k--) best = Math.max(best, match(tokens, slots, s + 1, i + k));
  return best;
}

/** Earliest first, then longest; drops any candidate overlapping one already kept. */
function keepLongest(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    const last = kept[kept.length - 1];
    if (!last || c.start >= last.end) kept.push(c);
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------------------------
// Content: words the writer records rather than says

/** Things that display words: what they read is content ("a poster reading Be kind", "the exit ticket asked …"). */
const DISPLAYS_EN = words(`
  poster posters sign signs chart charts slide slides board whiteboard banner rubric rubrics prompt prompts question
  questions ticket tickets card cards label labels title heading headline sheet worksheet handout screen page menu
  scale list caption sticker shirt t-shirt objective agenda wall note notes text passage book unit video song game
  frame frames starter starters stem stems`);
const DISPLAY_VERBS_EN = words(`
  read reads reading said says saying listed lists listing showed shows showing titled entitled called labeled
  labelled captioned asked asks asking stated states printed displayed displays included includes featured`);
const DISPLAYS = new Set([...DISPLAYS_EN, ...SPANISH_DISPLAYS]);
const DISPLAY_VERBS = new Set([...DISPLAY_VERBS_EN, ...SPANISH_DISPLAY_VERBS]);
/** Words that end displayed content: a new clause ("… and students …", "… y los alumnos …") or sentence punctuation. */
const CLAUSE_WORDS = words('while when because after before so which who but mientras cuando porque pero');
const CLAUSE_SUBJECTS = words(
  'the students kids they he she everyone i we most some a one two three several los las el la todos nadie varios',
);
const CLAUSE_AND = words('and but y pero');
const CLAUSE_END = /[.!?;\n]/;

/** Displayed content: after a display and its verb or a colon, up to the end of the clause. */
function displayedRanges(text: string, tokens: Token[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    const colon = text.slice(t.end, tokens[i + 1]!.start).includes(':');
    let opens = colon && DISPLAYS.has(t.key);
    if (!opens && (colon || DISPLAY_VERBS.has(t.key))) {
      for (let k = i - 1; k >= Math.max(0, i - 3) && !opens; k--) {
        if (CLAUSE_END.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start))) break;
        opens = DISPLAYS.has(tokens[k]!.key);
      }
    }
    if (!opens) continue;
    let j = i + 1;
    while (j < tokens.length) {
      const u = tokens[j]!;
      if (j > i + 1 && CLAUSE_END.test(text.slice(tokens[j - 1]!.end, u.start))) break;
      if (CLAUSE_WORDS.has(u.key)) break;
      if (CLAUSE_AND.has(u.key) && CLAUSE_SUBJECTS.has(tokens[j + 1]?.key ?? '')) break;
      j++;
    }
    if (j > i + 1) ranges.push([tokens[i + 1]!.start, tokens[j - 1]!.end]);
    i = j - 1;
  }
  return ranges;
}

/**
 * What the note records rather than says, sorted and merged: quotations, displayed content and phrases where a
 * judging word is subject vocabulary ("the Great Depression"). Rules and the model do not judge inside it.
 */
function contentOf(text: string, tokens: Token[], exempt: Candidate[]): Array<[number, number]> {
  const all = [
    ...quotedRanges(text),
    ...displayedRanges(text, tokens),
    ...exempt.map((e): [number, number] => [e.start, e.end]),
  ].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of all) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The content ranges of a text (see contentOf), for the model's training script. */
export function contentRanges(text: string): Array<[number, number]> {
  const tokens = tokenize(text);
  const exempt: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const rule of BY_FIRST.get(tokens[i]!.key) ?? []) {
      if (rule.why !== 'exempt') continue;
      const to = match(tokens, rule.slots, 0, i);
      if (to > i)
        exempt.push({
          kind: 'evaluative',
          why: 'exempt',
          start: tokens[i]!.start,
          end: tokens[to - 1]!.end,
          from: i,
          to,
        });
    }
  }
  return contentOf(text, tokens, exempt);
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/**
 * Closed quotations on one line: what someone in the room said is a record, not the writer's judgement, so
 * "A student said 'good point'" is not flagged for "good". Names inside quotes are still names.
 */
function quotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let open = -1;
  let closers = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      open = -1;
    } else if (open >= 0) {
      const single = ch === "'" || ch === '’';
      if (closers.includes(ch) && (!single || !isWordChar(text[i + 1]))) {
        ranges.push([open, i + 1]);
        open = -1;
      }
    } else if (ch === '"' || ch === '“' || ch === '„') {
      [open, closers] = [i, '"”“'];
    } else if (ch === '«') {
      [open, closers] = [i, '»'];
    } else if ((ch === "'" || ch === '‘') && !isWordChar(text[i - 1]) && isWordChar(text[i + 1])) {
      [open, closers] = [i, "'’"];
    }
  }
  return ranges;
}

/** A flag's message and suggestion, in the interface's language (shared/i18n, keys `lint.*`). */
function describe(c: Candidate, shown: string, t: Translate): NoteFlag {
  const lower = shown.toLowerCase();
  const words = { words: shown };
  const flag = (message: string, suggestion: string): NoteFlag => ({
    kind: c.kind,
    start: c.start,
    end: c.end,
    message,
    suggestion,
  });
  switch (c.why) {
    case 'title':
    case 'roster':
    case 'first-name':
      return flag(
        t('lint.name', words),
        t(
          c.why === 'title'
            ? 'lint.name.suggest-teacher'
            : c.why === 'first-name'
              ? 'lint.name.suggest-student'
              : 'lint.name.suggest-either',
        ),
      );
    case 'judgement':
      return flag(
        SETS.madeit!.has(lower)
          ? t('lint.judgment.made-it', { words: shown, lower })
          : t('lint.judgment', words),
        t('lint.judgment.suggest'),
      );
    case 'advice':
      return flag(t('lint.advice', words), t('lint.advice.suggest'));
    case 'opinion':
      return flag(t('lint.opinion', words), t('lint.opinion.suggest'));
    case 'generalisation':
      return flag(t('lint.generalization', words), t('lint.generalization.suggest'));
    case 'comparison':
      return flag(t('lint.comparison', words), t('lint.comparison.suggest'));
    case 'model-sentence':
      return c.kind === 'inference'
        ? flag(t('lint.sentence.guess'), t('lint.guess.suggest'))
        : flag(t('lint.sentence.judgment'), t('lint.said-or-done.suggest'));
    case 'model':
      return c.kind === 'inference'
        ? flag(t('lint.model.guess', words), t('lint.guess.suggest'))
        : flag(t('lint.model.judgment', words), t('lint.said-or-done.suggest'));
    default:
      return flag(t('lint.guess', words), t('lint.guess.suggest'));
  }
}
