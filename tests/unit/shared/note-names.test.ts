/**
 * Name detection (shared/note-names.ts), through the linter: names no list holds and names that are also everyday
 * words are found by their shape and context; what is not a person in the room stays unflagged where the shape says
 * so. The sentences are written for this file, not taken from the corpus.
 */
import { describe, expect, it } from 'vitest';
import { lintNote, noteTokens } from '../../../shared/note-linter';
import { nameFeatures } from '../../../shared/note-name-scorer';
import { findNames } from '../../../shared/note-names';

const names = (text: string, roster?: string[]) =>
  lintNote(text, { names: roster })
    .filter((f) => f.kind === 'name')
    .map((f) => text.slice(f.start, f.end));
/** What the finder's rules flag before the learned scorer weighs them. */
const ruleNames = (text: string) =>
  lintNote(text, { nameScorer: null })
    .filter((f) => f.kind === 'name')
    .map((f) => text.slice(f.start, f.end));

describe('note names', () => {
  it('when an English note names someone by a word that is also a word, in a context only a person has, then it is flagged', () => {
    for (const [text, name] of [
      // A capitalised everyday word with a possessive and something of a person's ("Maya" is also the civilisation).
      ["During centers, Maya's group sorted the shapes by color.", 'Maya'],
      // After an English title, a word only the Spanish lists hold ("lee" = "reads") is a family name.
      ['The bell rang and ms lee collected the exit tickets.', 'ms lee'],
      // Spoken to at the start of a quotation without the comma, before "can you", "youre" or a verb and "me".
      ['"will can you pass the scissors" the aide asked', 'will'],
      ['"rose youre up next" tchr says', 'rose'],
      ['coach said "Hope show me your grip" and she did', 'Hope'],
      // The one a question or an idea came from.
      ['good prediction from will about the ramp', 'will'],
      ['A question from Sage about fractions started the talk.', 'Sage'],
    ] as const)
      expect(names(text), text).toEqual([name]);
    // A pair of word names at their place in the room.
    expect(names('ivy and hazel at station 4 sanding the frame')).toEqual(['ivy', 'hazel']);
  });

  it('when a word that is also a given name is the word, an author or part of a place, then it is no name', () => {
    for (const text of [
      'Students compared the Maya calendar with the Aztec one.',
      'The ancient Maya built pyramids without metal tools.',
      'The poster said will power beats talent.',
      'Students argued that hope is a theme of the novel.',
      "Today's question was on the board.",
      "Monday's class ran long.",
      "The Senate's vote was the topic.",
      '"Hope you\'re feeling better," the teacher wrote on the card.',
      '"Will you read it?" she asked.',
      'a question from summer school was on the board',
      'Students traced how the Mississippi River shaped trade.',
      'A poem by Langston Hughes was on the document camera.',
      'A student read "The Road Not Taken" by Robert Frost to the class.',
    ])
      expect(ruleNames(text), text).toEqual([]);
  });

  it('when the learned name scorer reads a flag as no one in the room, then the flag is dropped', () => {
    const text = 'Sobre la mesa, un cartel de Frida Kahlo.';
    // The rules alone flag the painter; the scorer (shared/note-name-scorer.ts) reads a capitalized word no list holds
    // after "de", which in the corpus is more often a thing's or an author's name than someone present.
    expect(
      lintNote(text, { nameScorer: null })
        .filter((f) => f.kind === 'name')
        .map((f) => text.slice(f.start, f.end)),
    ).toEqual(['Frida Kahlo']);
    expect(names(text)).toEqual([]);
    // A doubted flag stays when its sentence keeps another name; roster names are never the scorer's to drop.
    expect(names('Sobre la mesa, un cartel de Frida Kahlo; Diego Rivera lo pegó.')).toEqual([
      'Frida Kahlo',
      'Diego Rivera',
    ]);
    expect(names('Sobre la mesa, un cartel de Kahlo.', ['Kahlo'])).toEqual(['Kahlo']);
    expect(names('La maestra le dio la palabra a Xiomara.')).toEqual(['Xiomara']);
    expect(names('Tomasito Quispe leyó su respuesta en voz alta.')).toEqual(['Tomasito Quispe']);
  });

  it('when a full name is the subject of a poster, then the learned scorer drops it', () => {
    // The rules alone flag it (an author after "by" they leave alone: see the English names test below); the scorer reads a full name after "of"/"by" and outside the room's talk, and weighs
    // the finder's own false flags more in training (scripts/train-name-scorer.ts).
    for (const [text, name] of [
      ['A poster of Rosa Parks hung beside the timeline.', 'Rosa Parks'],
    ] as const) {
      expect(ruleNames(text)).toEqual([name]);
      expect(names(text)).toEqual([]);
    }
    expect(names('Mrs Okonjo handed out the rulers.')).toEqual(['Mrs Okonjo']);
    expect(names('Kaveh explained his graph to the group.')).toEqual(['Kaveh']);
  });

  it('when a Spanish note names a well-known figure, then the learned scorer drops it and keeps the students', () => {
    // The rules alone flag each; the scorer reads that a list of well-known people (shared/note-known-names.ts) holds
    // the run, which in Spanish sentences is more often a topic than someone in the room.
    for (const [text, name] of [
      ['La clase comparó a Benito Juárez con Abraham Lincoln.', 'Benito Juárez'],
      ['Cada equipo presentó una línea del tiempo de Miguel Hidalgo.', 'Miguel Hidalgo'],
      ['En el pizarrón estaba escrito Gabriel García Márquez.', 'Gabriel García Márquez'],
      ['El grupo investigó la vida de Marie Curie en las tabletas.', 'Marie Curie'],
    ] as const) {
      expect(ruleNames(text)).toEqual([name]);
      expect(names(text)).toEqual([]);
    }
    // A given name alone is never on the list, whoever shares it; a student beside a figure keeps the sentence named.
    expect(names('Simón levantó la mano y leyó la fecha.')).toEqual(['Simón']);
    expect(names('Martín le pasó el marcador a Frida.')).toEqual(['Martín', 'Frida']);
    expect(names('Mateo y Lucía explicaron la biografía de Pablo Neruda.')).toEqual(['Mateo', 'Lucía']);
  });

  it('when a word stands in a run the list of well-known names holds, then the scorer sees its kind, in both languages', () => {
    const features = (text: string) => {
      const tokens = noteTokens(text);
      const contexts: string[] = [];
      return findNames(text, tokens, new Set(), contexts).map((c) => nameFeatures(text, tokens, c, contexts));
    };
    const [figure] = features('La clase comparó a Benito Juárez con la maestra.');
    expect(figure).toEqual(expect.arrayContaining(['es|known:figure', 'es|known-run']));
    const [student] = features('Benito levantó la mano y leyó la fecha.');
    expect(student!.filter((f) => /(^|\|)known/.test(f))).toEqual([]);
    // English notes are read with the list too (since the list holds the authors and characters US classes read).
    const [english] = features('The class compared Emily Dickinson with the teacher.');
    expect(english).toEqual(expect.arrayContaining(['en|known:figure', 'en|known-run']));
    const [reader] = features('Emily read the date aloud.');
    expect(reader!.filter((f) => /(^|\|)known/.test(f))).toEqual([]);
  });

  it('when the scorer reads a flag, then it sees the name length, a title, an open quotation, the ending', () => {
    const features = (text: string) => {
      const tokens = noteTokens(text);
      const contexts: string[] = [];
      return findNames(text, tokens, new Set(), contexts).map((c) => nameFeatures(text, tokens, c, contexts));
    };
    const [subject] = features('A poster of Robert Frost hung by the door.');
    expect(subject).toEqual(expect.arrayContaining(['words:2', 'kind-words:listed 2']));
    const [character] = features('Teacher said, "Let\'s see what Ponyboy tells the gang."');
    expect(character).toContain('in-quote');
    const [titled] = features("Brilliant questioning from Mrs O'Connor.");
    expect(titled).toContain('kind:titled');
    const [course] = features('Los alumnos de Robótica armaron un brazo.');
    expect(course).toContain('shape:noun-es');
  });

  it('when the name finder flags a word, then it says which rule found it and the context around each word', () => {
    const text = 'Ms. Park called on Oyelaran, then Tavita counted the blocks.';
    const tokens = noteTokens(text);
    const contexts: string[] = [];
    const found = findNames(text, tokens, new Set(), contexts);
    expect(found.map((c) => [text.slice(c.start, c.end), c.rule])).toEqual([
      ['Ms. Park', 'title'],
      ['Oyelaran', 'cap:after-person'],
      ['Tavita', 'cap:before-verb'],
    ]);
    expect(contexts).toHaveLength(tokens.length);
    expect(contexts[tokens.findIndex((t) => t.raw === 'blocks')]).toBe('none');
    // A word name before "was" in mid-sentence says so to the scorer; a lower-case given name that is also a word
    // with a possessive and a belonging too.
    for (const [sentence, rule] of [
      ['By the window, Joy was sorting the tiles by size.', 'word-name:acts-being'],
      ['Next to the sink, Joy was the timekeeper.', 'word-name:before-being'],
      ["ella's table cleaned up first", 'lower-belonging'],
    ] as const)
      expect(findNames(sentence, noteTokens(sentence), new Set(), []).map((c) => c.rule)).toEqual([rule]);
  });

  it('when a name no list holds comes before a verb or after "asked" or "called on", then it is flagged', () => {
    expect(names('Tavita counted the blocks twice.')).toEqual(['Tavita']);
    expect(names('At 9:05, Oyelaran unmuted and read the prompt.')).toEqual(['Oyelaran']);
    expect(names('The teacher called on Oyelaran first.')).toEqual(['Oyelaran']);
    expect(names('The aide asked Keahi to hold the door.')).toEqual(['Keahi']);
  });

  it('when a name no list holds follows a verb of speech or is handed something, then it is flagged', () => {
    expect(names('"Put your pencils down," said Okafor.')).toEqual(['Okafor']);
    expect(names('"I got 12," replied Nguyen quietly.')).toEqual(['Nguyen']);
    // In lower case only right after a quotation: "said" alone is followed by too many ordinary words.
    expect(names('"i got 12" said nguyen')).toEqual(['nguyen']);
    expect(names('the tchr said nothing for a minute')).toEqual([]);
    expect(names('Students passed the ball to Xiomara, who passed it to Nguyen.')).toEqual([
      'Xiomara',
      'Nguyen',
    ]);
    expect(names('Students wrote letters to Lincoln about the war.')).toEqual([]);
  });

  it('when a list holds a name, then the other capitalised words in it no list holds are names too', () => {
    expect(names('Three students, Nguyen, Amara and Tobias, presented first.')).toEqual([
      'Nguyen',
      'Amara',
      'Tobias',
    ]);
    expect(names('The teacher called on Nguyen, then Oluwaseun, then Xiomara.')).toEqual([
      'Nguyen',
      'Oluwaseun',
      'Xiomara',
    ]);
    // Everyday words and longer proper nouns beside a name stay unflagged.
    expect(names('Mateo used Desmos, then Excel.')).toEqual(['Mateo']);
    expect(names('Amara and New York were on the map.')).toEqual(['Amara']);
  });

  it('when a name that is also a word acts, is paired, owns something or is spoken to, then it is flagged', () => {
    expect(names('Hope measured the ribbon.')).toEqual(['Hope']);
    expect(names('Sky and Harmony traded cards at the back table.')).toEqual(['Sky', 'Harmony']);
    expect(names("Summer's group built a ramp.")).toEqual(['Summer']);
    expect(names('The teacher said, “Okay, River, your turn.”')).toEqual(['River']);
    expect(names('“Eyes on me, Journey,” said the teacher.')).toEqual(['Journey']);
    expect(names('The paraprofessional, Wendell, sat beside the table.')).toEqual(['Wendell']);
    expect(names('Marisol, the aide, handed out scissors.')).toEqual(['Marisol']);
    expect(names('The teacher handed the timer to Sage.')).toEqual(['Sage']);
    // Spoken to at the very end of a quotation, after a comma and a word in lower case; not a place after a place.
    expect(names('coach said "keep your elbows in, not out, Miles"')).toEqual(['Miles']);
    expect(names('The slide read "Our pen pals live in Bogotá, Colombia"')).toEqual([]);
    // Before "was", "is" or "had" in mid-sentence, not after "the" nor at the start of a sentence.
    expect(names('By the window, Joy was sorting the tiles by size.')).toEqual(['Joy']);
    expect(names('By the window, the joy was obvious. Summer was over.')).toEqual([]);
  });

  it('when a word that can be a name is used as a word, then it is not flagged', () => {
    expect(names('Hope is a theme in the novel.')).toEqual([]);
    expect(names('Students wrote about summer and the river rose two inches.')).toEqual([]);
    expect(names('In May the class planted beans.')).toEqual([]);
    expect(names('Students miss art on Fridays; the coach said to line up.')).toEqual([]);
    expect(names('The Athenian and Spartan armies met at the pass.')).toEqual([]);
    expect(names('Kindergartners sat in a circle; Pacing slowed after lunch.')).toEqual([]);
  });

  it('when a title comes before a name in any case, also in Spanish, then the title and the name are flagged', () => {
    expect(names("in ms. t's room the bins are labelled")).toEqual(['ms. t']);
    expect(names('coach d blew the whistle and mr b counted down')).toEqual(['coach d', 'mr b']);
    expect(names('The coach paired Destiny with a partner.')).toEqual(['Destiny']);
    expect(names('herr schmidt paused the song; miss holly read on')).toEqual(['herr schmidt', 'miss holly']);
    expect(names('la maestra lupe repartió las tarjetas')).toEqual(['maestra lupe']);
    expect(names('Mr. Lee and Señora Díaz co-taught; la profe Ana circulated.')).toEqual([
      'Mr. Lee',
      'Señora Díaz',
      'profe Ana',
    ]);
    // A title word alone is not a name.
    expect(names('señora said “hi”; the coach waved')).toEqual([]);
  });

  it('when a Spanish note names a student by role or hands them something, then the name is flagged', () => {
    expect(names('El alumno Joaquín midió la mesa; la alumna Fernanda escribió.')).toEqual([
      'alumno Joaquín',
      'alumna Fernanda',
    ]);
    expect(names('La maestra le dio la palabra a Xiomara.')).toEqual(['Xiomara']);
    expect(names('Los papeles los leyeron Renata, Itzíar y Oyelaran.')).toEqual([
      'Renata',
      'Itzíar',
      'Oyelaran',
    ]);
    expect(names('Yoselin y su compañera leyeron el cuento.')).toEqual(['Yoselin']);
    expect(names('El niño Iker tocó el pictograma.')).toEqual(['niño Iker']);
    // Spanish words are no names in English either, but a name that only looks like one still is.
    expect(names('Nina counted the blocks; Mira and Ella sorted them.')).toEqual(['Nina', 'Mira', 'Ella']);
    expect(names('Los niños y las niñas cantaron; fueron a Oaxaca.')).toEqual([]);
    // Names given to today's students, in lower case too; the ones that are also words or brands need a context.
    expect(names('ayden and aubrey swapped roles at the scale')).toEqual(['ayden', 'aubrey']);
    expect(names('The Roman Empire map hung next to the Parker pens.')).toEqual([]);
  });

  it('when Spanish everyday words stand where a name could, then they are not flagged', () => {
    expect(names('"Repite, por favor", dijo la maestra.')).toEqual([]);
    expect(names('la maestra contó "uno, dos, tres" y todos se sentaron')).toEqual([]);
    expect(names('La maestra marcó con rojo las palabras nuevas; el profe marcó la hora.')).toEqual([]);
    expect(names('El personaje estaba "furioso" porque perdió su gorra.')).toEqual([]);
    expect(names('Marco en la pizarra: "Yo pienso que ___ porque ___."')).toEqual([]);
  });

  it('when a name is typed in lower case, then it is flagged where it stands for a person', () => {
    expect(names('jalen held the ruler while kofi read the number')).toEqual(['jalen', 'kofi']);
    expect(names("we met in kim's 2nd period")).toEqual(['kim']);
    expect(names('grace took the first turn and ray passed the cards')).toEqual(['grace', 'ray']);
    expect(names('tchr said "dante, you\'re next"')).toEqual(['dante']);
    expect(names('ss measured the board and tchr checked it w/ a square')).toEqual([]);
    expect(names('the tchr told xiomara to restart')).toEqual(['xiomara']);
    expect(names('tchr gave him a clipboard to keep score')).toEqual([]);
  });

  it('when a name is possessive, then the span is the name without the possessive', () => {
    const text = "Students sat at Wairimu's table and in Mr. Osei's room.";
    expect(names(text)).toEqual(['Wairimu', 'Mr. Osei']);
  });

  it('when a name is inside quoted speech, then it is still a name; a word alone in quotes is content', () => {
    expect(names('"Nice work, Tevita," the aide said.')).toEqual(['Tevita']);
    expect(names('The rubric columns read "Exceeds," "Meets," and "Approaching."')).toEqual([]);
    expect(names('The chant was "Listen, think, talk, write."')).toEqual([]);
  });

  it('when a book title, an author or a place is capitalised without a person context, then it is not flagged', () => {
    expect(names('The class read a poem by Langston Hughes.')).toEqual([]);
    expect(names("Charlotte's Web was on every desk.")).toEqual([]);
    expect(names('The read-aloud was “Esperanza Rising.”')).toEqual([]);
    expect(names('The read-aloud was Alexander and the Terrible, Horrible, No Good, Very Bad Day.')).toEqual(
      [],
    );
    expect(names('On Friday the Spanish class looked at maps of Oaxaca and Tucson.')).toEqual([]);
  });

  it('when a Spanish note names someone as a phone typist would, then the name is flagged', () => {
    expect(names('Yaretzi usó el compás para trazar el círculo.')).toEqual(['Yaretzi']);
    // In lower case, without accents: before "le", "les" or "se" and a verb, and the speaker before a colon.
    expect(names('yaretzi le pasó la regla a su compañero')).toEqual(['yaretzi']);
    expect(names('Dijo tlali: «ya acabé».')).toEqual(['tlali']);
    expect(names('la maestra sonrió cuando tonatiuh recogio los vasos')).toEqual(['tonatiuh']);
    expect(names('la maestra, tonatiuh, repartia los vasos')).toEqual(['tonatiuh']);
  });

  it('when a Spanish note has an author, a word-problem character or a capitalised adverb, then it is no name', () => {
    expect(names('La maestra leyó el poema de Gabriela Mistral en voz alta.')).toEqual([]);
    expect(names('El problema decía: «Lucía compró 3 manzanas y regaló una».')).toEqual([]);
    expect(names('Sinceramente, la hoja de trabajo tenía diez preguntas.')).toEqual([]);
    expect(names('un alumno pregunto "profe y esto?"')).toEqual([]);
  });

  it('when a Spanish name is typed in lower case after a role, then the role and the name are flagged', () => {
    expect(names('en el aula de la profe yoali los alumnos pintaban')).toEqual(['profe yoali']);
    expect(names('la seño tali repartió las hojas')).toEqual(['seño tali']);
    expect(names('el tutor chuy leyó la lista')).toEqual(['tutor chuy']);
    // Set off by commas after a role, or with the role after it.
    expect(names('la maestra de musica, victoria, paro el ensayo dos veces')).toEqual(['victoria']);
    expect(names('esperanza, la aide, traducia las preguntas')).toEqual(['esperanza']);
    // A verb typed without its accent is no name: after a woman's role a word in -o is a verb ("marcó").
    expect(names('la profe marco con rojo los errores de la hoja')).toEqual([]);
    expect(names('la maestra camina entre las mesas')).toEqual([]);
    expect(names('el profe explico los pasos otra vez')).toEqual([]);
  });

  it('when a Spanish name in lower case acts, is a diminutive or is spoken to, then it is flagged', () => {
    // A preterite in -o without its accent is a verb when a determiner follows it.
    expect(names('sol corto las tiras de papel')).toEqual(['sol']);
    expect(names('angel termino su maqueta antes que nadie')).toEqual(['angel']);
    expect(names('le pregunté a omar qué página leía')).toEqual(['omar']);
    expect(names('pedrito recogió los vasos y anita los lavó')).toEqual(['pedrito', 'anita']);
    // The rules find a name spoken to; the scorer, retrained with w19's sentences, drops this one (the corpus README,
    // "w19 added"): part of the recall the scorer gives up.
    expect(ruleNames('la maestra dijo «ven, yoali» y la alumna se levantó')).toEqual(['yoali']);
    // Diminutives of words are no names.
    expect(names('la maestra esperó un ratito y luego sacó una cajita de la mesa')).toEqual([]);
  });

  it('when a Spanish note mentions a place, a title, a character or a saint, then it is no name', () => {
    expect(names('El mapa del proyector marcaba Dolores Hidalgo y Ciudad Juárez.')).toEqual([]);
    expect(names('La lectura del día era «Pedro Páramo».')).toEqual([]);
    expect(names('En la biblioteca estaba el libro «Frida Kahlo: una vida».')).toEqual([]);
    expect(names('Leyeron la escena donde Julieta despierta.')).toEqual([]);
    expect(names('The class reread the chapter where Brian builds the fire.')).toEqual([]);
    expect(names('El calendario marcaba el día de San Juan y la fiesta de Santa Lucía.')).toEqual([]);
    expect(names('Un cartel de la Semana de la Paz colgaba junto a la puerta.')).toEqual([]);
    expect(names('El profesor escribió «rosario» en el pizarrón y explicó la palabra.')).toEqual([]);
    // A name that acts is still a name beside them.
    expect(names('En la página 4, Martina subrayó tres palabras.')).toEqual(['Martina']);
  });

  // Issue #15, the Spanish names of the fifth writers' train and dev sentences. Written for these tests.
  it('when a Spanish name that is also a word, a nickname or a diminutive is the subject of a verb, then it is flagged', () => {
    // A Spanish noun as a subject takes an article: a bare word before a verb, also in the present, is a name.
    expect(names('sol canta la primera estrofa')).toEqual(['sol']);
    expect(names('al final del circuito luz ayuda a recoger los conos')).toEqual(['luz']);
    expect(names('rosa y paz trabajan juntas en la mesa 3')).toEqual(['rosa', 'paz']);
    expect(names('Memo parecía cansado al final.')).toEqual(['Memo']);
    expect(names('miguelito lee el primer párrafo')).toEqual(['miguelito']);
    expect(names('Tomasito Quispe encendió el mechero.')).toEqual(['Tomasito Quispe']);
    // With an article or a preposition before it, or no verb after it, the word is a word.
    for (const text of [
      'la luz entra por la ventana',
      'con luz natural leen mejor',
      'el sol calienta el patio',
      'hubo paz durante la lectura',
      'la rosa del mural tiene espinas',
    ])
      expect(names(text), text).toEqual([]);
    // A verb in the present after a word no list holds is not enough: "coro canta", "poca práctica".
    expect(names('coro canta cielito lindo a tres voces')).toEqual([]);
    expect(names('Hubo demasiada teoría y poca práctica.')).toEqual([]);
  });

  // Issue #15, w14's Spanish sentences full of capitalised words that are no one in the room. Written for these tests.
  it('when a Spanish note shows a figure, a queen, a team label, a place, an app or a school, then it is no name', () => {
    // A bust, a text, a picture, quotes of someone: a full name after them is their subject or author.
    expect(names('En la entrada hay un busto de Benito Juárez y una placa.')).toEqual([]);
    // The great and the long dead: "la reina", "el cura", "el presidente".
    expect(names('La lámina mostraba al cura Miguel Hidalgo con el estandarte.')).toEqual([]);
    // A label no list holds after the word for a team, a table or a row.
    expect(names('En la exposición, el equipo Quetzal explicó su cartel de los volcanes.')).toEqual([]);
    expect(names('La fila Cóndor salió al patio a las 9:40.')).toEqual([]);
    // Countries, states and regions; apps and sites.
    expect(names('Los alumnos armaron una maqueta de Chiapas con plastilina.')).toEqual([]);
    expect(names('El tutorial de YouTube duró cinco minutos y no tenía sonido.')).toEqual([]);
    // A school named after someone, with the title in the name.
    expect(names('En el pasillo hay un cartel del Colegio Don Bosco.')).toEqual([]);
    // One name after a school's word, a title after a Spanish word for a work, a capitalised word after "en".
    expect(names('Los alumnos del Instituto Cervantes llegaron a las 9.')).toEqual([]);
    expect(names('El libro Harry Potter estaba en la mesa.')).toEqual([]);
    expect(names('Hidalgo dio el Grito en Dolores.')).toEqual([]);
    // A full name typed in lower case after a work: the family name no list holds counts.
    expect(names('hay reproducciones de diego rivera al fondo del salon')).toEqual([]);
    // Beside them, a student still is a name: a listed name after a team's word, one given name after a work.
    expect(names('El equipo de Valentina terminó primero.')).toEqual(['Valentina']);
    expect(names('una foto de diego en la pared')).toEqual(['diego']);
    expect(names('durante la canción Mateo tocó el tambor')).toEqual(['Mateo']);
  });

  it('when a Spanish word is said twice around "a" or is a noun in -ción typed in lower case, then it is no name', () => {
    expect(names('La docente explicó la división paso a paso en el pizarrón.')).toEqual([]);
    expect(names('la rubrica tenia criterios: contenido, presentacion, ortografia y limpieza')).toEqual([]);
    // Something handed to someone still names them.
    expect(names('Ana le dio paso a Mateo para que leyera.')).toEqual(['Ana', 'Mateo']);
  });

  it('when "profa" comes before a name, then the role and the name are flagged', () => {
    expect(names('la profa Yoyis pidio que sacaran el cuaderno')).toEqual(['profa Yoyis']);
  });

  it('when a Spanish note names someone after a title, a role or the personal "a", then it is flagged', () => {
    expect(names('la profe garcia pone un timer de 5 min')).toEqual(['profe garcia']);
    expect(names('tb el profe guzman anota en su clipboard')).toEqual(['profe guzman']);
    expect(names('tenores ensayan con el sr vega al piano')).toEqual(['sr vega']);
    expect(names('Doña Chayo mostró cómo amasar la arepa.')).toEqual(['Doña Chayo']);
    expect(names('la chef lopez enseña a doblar el tamal')).toEqual(['chef lopez']);
    expect(names('A Sol le tocó cronometrar a su equipo.')).toEqual(['Sol']);
    // A role before a verb is no name: "las preguntas del maestro fueron…".
    expect(names('Las preguntas del maestro fueron abiertas.')).toEqual([]);
  });

  it('when a Spanish note names an author, a topic, a namesake or a list of things, then it is no name', () => {
    for (const text of [
      'El libro de la semana era "Esperanza renace", de Pam Muñoz Ryan.',
      'Leyeron «Platero y yo», de Juan Ramón Jiménez.',
      'En la esquina había una canasta con cuentos de Rafael Pombo.',
      'La clase trataba sobre César Chávez y Dolores Huerta.',
      'La pregunta sobre Cortés era abierta.',
      'La visita fue en el colegio Gabriel García Márquez.',
      'La biblioteca lleva el nombre de Gabriela Mistral.',
      'El mural está dedicado a Roberto Clemente.',
      'Proyectó un video sobre Sor Juana Inés de la Cruz.',
      'En el salón leían sobre el Grito de Dolores.',
      'Los alumnos escribían cartas a los Reyes Magos.',
      'León, tigre y jaguar eran las tarjetas del juego.',
      'vocabulario en la pizarra "hypothesis, variable, control"',
      'La maestra dijo "un medio, one half" mientras doblaba la tira.',
      'quiza no entendieron la diferencia entre masa y peso',
      'La organización del laboratorio deja que desear.',
      'un alumno dice "miss no entiendo" y ella se acerca',
    ])
      expect(names(text), text).toEqual([]);
    // A person in the room is still a name beside them; in English, "about" is no cue ("asked about Ana Rivera's …").
    expect(names('Luz, pasa y siéntate.')).toEqual(['Luz']);
    expect(names('The teacher asked about Ana Rivera and her poster.')).toEqual(['Ana Rivera']);
  });

  it('when a phone-typed English note names someone in lower case in the present tense, then it is flagged', () => {
    expect(names('river sings the first verse solo')).toEqual(['river']);
    expect(names('grace finishes the do now first')).toEqual(['grace']);
    expect(names('johnson asks for another worksheet')).toEqual(['johnson']);
    expect(names('principal smith stops in for 2 min')).toEqual(['principal smith']);
    // After an opening phrase typed without its comma.
    expect(names('at the back table mark asks how to say whisk')).toEqual(['mark']);
    expect(names('in the corner hunter explains the circuit')).toEqual(['hunter']);
    expect(names('i think hunter was stuck on step 2')).toEqual(['hunter']);
    // A given name that is also a word in lower case, with a possessive and something a person in the room has.
    expect(names("ella's table cleaned up first")).toEqual(['ella']);
    expect(names('ella trae la tabla')).toEqual([]);
    // The words as words: a modal, a verb after a determiner or a preposition.
    for (const text of ['students will read the poem', 'the river helps the farms', 'a smith builds a gate'])
      expect(names(text), text).toEqual([]);
  });

  it('when a hurried note names someone by how they stand, act or what they are today, then it is flagged', () => {
    for (const [text, name] of [
      // A word name before "was" or "is" and a verb in -ing, or "had" and a verb in the past, "his" or "the".
      ['Mark was practicing on the welding simulator.', 'Mark'],
      ['Will had his hand up the whole time.', 'Will'],
      ['rose had the talking piece during circle', 'rose'],
      // What only a person in the room is today; "will" before a verb no modal takes.
      ['nasrin was absent so the aide read the notes', 'nasrin'],
      ['ray is line leader today', 'ray'],
      ['will was the only one with a hand up', 'will'],
      // A role in parentheses; a given name where it stands or what it is doing.
      ['bill (para) pulled 3 ss for intervention', 'bill'],
      ['destiny at the board solving #3', 'destiny'],
      ['angel helping the new student find the page', 'angel'],
      // A given name's possessive without its apostrophe, before what a person in the room has.
      ['ss at jaxons table sorted cards', 'jaxons'],
      // After "mr" or "mrs" an everyday word is a family name; after "ms" (also "middle school") before a verb.
      ['sub today is mr hall', 'mr hall'],
      ['ms fox greeted each kid at the door', 'ms fox'],
      // Spoken to at the end of a quotation, though the quotation reads like a page's instructions.
      ['"Turn to page 42 and look at the map, Bao."', 'Bao'],
    ] as const)
      expect(names(text), text).toEqual([name]);
    expect(names('hunter & will on the ipad')).toEqual(['hunter', 'will']);
    expect(names('river n sky at the sink rinsing beakers')).toEqual(['river', 'sky']);
    // Initials ending in J before a verb are a candidate the scorer weighs; after "the" they are a job.
    expect(
      findNames('AJ could explain', noteTokens('AJ could explain'), new Set(), []).map((c) => c.rule),
    ).toEqual(['initials']);
    for (const text of [
      'ms science kids read the lab',
      'advisory doing the career survey',
      'The DJ played music',
      "Newton's third law was on the board",
      'Hope was the theme of the week.',
      'ss read an excerpt from i have a dream and underlined repeated phrases',
    ])
      expect(names(text), text).toEqual([]);
  });

  it('when a name is known only by a role, a pair of initials, a quotation verb or what the person owns, then it is flagged', () => {
    for (const [text, name] of [
      // What only a person is, after "the"; the only one of a class.
      ['Rose was the recorder for group 2.', 'Rose'],
      ['Art was the only one to try problem 4.', 'Art'],
      // A modal, a verb and the person's own things.
      ['Joy will share her model after lunch.', 'Joy'],
      // A given name in lower case that is also a word, before an English verb of speech.
      ['deja asked "can we use a calculator"', 'deja'],
      ['like ella said earlier, the poem repeats the word cold', 'ella'],
      // A sentence's first word, an s without its apostrophe, what only a person has, then what they did.
      ['chens group argued about the claim', 'chens'],
      ['dres table had the rulers out early', 'dres'],
      // Two initials with full stops before a verb.
      ['T.J. ran the timer for his table.', 'T.J'],
      ['J.R. was sent to get more paper.', 'J.R'],
      // Moved by the teacher; a short description in parentheses, then what the person is.
      ['tchr moved santi closer to the board', 'santi'],
      ['Sky (blue jacket) was the only student at the easel.', 'Sky'],
    ] as const)
      expect(names(text), text).toEqual([name]);
    for (const text of [
      'Hope was the theme of the week.',
      'Art was the only class with a sub.',
      'The U.S. was founded in 1776.',
      'P.E. was outside today.',
      'robotics lab is more organized than in the fall',
      'kids table had the glue sticks',
      'Photosynthesis (the process) was on the board.',
      'students will read their poems aloud',
      'the ella said sign was on the door',
      // A name that runs on into a word for a place or a building is the place.
      'Groups read about Madison Square before the quiz.',
      'A poster of Austin High hung by the door.',
    ])
      expect(names(text), text).toEqual([]);
    // A family name that is also a word for a place stays a name.
    expect(names('Jenny Park read her essay aloud.')).toEqual(['Jenny Park']);
  });

  it('when a name flag is made, then it says why and suggests a rewrite', () => {
    const [flag] = lintNote('Tavita counted the blocks twice.');
    expect(flag).toMatchObject({ kind: 'name', start: 0, end: 6, suggestion: 'a student' });
    expect(flag?.message).toBe(
      "'Tavita' is a name. Notes never name people: use 'the teacher' or 'a student'.",
    );
  });
});
