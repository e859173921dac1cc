/**
 * Patterns of evidence for the school-wide picture: each theme is a family of low-inference words a note uses when it
 * describes what students or the teacher did. A note shows a theme when one of its words appears. Deliberately
 * simple and visible: coaches can read this list to know what the picture counts.
 */
export interface EvidenceTheme {
  id: string;
  label: string;
  words: RegExp;
}

const words = (list: string[]) => new RegExp(`\\b(?:${list.join('|')})\\b`, 'i');

export const EVIDENCE_THEMES: readonly EvidenceTheme[] = [
  {
    id: 'student-talk',
    label: 'Students explain, discuss or argue out loud',
    words: words([
      'explain(?:s|ed|ing)?',
      'discuss(?:es|ed|ing)?',
      'argu(?:e|es|ed|ing)',
      'said',
      'says',
      'told',
      'describ(?:e|es|ed|ing)',
      'talk(?:s|ed|ing)?',
      'shar(?:e|es|ed|ing)',
    ]),
  },
  {
    id: 'collaboration',
    label: 'Students work with a partner or a group',
    words: words([
      'partners?',
      'pairs?',
      'paired',
      'groups?',
      'together',
      'teams?',
      'each other',
      'peers?',
      'tables?',
    ]),
  },
  {
    id: 'questioning',
    label: 'Questions drive the work',
    words: words(['questions?', 'asked', 'asks', 'asking', 'wonder(?:s|ed|ing)?', 'why']),
  },
  {
    id: 'thinking-time',
    label: 'Time to think before answering',
    words: words([
      'wait(?:s|ed|ing)?',
      'paus(?:e|es|ed|ing)',
      'silen(?:ce|tly)',
      'seconds',
      'think time',
      'thinking time',
    ]),
  },
  {
    id: 'writing',
    label: 'Students write or draw to think',
    words: words([
      'wr(?:ite|ites|ote|iting|itten)',
      'notebooks?',
      'jott(?:ed|ing)',
      'sticky notes?',
      'whiteboards?',
      'dr(?:aw|ew|awing|awn)',
      'sketch(?:ed|es|ing)?',
    ]),
  },
  {
    id: 'evidence-use',
    label: 'Students point to evidence, data or the text',
    words: words([
      'evidence',
      'data',
      'texts?',
      'quot(?:e|es|ed|ing)',
      'sources?',
      'graphs?',
      'charts?',
      'cit(?:e|es|ed|ing)',
    ]),
  },
  {
    id: 'feedback',
    label: 'Feedback and revision',
    words: words([
      'feedback',
      'revis(?:e|es|ed|ing)',
      'correct(?:s|ed|ing)',
      'check(?:s|ed|ing)',
      'compar(?:e|es|ed|ing)',
    ]),
  },
  {
    id: 'routines',
    label: 'Clear routines, cues and frames',
    words: words([
      'timers?',
      'routines?',
      'signals?',
      'cues?',
      'count(?:s|ed)? down',
      'sentence frames?',
      'frames?',
      'steps?',
    ]),
  },
  {
    id: 'movement',
    label: 'Students move around the room',
    words: words([
      'st(?:and|ood|anding)',
      'walk(?:s|ed|ing)?',
      'mov(?:e|es|ed|ing)',
      'stations?',
      'rotat(?:e|es|ed|ing)',
      'gallery',
    ]),
  },
];

/** The themes a note's text shows, by id. */
export function themesOf(text: string): string[] {
  return EVIDENCE_THEMES.filter((t) => t.words.test(text)).map((t) => t.id);
}
