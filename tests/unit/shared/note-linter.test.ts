/**
 * The note linter. The labelled set it is measured on is tests/fixtures/note-sentences.json: realistic sentences
 * from ten-minute classroom visits, written for this project before the linter's rules were tuned. Labelling rule,
 * applied in this order:
 *
 * 1. "name" — the sentence contains any person's name, given or family, with or without a title, real or fictional
 *    (a student, a teacher, an author, a character), whatever else it says. Names can never be saved.
 * 2. "evaluative" — the writer judges (praise, blame, advice, "I think", always/never, best/worst, comparison with
 *    other teachers, classes or times) or states an inner state they could not see (seemed confused, wanted to,
 *    enjoyed, understood). Inference counts as evaluative.
 * 3. "descriptive" — everything else: what people said and did, counts, times, materials, room layout, and visible
 *    behaviour such as smiling, laughing or heads on desks.
 *
 * Hard cases: words inside closed quotation marks are a record of what someone said, so quoted praise or advice
 * ('A student said "good point"', 'asked, "Should we show our work?"') is descriptive; reported speech without
 * quotation marks is the writer's wording ("A student said she was confused" is evaluative). Subject vocabulary is
 * descriptive ("good conductors", "line of best fit", "strong magnet", "present perfect"), but "should" as the topic
 * of a debate is still labelled descriptive even though the linter flags it. "Always" and "never" are evaluative
 * even when bounded by the visit. Names in the word stop list ("Grace", "Will") are labelled name even though the
 * linter, by design, flags them only where the context makes them a person (tests/unit/shared/note-names.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { blocksSave, type FlagKind, lintNote, type NoteFlag } from '../../../shared/note-linter';
import { heldOutSentences, loadNoteSentences, scoreCorpus, scoreLinter } from '../../bench/note-linter';
import { loadCorpus } from '../../support/note-corpus';

const spans = (text: string, flags: NoteFlag[]) =>
  flags.map((f) => ({ kind: f.kind, text: text.slice(f.start, f.end) }));
const lint = (text: string, names?: string[]) => spans(text, lintNote(text, { names }));
const only = (text: string, kind: FlagKind, names?: string[]) =>
  lint(text, names)
    .filter((f) => f.kind === kind)
    .map((f) => f.text);

describe('note linter', () => {
  it('when a note is low-inference evidence, then it has no flags', () => {
    expect(lintNote('Students turned to a partner and each explained one step.')).toEqual([]);
    expect(lintNote('The teacher waited about five seconds before calling on anyone.')).toEqual([]);
  });

  it("when a note has the handbook's judgements, then each is flagged with its kind and exact span", () => {
    expect(lint('Great engagement!')).toEqual([
      { kind: 'evaluative', text: 'Great' },
      { kind: 'evaluative', text: 'engagement' },
    ]);
    expect(lint('The teacher should have given more wait time.')).toEqual([
      { kind: 'evaluative', text: 'should have' },
    ]);
    expect(lint('I loved how the teacher used the timer.')).toEqual([
      { kind: 'evaluative', text: 'I loved' },
    ]);
    expect(lint('students seemed bored')).toEqual([{ kind: 'inference', text: 'seemed bored' }]);
    expect(lint('effective questioning')).toEqual([{ kind: 'evaluative', text: 'effective' }]);
  });

  it('when a word is flagged, then the message says why in plain words and a suggestion shows a rewrite', () => {
    const [great] = lintNote('Great engagement!');
    expect(great?.message).toBe("'Great' is a judgment. Describe what you saw that made it great.");
    expect(great?.suggestion).toBe('Students … (what they said or did)');
    for (const f of lintNote(
      'I think Ms Rivera should have waited; students seemed lost, unlike last time.',
    )) {
      expect(f.message.length).toBeGreaterThan(20);
      expect(f.suggestion).toBeTruthy();
    }
  });

  it('when praise names the teacher, then the praise and the name are flagged and the note cannot be saved', () => {
    const text = 'Great job, Ms Rivera!';
    const flags = lintNote(text);
    expect(spans(text, flags)).toEqual([
      { kind: 'evaluative', text: 'Great job' },
      { kind: 'name', text: 'Ms Rivera' },
    ]);
    expect(flags[1]?.message).toContain("Notes never name people: use 'the teacher' or 'a student'.");
    expect(blocksSave(flags)).toBe(true);
  });

  it('when a note has only evaluative or inference flags, then it does not block saving', () => {
    expect(blocksSave(lintNote('Great engagement! Students seemed bored at the end.'))).toBe(false);
    expect(blocksSave([])).toBe(false);
  });

  it('when advice, opinion, generalisation and comparison appear, then each is flagged as evaluative', () => {
    expect(only('The teacher could have used a timer and needs to circulate.', 'evaluative')).toEqual([
      'could have',
      'needs to',
    ]);
    expect(only('In my opinion the warm-up ran long. I think it worked.', 'evaluative')).toEqual([
      'In my opinion',
      'I think',
    ]);
    expect(only('She always waits; they never interrupt.', 'evaluative')).toEqual(['always', 'never']);
    expect(only('The discussion was better than last time.', 'evaluative')).toEqual(['better than']);
    expect(only('Compared to other classes, this group was quiet.', 'evaluative')).toEqual([
      'Compared to other classes',
    ]);
    expect(only('This was the best lesson.', 'evaluative')).toEqual(['best']);
  });

  it('when inner states are inferred, then they are flagged as inference', () => {
    expect(only('They were confused by the second question.', 'inference')).toEqual(['were confused']);
    expect(only('Students understood the task and wanted to keep going.', 'inference')).toEqual([
      'understood',
      'wanted to',
    ]);
    expect(only('The class enjoyed it; one boy was nervous.', 'inference')).toEqual([
      'enjoyed',
      'was nervous',
    ]);
    expect(only('Students appeared to enjoy the role play.', 'inference')).toEqual(['appeared to enjoy']);
    expect(only('A few students looked a bit lost.', 'inference')).toEqual(['looked a bit lost']);
  });

  it('when judgement words are inflected or capitalised, then they are still flagged', () => {
    expect(only('AMAZING charts. Effectively modelled. Ineffective video.', 'evaluative')).toEqual([
      'AMAZING',
      'Effectively',
      'Ineffective',
    ]);
    expect(only("The teacher shouldn't have rushed.", 'evaluative')).toEqual(["shouldn't have"]);
  });

  it('when a listed word is part of another word or ordinary vocabulary, then it is not flagged', () => {
    expect(lintNote('The teacher said goodbye to each student at the door.')).toEqual([]);
    expect(lintNote('Students drew the line of best fit through the points.')).toEqual([]);
    expect(lintNote('Students used a strong magnet; vinegar is a weak acid.')).toEqual([]);
    expect(lintNote('Students tested which metals are good conductors.')).toEqual([]);
    expect(lintNote('Students looked at the board; a diagram appeared on the screen.')).toEqual([]);
    expect(lintNote('The lesson focused on fractions and a student lost a pencil.')).toEqual([]);
  });

  it('when judgement words are inside quotation marks, then they are a record of speech and not flagged', () => {
    expect(lintNote("A student said 'good point' to her partner.")).toEqual([]);
    expect(lintNote('A student asked, "Should we show our work?"')).toEqual([]);
    expect(lintNote('The teacher wrote “Great thinking!” on the board.')).toEqual([]);
    // An unclosed quotation does not hide the rest of the note.
    expect(only('A student said "this is great', 'evaluative')).toEqual(['great']);
    // A name inside quotes is still a name.
    expect(only('The teacher said, "Thank you, Priya."', 'name')).toEqual(['Priya']);
  });

  it('when a note names people by title, then the title and the name are flagged together', () => {
    expect(
      only("Mr. O'Brien, Mrs Smith, Dr Chen, Miss Li, Mx Park and Señora Díaz met Ms Ana Rivera.", 'name'),
    ).toEqual(["Mr. O'Brien", 'Mrs Smith', 'Dr Chen', 'Miss Li', 'Mx Park', 'Señora Díaz', 'Ms Ana Rivera']);
    expect(only("Ms Rivera's class was so focused.", 'name')).toEqual(['Ms Rivera']);
  });

  it('when a common first name is capitalised, then it is flagged; a possessive stays outside the span', () => {
    expect(only('Priya explained her graph to the group.', 'name')).toEqual(['Priya']);
    expect(only("The teacher pointed to Layla's drawing and asked Kwame and Mohammed.", 'name')).toEqual([
      'Layla',
      'Kwame',
      'Mohammed',
    ]);
    expect(only('Sofia and Jose measured angles.', 'name')).toEqual(['Sofia', 'Jose']);
  });

  it('when a first name is also an everyday word, then it is flagged only where the context makes it a person', () => {
    // Names only: a question put to the teacher ("May they use calculators?") may read as advice (corpus rule).
    expect(
      only('Will the groups finish? May they use calculators? Grace period of one minute.', 'name'),
    ).toEqual([]);
    expect(only('Mark the answer, then Drew a line.', 'name')).toEqual([]);
    // "asked Grace" asks a person (this was ['Miss May'] when word names were flagged only after a title).
    expect(only('Miss May asked Grace to read.', 'name')).toEqual(['Miss May', 'Grace']);
    expect(only('Will read the instructions to Grace.', 'name', ['Will Carter', 'Grace Obi'])).toEqual([
      'Will',
      'Grace',
    ]);
  });

  it('when roster names are given, then each token is flagged where it appears, in any case, accents aside', () => {
    const roster = ['Ana Rivera', 'Zoltan Nemeth', 'José Ñúñez'];
    expect(only('Zoltan and Nemeth worked; Nunez and Jose joined. Rivera asked.', 'name', roster)).toEqual([
      'Zoltan',
      'Nemeth',
      'Nunez',
      'Jose',
      'Rivera',
    ]);
    expect(only('Ana Rivera modelled it.', 'name', roster)).toEqual(['Ana Rivera']);
    // A hurried writer's lower case still names the student (this was [] when the roster was case-sensitive).
    expect(only('zoltan wrote in lower case.', 'name', roster)).toEqual(['zoltan']);
    // A roster name that is an everyday word is a name in lower case only where it stands for a person.
    const words = ['Will Carter', 'Hope Ali'];
    expect(only('Students will read; we hope to see it.', 'name', words)).toEqual([]);
    expect(only('hope wrote the date; will and his partner read it.', 'name', words)).toEqual([
      'hope',
      'will',
    ]);
    // A roster name that only ends like an everyday word (-ist, -ers, -ing, -mente) or has an apostrophe is no word.
    const staff = ['Ingrid Lindqvist', 'Clemente Rogers', 'Hope Fielding', "Siobhan O'Brien"];
    expect(
      only(
        "Students compared answers with lindqvist; cards went to clemente, rogers and fielding. o'brien's group read.",
        'name',
        staff,
      ),
    ).toEqual(['lindqvist', 'clemente', 'rogers', 'fielding', "o'brien"]);
    // A plural the word lists hold still needs a context, like "will" and "hope".
    expect(only('Students wrote about summers at the lake.', 'name', ['Ada Summers'])).toEqual([]);
  });

  it('when emoji and accented letters come before a span, then offsets are UTF-16 offsets into the text', () => {
    const text =
      '🎉🧪 Café, niño, crème brûlée: señora said “hi”; students seemed confused, Señora Díaz said great!';
    const flags = lintNote(text);
    expect(spans(text, flags)).toEqual([
      { kind: 'inference', text: 'seemed confused' },
      { kind: 'name', text: 'Señora Díaz' },
      { kind: 'evaluative', text: 'great' },
    ]);
    expect(flags[0]?.start).toBe(text.indexOf('seemed'));
  });

  it('when a note has many flags, then they are sorted by start with no overlaps of the same kind', () => {
    const text =
      'I think the students were more focused than last time, clearly understood, and Ms Rivera should have ' +
      'waited. Great job! Priya seemed so excited; the lesson was really well-managed and engaging.';
    const flags = lintNote(text);
    for (let i = 1; i < flags.length; i++)
      expect(flags[i]!.start).toBeGreaterThanOrEqual(flags[i - 1]!.start);
    for (const kind of ['evaluative', 'inference', 'name'] as const) {
      const same = flags.filter((f) => f.kind === kind);
      for (let i = 1; i < same.length; i++) expect(same[i]!.start).toBeGreaterThanOrEqual(same[i - 1]!.end);
    }
    expect(flags.filter((f) => f.kind === 'name').map((f) => text.slice(f.start, f.end))).toEqual([
      'Ms Rivera',
      'Priya',
    ]);
  });

  it('when a 5,000-character note is linted, then it completes without error', () => {
    const sentence =
      'Students turned to a partner; Great job, Ms Rivera! "good point" they said, seemingly. ';
    const text = `🎉${sentence.repeat(Math.ceil(5000 / sentence.length))}`.slice(0, 5000);
    const flags = lintNote(text, { names: ['Ana Rivera'] });
    expect(flags.length).toBeGreaterThan(100);
    for (const f of flags) expect(f.end).toBeLessThanOrEqual(text.length);
    expect(() => lintNote('"\'“'.repeat(2000))).not.toThrow();
  });

  describe('on writing it was not written for', () => {
    it('when praise or blame comes as an idiom or a plain word of judgement, then the words are flagged', () => {
      expect(only('The warm-up was a total slam dunk.', 'evaluative')).toEqual(['slam dunk']);
      expect(only('Honestly the pacing dragged and the slides were cluttered.', 'evaluative')).toEqual([
        'Honestly',
        'cluttered',
      ]);
      expect(only('The partner chat was over way too quickly.', 'evaluative')).toEqual(['way too']);
      expect(only('That warm-up is a keeper.', 'evaluative')).toEqual(['is a keeper']);
      expect(only('The teacher nailed the transitions.', 'evaluative')).toEqual(['nailed']);
      expect(only('Exit slips: five minutes, big payoff.', 'evaluative')).toEqual(['payoff']);
    });

    it('when the writer hedges with maybe or perhaps, then the hedge is flagged as advice', () => {
      const rules = (text: string) => spans(text, lintNote(text, { model: null }));
      expect(rules('The directions needed a second pass, and then maybe a third.')).toEqual([
        { kind: 'evaluative', text: 'maybe' },
      ]);
      expect(rules('Perhaps the pairs could swap roles halfway.')).toEqual([
        { kind: 'evaluative', text: 'Perhaps' },
      ]);
      // Said by someone in the room, it is content.
      expect(lintNote('A student answered "maybe the second one" and pointed at the graph.')).toEqual([]);
    });

    it('when advice is addressed to the teacher, then it is flagged as advice with a rewrite towards evidence', () => {
      const [flag] = lintNote('Try giving the quiet table a role.');
      expect(flag).toMatchObject({ kind: 'evaluative', start: 0, end: 3 });
      expect(flag?.message).toContain('is advice');
      expect(flag?.suggestion).toBe('The teacher … ; then students … (what happened next)');
      expect(only('The routine could use a visual cue for the new kids.', 'evaluative')).toEqual([
        'could use',
      ]);
    });

    it('when a note guesses at minds or outcomes, then the guess is flagged as inference', () => {
      expect(only('The group in the corner had no idea what to do.', 'inference')).toEqual(['no idea']);
      expect(only('The kids were on cloud nine after the relay.', 'inference')).toEqual(['on cloud nine']);
      expect(only('Two boys tuned out during the video.', 'inference')).toEqual(['tuned out']);
      expect(
        spans(
          'The kids were hungry before lunch.',
          lintNote('The kids were hungry before lunch.', { model: null }),
        ),
      ).toEqual([{ kind: 'inference', text: 'were hungry' }]);
    });

    it('when judging words are displayed content, then they are not flagged', () => {
      expect(lintNote('The feelings chart showed happy, sad, angry and calm faces.')).toEqual([]);
      expect(lintNote('A sign on the door read Be kind, be brave.')).toEqual([]);
      expect(lintNote('The teacher read the rubric aloud: excellent, proficient, developing.')).toEqual([]);
      expect(lintNote('A student wrote "this lab was a waste of time" on the exit ticket.')).toEqual([]);
      expect(lintNote('The unit is on the Great Depression; students sorted strong and weak acids.')).toEqual(
        [],
      );
      // Content ends with its clause: what the writer adds after it is still judged.
      expect(only('The slide said Be brave and the kids were clearly nervous.', 'inference')).toEqual([
        'were clearly nervous',
      ]);
    });

    it('when no phrase rule fires, then the sentence model flags the words that weigh most, with a kind and a rewrite', () => {
      const text = 'Students wrote three sentences each. Most of them know more than they can say.';
      expect(lintNote(text, { model: null })).toEqual([]);
      const flags = lintNote(text);
      expect(spans(text, flags)).toEqual([{ kind: 'inference', text: 'know more than' }]);
      expect(flags[0]?.message).toBe(
        "'know more than' reads as a guess at what someone thought, felt or will remember. Describe what they said or did.",
      );
      expect(flags[0]?.suggestion).toBe('Students … (what they said or did that showed it)');
    });

    it('when the model judges a sentence but no words in it weigh much, then the whole sentence is the span', () => {
      const text =
        'Students wrote three sentences each. The timer routine was a shrewd choice for this group.';
      expect(lintNote(text, { model: null })).toEqual([]);
      const flags = lintNote(text);
      expect(spans(text, flags)).toEqual([
        { kind: 'evaluative', text: 'The timer routine was a shrewd choice for this group' },
      ]);
      expect(flags[0]?.message).toContain('This sentence reads as a judgment');
      expect(flags[0]?.suggestion).toBeTruthy();
    });
  });

  // Rules alone (no model), so each expectation is the Spanish phrase rules' own (shared/note-spanish.ts).
  describe('in Spanish', () => {
    const rules = (text: string) => spans(text, lintNote(text, { model: null }));
    it('when praise, blame or advice is written in Spanish, then it is flagged as evaluative', () => {
      expect(rules('La maestra se lució con las tiras de fracciones.')).toEqual([
        { kind: 'evaluative', text: 'se lució' },
      ]);
      expect(rules('La clase fue un desastre.')).toEqual([{ kind: 'evaluative', text: 'fue un desastre' }]);
      expect(rules('Excelente manejo del grupo.')).toEqual([{ kind: 'evaluative', text: 'Excelente' }]);
      expect(rules('Te sugiero empezar con un ejemplo resuelto.')).toEqual([
        { kind: 'evaluative', text: 'Te sugiero' },
      ]);
      expect(rules('La próxima vez convendría dar más tiempo.')).toEqual([
        { kind: 'evaluative', text: 'La próxima vez' },
        { kind: 'evaluative', text: 'convendría' },
      ]);
    });

    it('when a Spanish note guesses at minds, then the guess is flagged as inference', () => {
      expect(rules('Parece que no entendieron la consigna.')).toEqual([
        { kind: 'inference', text: 'Parece que' },
        { kind: 'inference', text: 'entendieron' },
      ]);
      expect(rules('Se nota que disfrutan la rutina.')).toEqual([
        { kind: 'inference', text: 'Se nota que' },
        { kind: 'inference', text: 'disfrutan' },
      ]);
      expect(rules('Los de la mesa 3 estaban perdidos.')).toEqual([
        { kind: 'inference', text: 'estaban perdidos' },
      ]);
      expect(rules('Les encantó el juego de memoria.')).toEqual([{ kind: 'inference', text: 'Les encantó' }]);
      expect(rules('Se les notaba cansados después del recreo.')).toEqual([
        { kind: 'inference', text: 'Se les notaba' },
      ]);
      // A state after an intensifier is a guess only where it can be said of a person.
      expect(rules('Los niños cantaron con entusiasmo; el lugar era muy seguro.')).toEqual([
        { kind: 'inference', text: 'con entusiasmo' },
      ]);
    });

    it('when a Spanish note judges by idiom, exclamation, superlative or the writer’s own conditional, then it is flagged', () => {
      const kinds = (text: string) => rules(text).map((f) => `${f.kind}:${f.text}`);
      expect(kinds('La lectura en voz alta se hizo eterna.')).toEqual(['evaluative:se hizo eterna']);
      expect(kinds('Plantear el debate con dos posturas se queda corto.')).toEqual([
        'evaluative:se queda corto',
      ]);
      expect(kinds('La docente se pasó un poco con el volumen.')).toEqual(['evaluative:se pasó un poco con']);
      expect(kinds('el kahoot ok pero nada del otro mundo')).toEqual(['evaluative:nada del otro mundo']);
      expect(kinds('5 cámaras de 23 es poquísimo')).toEqual(['evaluative:poquísimo']);
      expect(kinds('Vaya «discusión»: el profesor habló nueve minutos.')).toEqual(['evaluative:Vaya']);
      expect(kinds('Una joya de clase.')).toEqual(['evaluative:Una joya']);
      expect(kinds('Yo empezaría con el problema.')).toEqual(['evaluative:Yo empezaría']);
      expect(kinds('yo lo quitaría del muro')).toEqual(['evaluative:yo lo quitaría']);
      expect(kinds('yo que tú bajaría el metrónomo')).toEqual(['evaluative:yo que tú']);
      expect(kinds('Esperaba más preguntas abiertas.')).toEqual(['evaluative:Esperaba más']);
      expect(kinds('Sinceramente, el cierre llegó tarde.')).toEqual(['evaluative:Sinceramente']);
      expect(kinds('los chavales confían en la profe, se nota')).toEqual([
        'inference:confían',
        'inference:se nota',
      ]);
      expect(kinds('El docente tiene mucha mano izquierda con el grupo.')).toEqual([
        'evaluative:mano izquierda',
      ]);
      expect(kinds('la checklist de la cabina es oro puro')).toEqual(['evaluative:oro puro']);
      expect(kinds('10 min para la vasija no da ni para empezar')).toEqual(['evaluative:no da ni para']);
      expect(kinds('La clase de educación física estuvo de diez.')).toEqual(['evaluative:estuvo de diez']);
      expect(kinds('El instructor del taller es un crack.')).toEqual(['evaluative:un crack']);
      expect(kinds('Qué barbaridad: diez minutos copiando.')).toEqual(['evaluative:Qué barbaridad']);
      expect(kinds('Fue una gran decisión.')).toEqual(['evaluative:gran decisión']);
      expect(kinds('El ambiente es cálido y acogedor.')).toEqual([
        'evaluative:cálido',
        'evaluative:acogedor',
      ]);
      expect(kinds('Estuvo bacán la actividad.')).toEqual(['evaluative:bacán']);
      expect(kinds('Para la próxima, que expliquen el procedimiento.')).toEqual([
        'evaluative:Para la próxima',
      ]);
      expect(kinds('Me llevo la idea de las pizarras.')).toEqual(['evaluative:Me llevo la idea']);
      expect(kinds('La clase se le fue de las manos.')).toEqual(['evaluative:se le fue de las manos']);
      expect(kinds('Esa secuencia está para enmarcarla.')).toEqual(['evaluative:para enmarcarla']);
      expect(kinds('El alumno quería llamar la atención.')).toEqual(['inference:quería']);
      expect(kinds('El docente tenía en mente el examen.')).toEqual(['inference:tenía en mente']);
      expect(kinds('El grupo aprendió a balancear ecuaciones.')).toEqual(['inference:aprendió']);
      expect(kinds('El poema conmovió a varios estudiantes.')).toEqual(['inference:conmovió']);
      expect(kinds('Los de la mesa verde se distrajeron con las fichas.')).toEqual([
        'inference:se distrajeron',
      ]);
      // Plain uses of the same words are not flagged.
      expect(rules('En la pantalla se veía una diapositiva titulada «La fotosíntesis».')).toEqual([]);
      for (const text of [
        'La maestra se hizo a un lado.',
        'Yo anoté la hora.',
        'Se pasó la pelota en círculo.',
      ])
        expect(rules(text), text).toEqual([]);
    });

    it('when Spanish judging words are quoted, displayed or subject vocabulary, then they are not flagged', () => {
      expect(rules('La maestra escribió en la pizarra "Excelente trabajo" y "¡Muy bien!".')).toEqual([]);
      expect(rules('La unidad es sobre la Gran Depresión.')).toEqual([]);
      expect(rules('Buenos días, dijo el profe al entrar.')).toEqual([]);
      expect(rules('Un alumno perdió su lápiz y lo buscó debajo de la mesa.')).toEqual([]);
      expect(rules('El dibujo se parece a un volcán.')).toEqual([]);
      expect(rules('La maestra dio un ejemplo en la pizarra.')).toEqual([]);
      // A display and its verb make what follows content, up to a new clause.
      expect(rules('El cartel decía Sé amable y los alumnos estaban muy nerviosos.')).toEqual([
        { kind: 'inference', text: 'estaban muy nerviosos' },
      ]);
    });

    it('when a Spanish note judges the lesson by a state or generalises, then it is flagged as evaluative', () => {
      expect(rules('La transición fue muy ordenada.')).toEqual([
        { kind: 'evaluative', text: 'fue muy ordenada' },
      ]);
      expect(rules('Siempre llegan tarde.')).toEqual([{ kind: 'evaluative', text: 'Siempre' }]);
      expect(rules('Valió la pena el tiempo extra.')).toEqual([
        { kind: 'evaluative', text: 'Valió la pena' },
      ]);
      expect(rules('No quedó claro qué tenían que hacer.')).toEqual([
        { kind: 'evaluative', text: 'No quedó claro' },
      ]);
      expect(rules('Hubiera sido útil un ejemplo.')).toEqual([{ kind: 'evaluative', text: 'Hubiera sido' }]);
    });
  });

  // The model's prior is the corpus's share of judgements; on its own it must never flag a sentence.
  it('when a short plain sentence has words the model barely knows, then it is not flagged', () => {
    for (const text of [
      'Partners took turns explaining.',
      'Groups sorted the cards.',
      'Partners took turns reading.',
      'Tables swapped whiteboards twice.',
    ])
      expect(lintNote(text), text).toEqual([]);
    expect(only('The lesson fell flat.', 'evaluative')).toEqual(['fell flat']);
  });

  // Issue #15: the model's prior flagged plain description made of words it barely knows. These sentences were
  // written for this test (not from the corpus, and not used to choose anything); the linter of before flagged 3 of 10.
  it('when a plain sentence is made of words the model does not know, then it is not flagged', () => {
    for (const text of [
      'Pairs compared answers on mini whiteboards before the class vote.',
      'Students sanded the edges of their birdhouse panels with fine grit paper.',
      'The teacher tapped a triangle twice and the rows lined up at the sink.',
      'Each group dipped a thermometer into three beakers and logged the readings.',
      'Students stamped their initials into clay tiles with alphabet stamps.',
      'Two students unrolled a floor map of the watershed between the desks.',
      'The class copied the recipe for salt dough onto index cards.',
      'Students threaded beads onto pipe cleaners in groups of ten.',
      'A student wheeled the document camera cart to the front table.',
      'Students sorted seashells by size on felt trays.',
    ])
      expect(lintNote(text), text).toEqual([]);
  });

  // Issue #15: the model flagged plain sentences as a whole on the weight of one word too light to be a span, and in
  // Spanish made a span of a function word ("Se", "de que") or counted one as a whole sentence's evidence. Written
  // for this test, not from the corpus.
  it('when one light word or a Spanish function word is all that leans to judgement, then nothing is flagged', () => {
    for (const text of [
      'The aide carried the bins over to the children.',
      'Repasaron los verbos.',
      'Se lavaron las manos.',
      'Se formaron en fila.',
      'Todos aplaudieron.',
      'El grupo cantó la canción.',
      'Cada grupo presentó.',
    ])
      expect(lintNote(text), text).toEqual([]);
    // A Spanish sentence whose judgement is in its idiom, no word alone, is still flagged, as a whole.
    expect(lint('Lo de las pizarras fue otra cosa.')).toEqual([
      { kind: 'evaluative', text: 'Lo de las pizarras fue otra cosa' },
    ]);
  });

  it('when a sentence starts with a plain word for the class, then that word is no judgement or inference', () => {
    for (const text of [
      'Kids lined up at the door.',
      'Kids read for ten minutes.',
      'Kids sat in a circle on the rug.',
      'Kids shared answers with a partner.',
      'The kids wrote their names on the back.',
      'Children sorted the cards into two piles.',
      'The group counted the beads.',
      'Everyone lined up at the door.',
      'Los chicos leyeron en parejas.',
    ])
      expect(lintNote(text), text).toEqual([]);
    // What is said of the class still counts.
    expect(lintNote('The kids think mistakes are normal now.').map((f) => f.kind)).toEqual(['inference']);
    expect(lintNote('Kids think of failure as part of the job.').map((f) => f.kind)).toEqual(['inference']);
    expect(lintNote('Kids were so bored.').map((f) => f.kind)).toEqual(['inference']);
    expect(lintNote('The kids tuned out after five minutes.').map((f) => f.kind)).toEqual(['inference']);
    expect(lintNote('Kids had a blast.').map((f) => f.kind)).toEqual(['evaluative']);
  });

  it('when the class is named later in a sentence, then it is no judgement or inference either', () => {
    for (const text of [
      'A student repeated the question to the group.',
      'The teacher read the directions aloud to the kids.',
      'A student handed a glue stick to each group.',
    ])
      expect(lintNote(text), text).toEqual([]);
    expect(lintNote('The teacher talked and the group was bored.').map((f) => f.kind)).toEqual(['inference']);
  });

  it('when a note answers the prediction prompt in its own words, then the frame is no guess but judgements still are', () => {
    for (const text of [
      'A student here would be able to say which of the two goals they can already do.',
      'A student here would know how to check a partner’s answer with a number line.',
    ])
      expect(lintNote(text), text).toEqual([]);
    expect(lintNote('A student here would be able to finish, which is too easy.').map((f) => f.kind)).toEqual(
      ['evaluative'],
    );
    expect(lintNote('Students here would be bored by the third round.').map((f) => f.kind)).toEqual([
      'inference',
    ]);
  });

  describe('on the corpus dev split (English)', () => {
    const dev = loadCorpus('dev').filter((s) => s.lang === 'en');

    // Measured 0.99 / 0.98 on dev; the held-out split is reported by `npm run bench -- linter` and held at 0.9 below.
    it('when every sentence is linted, then judgement precision and recall are at least 0.97', () => {
      const scores = scoreCorpus(dev);
      expect(scores.evaluative.precision).toBeGreaterThanOrEqual(0.97);
      expect(scores.evaluative.recall).toBeGreaterThanOrEqual(0.97);
    });
  });

  // The held-out split is read here and by the bench only, to report; no rule, weight or threshold is tuned on it
  // (tests/fixtures/note-corpus/README.md). The floor is the first bar, 0.9; its goals are higher.
  describe('on the corpus held-out split (English)', () => {
    const heldOut = heldOutSentences().filter((s) => s.lang === 'en');

    it('when every sentence is linted, then judgement and name precision and recall are at least 0.9', () => {
      const scores = scoreCorpus(heldOut);
      expect(scores.evaluative.precision).toBeGreaterThanOrEqual(0.9);
      expect(scores.evaluative.recall).toBeGreaterThanOrEqual(0.9);
      expect(scores.name.precision).toBeGreaterThanOrEqual(0.9);
      expect(scores.name.recall).toBeGreaterThanOrEqual(0.9);
    });
  });

  // Issue #18's goal for Spanish: precision >= 0.9 and recall >= 0.85 over all flags (a name sentence is right only
  // with a name flag). Read as pass or fail, like the English floor above.
  describe('on the corpus held-out split (Spanish)', () => {
    const heldOut = heldOutSentences().filter((s) => s.lang === 'es');

    it('when every sentence is linted, then precision over all flags is at least 0.9 and recall at least 0.85', () => {
      const scores = scoreCorpus(heldOut);
      expect(scores.all.precision).toBeGreaterThanOrEqual(0.9);
      expect(scores.all.recall).toBeGreaterThanOrEqual(0.85);
    });
  });

  describe('on the labelled set', () => {
    const sentences = loadNoteSentences();

    it('when the set is loaded, then it has at least 300 sentences, about 40/40/20 by label', () => {
      expect(sentences.length).toBeGreaterThanOrEqual(300);
      const share = (label: string) => sentences.filter((s) => s.label === label).length / sentences.length;
      expect(share('descriptive')).toBeGreaterThan(0.35);
      expect(share('evaluative')).toBeGreaterThan(0.35);
      expect(share('name')).toBeGreaterThan(0.15);
      expect(new Set(sentences.map((s) => s.text)).size).toBe(sentences.length);
    });

    it('when every sentence is linted, then evaluative and name precision and recall are at least 0.9', () => {
      const scores = scoreLinter(sentences);
      expect(scores.evaluative.precision).toBeGreaterThanOrEqual(0.9);
      expect(scores.evaluative.recall).toBeGreaterThanOrEqual(0.9);
      expect(scores.name.precision).toBeGreaterThanOrEqual(0.9);
      expect(scores.name.recall).toBeGreaterThanOrEqual(0.9);
    });
  });
});
