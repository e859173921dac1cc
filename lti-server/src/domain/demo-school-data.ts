import type { NotePrompt } from '../../../shared/notes';
import type { StrategyData } from '../../../shared/strategy';

/**
 * The demo school's content: a month in the life of a school that uses Tasting Menu. Everything here is invented.
 * People are referred to by their place in the staff list the seeder is given (the sandbox LMS's roster): `0`, `1`,
 * `2` are the teachers with launch buttons, the rest are colleagues on the roster only, and `'coach'` is the coach.
 * Notes are low-inference and name nobody (the integration test lints every one with the roster's names).
 */
export type DemoPerson = number | 'coach';

export interface DemoStrategy {
  key: string;
  by: DemoPerson;
  /** How many days before the seed the strategy was added. */
  daysAgo: number;
  /** Where the coach left it: pending ones wait in the review queue. */
  status: 'pending' | 'approved' | 'featured';
  data: Omit<StrategyData, 'clientId'>;
}

const s = (
  key: string,
  by: DemoPerson,
  daysAgo: number,
  status: DemoStrategy['status'],
  data: Omit<StrategyData, 'clientId' | 'sourceUrl' | 'sourceTitle' | 'excerptHtml'> &
    Partial<Pick<StrategyData, 'sourceUrl' | 'sourceTitle'>>,
): DemoStrategy => ({ key, by, daysAgo, status, data });

export const DEMO_STRATEGIES: DemoStrategy[] = [
  s('tps-data-card', 0, 34, 'featured', {
    title: 'Think–Pair–Share with a data card',
    purpose: 'Every student talks about evidence before the lesson starts.',
    steps: [
      'Project one small graph or table as students walk in.',
      'Think (2 minutes): each student writes one thing they notice and one thing they wonder.',
      'Pair (4 minutes): partners compare and choose the observation with the strongest evidence.',
      'Share (4 minutes): three pairs share; the class sorts claims into "the data shows" and "we wonder".',
    ],
    minutes: 10,
    subject: 'Science',
    gradeBand: '6-8',
    tags: ['discussion', 'warm-up', 'data'],
  }),
  s('traffic-light', 0, 30, 'approved', {
    title: 'Traffic-light exit ticket',
    purpose: 'Students rate each learning goal and say why, in five minutes.',
    steps: [
      'Show the two learning goals of the day.',
      'Students choose green, amber or red for each goal and write one reason on a sticky note.',
      'They post the notes by the door; sort them before tomorrow’s warm-up.',
    ],
    minutes: 5,
    subject: 'Any',
    gradeBand: 'Any',
    tags: ['assessment', 'exit ticket'],
  }),
  s('sentence-frames', 1, 33, 'approved', {
    title: 'Sentence frames for academic talk',
    purpose: 'Three frames help every student join a small-group discussion.',
    steps: [
      'Hand out a card with three frames: "I agree with … because …", "I’d like to add …", "Where in the text …?".',
      'In groups of four, each student uses each frame once during a ten-minute discussion.',
      'Students tick each frame as they use it; collect the cards at the end.',
    ],
    minutes: 10,
    subject: 'English',
    gradeBand: '9-12',
    tags: ['discussion', 'language support'],
  }),
  s('sentence-frames-dup', 6, 3, 'pending', {
    title: 'Academic talk sentence frames',
    purpose: 'Frames on a card so quieter students can join the discussion.',
    steps: [
      'Give each table a card of sentence frames.',
      'Each student uses two frames during the discussion.',
      'Ask two students which frame helped them most.',
    ],
    minutes: 8,
    subject: 'English',
    gradeBand: '6-8',
    tags: ['discussion'],
  }),
  s('number-talk', 2, 32, 'approved', {
    title: 'Number talk: how many ways?',
    purpose: 'Students share several strategies for one mental calculation.',
    steps: [
      'Write one problem on the board, such as 18 × 5.',
      'Students solve it mentally and show a thumb when they have one way, a finger for each further way.',
      'Record three or four strategies side by side, in the students’ words.',
    ],
    minutes: 10,
    subject: 'Math',
    gradeBand: '3-5',
    tags: ['discussion', 'warm-up', 'mental math'],
  }),
  s('wait-time', 2, 29, 'approved', {
    title: 'Wait time with a visible timer',
    purpose: 'Give everyone time to think before anyone answers.',
    steps: [
      'Ask the question, then start a five-second timer on the board.',
      'Hands stay down until the timer ends; students jot a word or two.',
      'Call on two students, then ask a third to build on what they said.',
    ],
    minutes: 5,
    subject: 'Any',
    gradeBand: 'Any',
    tags: ['questioning', 'thinking time'],
  }),
  s('gallery-walk', 3, 28, 'approved', {
    title: 'Silent gallery walk',
    purpose: 'Groups read each other’s work and leave one question each.',
    steps: [
      'Post each group’s poster around the room.',
      'Groups rotate every two minutes and leave one sticky-note question per poster.',
      'Back at their own poster, groups answer the questions they received.',
    ],
    minutes: 10,
    subject: 'History',
    gradeBand: '6-8',
    tags: ['collaboration', 'questioning'],
  }),
  s('source-sourcing', 3, 21, 'approved', {
    title: 'Who wrote this? Sourcing a document in three questions',
    purpose: 'Students check author, date and purpose before reading a source.',
    steps: [
      'Show one primary source with its caption.',
      'Partners answer: who made it, when, and why?',
      'Two pairs share how their answers change the way they read the source.',
    ],
    minutes: 8,
    subject: 'History',
    gradeBand: '9-12',
    tags: ['reading', 'discussion'],
  }),
  s('mistake-of-the-day', 4, 27, 'approved', {
    title: 'My favorite mistake',
    purpose: 'The class studies one anonymous wrong answer and finds what was right about it.',
    steps: [
      'Choose one anonymous wrong answer from yesterday’s exit tickets.',
      'Partners find one correct step in it and the step where it went wrong.',
      'Rewrite the answer together on the board.',
    ],
    minutes: 10,
    subject: 'Math',
    gradeBand: '6-8',
    tags: ['assessment', 'discussion'],
  }),
  s('retrieval-grid', 4, 24, 'approved', {
    title: 'Retrieval practice grid',
    purpose: 'A low-stakes quiz mixing last lesson, last week and last month.',
    steps: [
      'Show a grid of six short questions, colored by how long ago the topic was taught.',
      'Students answer from memory for five minutes, no notes.',
      'Partners check answers with each other using the notebook.',
    ],
    minutes: 8,
    subject: 'Science',
    gradeBand: '9-12',
    tags: ['warm-up', 'assessment', 'memory'],
  }),
  s('turn-and-talk', 5, 26, 'approved', {
    title: 'Turn and talk with a partner job',
    purpose: 'Short partner talk where one speaks and one restates.',
    steps: [
      'Name partner A and partner B.',
      'A explains for one minute; B restates what A said, starting "You said…".',
      'Swap roles with a new question.',
    ],
    minutes: 5,
    subject: 'Any',
    gradeBand: 'K-2',
    tags: ['discussion', 'collaboration'],
  }),
  s('phonics-chant', 5, 20, 'approved', {
    title: 'Sound wall chant',
    purpose: 'A daily chant that links each sound to a mouth shape and a picture.',
    steps: [
      'Point to three cards on the sound wall.',
      'Students say the sound, show the mouth shape with a mirror, and name the picture.',
      'Students sort three picture cards by their first sound with a partner.',
    ],
    minutes: 7,
    subject: 'Reading',
    gradeBand: 'K-2',
    tags: ['reading', 'warm-up'],
  }),
  s('jigsaw-lite', 7, 25, 'approved', {
    title: 'Jigsaw in ten minutes',
    purpose: 'Each student becomes the expert on one short paragraph and teaches it.',
    steps: [
      'Split a short text into four paragraphs; give each table member one.',
      'Read alone for three minutes and underline one key idea.',
      'Each expert teaches their idea to the table in one minute.',
    ],
    minutes: 10,
    subject: 'Social Studies',
    gradeBand: '6-8',
    tags: ['collaboration', 'reading'],
  }),
  s('claim-evidence', 7, 19, 'approved', {
    title: 'Claim, evidence, reasoning on a half sheet',
    purpose: 'Students write a short scientific argument from one experiment.',
    steps: [
      'Show the result of the day’s experiment.',
      'Students write one claim, two pieces of evidence and one "because" sentence.',
      'Partners swap sheets and underline the evidence.',
    ],
    minutes: 10,
    subject: 'Science',
    gradeBand: '6-8',
    tags: ['writing', 'data'],
  }),
  s('four-corners', 8, 23, 'approved', {
    title: 'Four corners debate',
    purpose: 'Students move to show their position and argue with evidence.',
    steps: [
      'Read a statement; corners are "strongly agree" to "strongly disagree".',
      'Students move and talk with their corner for two minutes.',
      'Each corner shares one reason; anyone may move after hearing the others.',
    ],
    minutes: 10,
    subject: 'English',
    gradeBand: '6-8',
    tags: ['discussion', 'movement'],
  }),
  s('vocab-frayer', 8, 16, 'approved', {
    title: 'Frayer model in pairs',
    purpose: 'Pairs build one key word’s definition, examples and non-examples.',
    steps: [
      'Give each pair a four-box sheet with one key word in the middle.',
      'Pairs fill definition, characteristics, examples and non-examples.',
      'Two pairs compare their non-examples.',
    ],
    minutes: 10,
    subject: 'World Languages',
    gradeBand: '9-12',
    tags: ['vocabulary', 'collaboration'],
  }),
  s('estimation-180', 9, 22, 'approved', {
    title: 'Estimation warm-up',
    purpose: 'Students estimate, justify a range, then see the answer.',
    steps: [
      'Show a picture (a jar of beans, a stack of cups).',
      'Students write a too-low, too-high and best estimate.',
      'Reveal the answer; two students explain their reasoning.',
    ],
    minutes: 6,
    subject: 'Math',
    gradeBand: '3-5',
    tags: ['warm-up', 'mental math'],
  }),
  s('quick-sketch', 9, 15, 'approved', {
    title: 'Sketch to stretch',
    purpose: 'Students draw what a passage means to them, then explain the drawing.',
    steps: [
      'Read a short passage aloud.',
      'Students sketch the idea in three minutes; no words allowed.',
      'Partners explain their sketches to each other.',
    ],
    minutes: 8,
    subject: 'Art',
    gradeBand: '3-5',
    tags: ['reading', 'discussion'],
  }),
  s('rhythm-echo', 10, 18, 'approved', {
    title: 'Call-and-response rhythm echo',
    purpose: 'A focusing routine: the class echoes rhythms of growing length.',
    steps: [
      'Clap a four-beat rhythm; the class echoes.',
      'Add one beat each round; a student leads the last round.',
      'Ask which rhythm was hardest and why.',
    ],
    minutes: 5,
    subject: 'Music',
    gradeBand: 'K-2',
    tags: ['warm-up', 'movement'],
  }),
  s('peer-feedback', 10, 12, 'approved', {
    title: 'Two stars and a wish peer feedback',
    purpose: 'Structured feedback on a draft in ten minutes.',
    steps: [
      'Partners swap drafts and read silently.',
      'Each writes two specific strengths and one question on a slip.',
      'Authors read the slips and mark one change they will make.',
    ],
    minutes: 10,
    subject: 'English',
    gradeBand: '6-8',
    tags: ['feedback', 'writing'],
  }),
  s('skill-stations', 11, 17, 'approved', {
    title: 'Skill stations with peer coaches',
    purpose: 'Small groups rotate through short skill stations led by a student.',
    steps: [
      'Set up three stations, each with a task card.',
      'One student per station reads the card and demonstrates.',
      'Groups rotate every three minutes.',
    ],
    minutes: 10,
    subject: 'Physical Education',
    gradeBand: '3-5',
    tags: ['collaboration', 'movement'],
  }),
  s('whiteboards', 11, 10, 'approved', {
    title: 'Mini whiteboards: show me',
    purpose: 'Every student answers at once, so the teacher sees the whole class.',
    steps: [
      'Ask one question with a short answer.',
      'Students write and hold up their boards on "show me".',
      'Pick two different answers and ask their writers to explain.',
    ],
    minutes: 5,
    subject: 'Any',
    gradeBand: 'Any',
    tags: ['assessment', 'questioning'],
  }),
  s('question-formulation', 'coach', 31, 'approved', {
    title: 'Question formulation in three rounds',
    purpose: 'Students produce, improve and choose their own questions.',
    steps: [
      'Show one question focus: an image or a short statement.',
      'Groups write as many questions as they can, without discussing them.',
      'They change one closed question to an open one and pick their top two.',
    ],
    minutes: 10,
    subject: 'Any',
    gradeBand: 'Any',
    tags: ['questioning', 'collaboration'],
  }),
  s('cold-call-warm', 1, 14, 'approved', {
    title: 'Warm call after partner talk',
    purpose: 'Students rehearse with a partner before the teacher calls on them.',
    steps: [
      'Ask the question and give one minute of partner talk.',
      'Tell two pairs you will ask them to share.',
      'Call on those students; ask the class to add to their answers.',
    ],
    minutes: 5,
    subject: 'Any',
    gradeBand: '6-8',
    tags: ['questioning', 'discussion'],
  }),
  s('lab-safety-check', 2, 9, 'approved', {
    title: 'Lab safety spot-the-hazard',
    purpose: 'Pairs find hazards in a photo before a lab begins.',
    steps: [
      'Show a photo of a lab bench with five hazards.',
      'Pairs circle hazards on a printed copy in three minutes.',
      'Pairs share one hazard each and the rule that fixes it.',
    ],
    minutes: 6,
    subject: 'Science',
    gradeBand: '9-12',
    tags: ['collaboration', 'safety'],
  }),
  s('map-notice', 6, 8, 'approved', {
    title: 'Notice and wonder with a map',
    purpose: 'Students read a map closely before a history lesson.',
    steps: [
      'Project one historical map without its title.',
      'Students list three things they notice and one they wonder.',
      'Reveal the title; students check which wonders it answers.',
    ],
    minutes: 7,
    subject: 'History',
    gradeBand: '6-8',
    tags: ['warm-up', 'questioning'],
  }),
  s('conversation-cards', 6, 6, 'approved', {
    title: 'Conversation cards for speaking practice',
    purpose: 'Partners hold a short conversation in the target language with prompt cards.',
    steps: [
      'Give each pair a deck of five prompt cards.',
      'Partners take turns asking and answering, one card each.',
      'They switch partners after three cards.',
    ],
    minutes: 10,
    subject: 'World Languages',
    gradeBand: '6-8',
    tags: ['discussion', 'vocabulary'],
  }),
  s('reading-roles', 3, 4, 'pending', {
    title: 'Reading roles for small groups',
    purpose: 'Each member of a reading group has a job: summarizer, questioner, word finder, connector.',
    steps: [
      'Give each group four role cards.',
      'Read one page; each member does their job.',
      'Rotate roles on the next page.',
    ],
    minutes: 10,
    subject: 'Reading',
    gradeBand: '3-5',
    tags: ['reading', 'collaboration'],
  }),
  s('fraction-line', 9, 2, 'pending', {
    title: 'Human number line for fractions',
    purpose: 'Students hold fraction cards and order themselves on a line.',
    steps: [
      'Hand out cards with fractions and decimals.',
      'Students place themselves on a rope from 0 to 1 without talking.',
      'The class checks the order and discusses one disagreement.',
    ],
    minutes: 8,
    subject: 'Math',
    gradeBand: '3-5',
    tags: ['movement', 'mental math'],
  }),
  s('one-word-summary', 8, 1, 'pending', {
    title: 'One-word summary',
    purpose: 'Students choose one word for the lesson and defend it in a sentence.',
    steps: [
      'Ask students to write one word that sums up the lesson.',
      'They add one sentence saying why.',
      'Read five aloud; the class groups similar words.',
    ],
    minutes: 5,
    subject: 'Any',
    gradeBand: '9-12',
    tags: ['exit ticket', 'writing'],
  }),
];

/**
 * A past sampling visit: the host opened a door for one of their strategies; visitors came and wrote notes. `day` is
 * how many school days before the seed (1 = the last school day); `start` is the local time in the school's zone.
 * A visitor without a note leaves one to write (the first teacher's yesterday visit: the screenshots write it).
 */
export interface DemoVisit {
  strategy: string;
  day: number;
  start: string;
  room: string;
  visitors: Array<{ who: number; note?: { prompt: NotePrompt; text: string } }>;
}

export const DEMO_PAST_VISITS: DemoVisit[] = [
  {
    strategy: 'tps-data-card',
    day: 6,
    start: '09:10',
    room: 'Room 12',
    visitors: [
      {
        who: 1,
        note: {
          prompt: 'students',
          text: 'Students turned to a partner and each explained one thing they noticed on the graph.',
        },
      },
      {
        who: 3,
        note: {
          prompt: 'teacher',
          text: 'The teacher asked "What in the data makes you say that?" to four different pairs.',
        },
      },
      {
        who: 4,
        note: {
          prompt: 'students',
          text: 'Three pairs shared; students pointed at the axis labels while they talked.',
        },
      },
    ],
  },
  {
    strategy: 'traffic-light',
    day: 4,
    start: '14:40',
    room: 'Room 12',
    visitors: [
      {
        who: 2,
        note: {
          prompt: 'students',
          text: 'Every student wrote one reason on a sticky note and posted it by the door.',
        },
      },
      {
        who: 5,
        note: {
          prompt: 'prediction',
          text: 'A student here would be able to say which of the two goals they can already do.',
        },
      },
    ],
  },
  {
    strategy: 'sentence-frames',
    day: 5,
    start: '10:20',
    room: 'Room 31',
    visitors: [
      {
        who: 0,
        note: {
          prompt: 'students',
          text: 'In a group of four, each student used "I’d like to add…" at least once.',
        },
      },
      {
        who: 6,
        note: {
          prompt: 'students',
          text: 'Students ticked each frame on their card as they used it during the discussion.',
        },
      },
      {
        who: 7,
        note: {
          prompt: 'teacher',
          text: 'The teacher waited about ten seconds after each question before taking answers.',
        },
      },
    ],
  },
  {
    strategy: 'cold-call-warm',
    day: 2,
    start: '11:05',
    room: 'Room 31',
    visitors: [
      {
        who: 2,
        note: {
          prompt: 'students',
          text: 'After one minute of partner talk, two pairs shared and a third student added an example.',
        },
      },
      {
        who: 8,
        note: {
          prompt: 'teacher',
          text: 'The teacher told two pairs they would share, then asked the class to build on their answers.',
        },
      },
    ],
  },
  {
    strategy: 'number-talk',
    day: 5,
    start: '13:15',
    room: 'Room 8',
    visitors: [
      {
        who: 0,
        note: {
          prompt: 'students',
          text: 'Students showed fingers for each way they found; four strategies went on the board.',
        },
      },
      {
        who: 9,
        note: {
          prompt: 'teacher',
          text: 'The teacher wrote each strategy in the student’s own words and asked why it works.',
        },
      },
      {
        who: 10,
        note: {
          prompt: 'students',
          text: 'Two students explained how doubling and halving gave the same answer.',
        },
      },
    ],
  },
  {
    strategy: 'wait-time',
    day: 3,
    start: '09:40',
    room: 'Room 8',
    visitors: [
      {
        who: 1,
        note: {
          prompt: 'students',
          text: 'Hands stayed down for the five seconds; most students wrote a word before answering.',
        },
      },
      {
        who: 11,
        note: {
          prompt: 'teacher',
          text: 'The teacher asked a third student to add to what the first two said.',
        },
      },
    ],
  },
  {
    strategy: 'gallery-walk',
    day: 4,
    start: '10:00',
    room: 'Room 22',
    visitors: [
      {
        who: 0,
        note: {
          prompt: 'students',
          text: 'Groups rotated every two minutes and left one question on each poster.',
        },
      },
      {
        who: 2,
        note: {
          prompt: 'students',
          text: 'Back at their own poster, groups discussed the questions they received and wrote answers.',
        },
      },
    ],
  },
  {
    strategy: 'turn-and-talk',
    day: 3,
    start: '13:30',
    room: 'Room 4',
    visitors: [
      {
        who: 1,
        note: {
          prompt: 'students',
          text: 'Partner B restated partner A, starting with "You said…", then they swapped roles.',
        },
      },
      {
        who: 7,
        note: {
          prompt: 'prediction',
          text: 'A student here would know how to repeat back what a partner said before adding to it.',
        },
      },
    ],
  },
  {
    strategy: 'four-corners',
    day: 1,
    start: '10:30',
    room: 'Room 27',
    visitors: [
      {
        who: 1,
        note: {
          prompt: 'students',
          text: 'Students moved to a corner and discussed their reasons in groups of four or five.',
        },
      },
      // The first teacher's most recent visit, with the note still to write.
      { who: 0 },
    ],
  },
];

/** Tries with a reflection shared with the contributor ("I tried it"). */
export const DEMO_TRIES: Array<{ who: number; strategy: string; reflection: string | null }> = [
  {
    who: 1,
    strategy: 'tps-data-card',
    reflection: 'Used it with a rainfall graph: the wonders list became our lab questions.',
  },
  {
    who: 2,
    strategy: 'tps-data-card',
    reflection: 'Worked with a table of results too; I gave pairs one more minute.',
  },
  { who: 4, strategy: 'tps-data-card', reflection: null },
  {
    who: 0,
    strategy: 'number-talk',
    reflection: 'Tried it with a unit conversion in science. Students found three ways.',
  },
  {
    who: 0,
    strategy: 'sentence-frames',
    reflection: 'Printed the frames on the back of our lab sheet; used in the post-lab talk.',
  },
  { who: 5, strategy: 'traffic-light', reflection: 'My fifth graders loved choosing the colors.' },
  { who: 2, strategy: 'gallery-walk', reflection: null },
  {
    who: 1,
    strategy: 'wait-time',
    reflection: 'The timer on the board helped me wait too. More hands went up after it.',
  },
];

/** The finished round: planned by the coach, visited two school days ago, debriefed. */
export const DEMO_ROUND = {
  title: 'Student talk round',
  focus: { kind: 'problem' as const, value: 'How do we get every student talking about their thinking?' },
  day: 2,
  start: '08:00',
  slotMinutes: 10,
  gapMinutes: 5,
  lookFor: 'What do students say when they build on an idea?',
  /** Participants and hosts, by place in the staff list (hosts are also participants). */
  participants: [0, 1, 2, 3, 4, 5, 6, 7],
  hosts: [0, 1, 2, 3],
  /** Each participant writes one note about each of their first visits (the planner's rotation decides where). */
  notes: [
    'Students explained a partner’s idea back to them before adding their own.',
    'Groups of three discussed one question; each student spoke at least twice.',
    'The teacher asked "Who can add to that?" and a second student continued the answer.',
    'Students used a sentence starter card when they talked with their table.',
    'In pairs, students compared answers on mini whiteboards and explained one difference.',
    'After a pause of several seconds, five students raised a hand to answer.',
    'Students asked each other "Why do you think so?" during table talk.',
    'Partners took turns: one explained a step, the other wrote it down.',
  ],
  patterns: [
    { name: 'Students build on each other’s words', cards: [0, 2, 3, 6] },
    { name: 'Structures give every student a turn', cards: [1, 4, 5, 7] },
  ],
  prediction:
    'A student here would know how to add to a classmate’s idea and would expect to explain their reasoning out loud.',
  nextLevel:
    'Try a "build on" move in every warm-up next month, and sample one colleague’s discussion strategy before the next round.',
};

/** This week's open doors, by school day from today (0 = today) and local time. */
export const DEMO_WEEK_DOORS: Array<{
  strategy: string;
  day: number;
  start: string;
  minutes: number;
  room: string;
  capacity: number;
  lookFor: string | null;
  bookedBy: number[];
}> = [
  {
    strategy: 'whiteboards',
    day: 1,
    start: '09:00',
    minutes: 15,
    room: 'Room 15',
    capacity: 4,
    lookFor: 'How many different answers do you see on the boards?',
    bookedBy: [1],
  },
  {
    strategy: 'estimation-180',
    day: 1,
    start: '13:20',
    minutes: 10,
    room: 'Room 9',
    capacity: 3,
    lookFor: null,
    bookedBy: [0, 2],
  },
  {
    strategy: 'retrieval-grid',
    day: 2,
    start: '10:40',
    minutes: 15,
    room: 'Lab 2',
    capacity: 4,
    lookFor: 'What do students do when they cannot remember an answer?',
    bookedBy: [],
  },
  {
    strategy: 'peer-feedback',
    day: 3,
    start: '11:15',
    minutes: 15,
    room: 'Room 18',
    capacity: 2,
    lookFor: 'What do authors change after reading the slips?',
    bookedBy: [0, 1],
  },
  {
    strategy: 'tps-data-card',
    day: 3,
    start: '09:10',
    minutes: 15,
    room: 'Room 12',
    capacity: 4,
    lookFor: 'Listen for students pointing at the data when they speak.',
    bookedBy: [2],
  },
  {
    strategy: 'claim-evidence',
    day: 4,
    start: '14:00',
    minutes: 15,
    room: 'Lab 1',
    capacity: 4,
    lookFor: null,
    bookedBy: [],
  },
  {
    strategy: 'jigsaw-lite',
    day: 5,
    start: '10:00',
    minutes: 15,
    room: 'Room 25',
    capacity: 4,
    lookFor: 'How do experts explain their paragraph?',
    bookedBy: [1],
  },
];

/** The door happening now and the one starting in two minutes (at the seed's own time, whatever the hour). */
export const DEMO_NOW_DOORS = {
  now: {
    strategy: 'conversation-cards',
    startedMinutesAgo: 10,
    minutes: 45,
    room: 'Room 20',
    bookedBy: [0],
  },
  soon: { strategy: 'number-talk', startsInMinutes: 2, minutes: 15, room: 'Room 8', bookedBy: [1] },
};
