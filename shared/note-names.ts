import { COMMON_WORDS } from './common-words';
import { FIRST_NAMES, NAMES_THAT_ARE_WORDS } from './first-names';
import { fold, UPPER, words } from './note-words';

/**
 * Name detection for the note linter (shared/note-linter.ts): titles with what follows them ("Mr. O'Brien"), roster
 * name tokens and common given names. Notes never name people, so a name flag blocks saving.
 */

/** What the note linter's tokenizer gives each word; only the fields name detection reads. */
export interface NameToken {
  start: number;
  /** As written. */
  raw: string;
  /** Lower case, without accents, with ’ as ' — what the rules compare. */
  key: string;
  /** As written without accents and without a possessive 's: what names are compared with. */
  base: string;
  end: number;
  /** End offset without a possessive 's, so "Rivera's" flags "Rivera". */
  nameEnd: number;
  capitalised: boolean;
  /** Only spaces between this word and the one before. */
  joined: boolean;
  /** Only an optional full stop and spaces before this word: it can follow a title ("Mr. O'Brien"). */
  afterTitle: boolean;
  /** First word of a sentence, line, quotation or list item. */
  sentenceStart: boolean;
}

export type NameWhy = 'title' | 'roster' | 'first-name';

export interface NameCandidate {
  kind: 'name';
  why: NameWhy;
  /**
   * Which rule found it, for the learned name scorer (shared/note-name-scorer.ts): "title", "roster", "listed" (a
   * given name a list holds), "diminutive", "word-name:…" (a name that is also a word, and the context that made it
   * one), "common-after-person", "cap:…" (a capitalised word no list holds, and its context), "lower" (a lower-case
   * word by its context) or "list" (beside another name in a list).
   */
  rule: string;
  start: number;
  end: number;
  /** Token range. */
  from: number;
  to: number;
}

const foldAll = (set: ReadonlySet<string>) => new Set([...set].map((w) => fold(w).toLowerCase()));
/**
 * Spanish nicknames and short names ("Memo", "Toño", "Chuy", "Dani") and the commonest Hispanic family names
 * ("García", "López", "Guzmán"): names after a role or title ("el profe guzman", "la chef lopez") and where the
 * context makes them a person, but never by the list alone, as many are words too ("memo", "tono", "vega", "rios").
 */
const SPANISH_NICKNAMES = words(`
  memo memin tono chuy pepe nacho lupe lupita paco pancho chayo chelo chabela beto tito quique kike lalo poncho
  chema chucho fito nando fer dani gaby vero maru pili tere cuca rafa santi seba nico manu guille pau cami chente
  nati sole lucho toni mayte moni isa mari marifer juanpa juanma`);
/** The commonest English family names, also words ("smith", "brown", "johnson"): "principal smith". */
const ENGLISH_SURNAMES = words(`
  smith johnson williams jones miller davis wilson anderson taylor thomas moore jackson thompson harris clark lewis
  robinson walker allen wright scott adams baker nelson carter mitchell roberts turner phillips campbell parker evans
  edwards collins stewart morris murphy cooper peterson bailey kelly howard richardson watson brooks bennett hughes
  sanders myers ross foster`);
const SPANISH_SURNAMES = words(`
  garcia rodriguez gonzalez fernandez lopez martinez sanchez perez gomez martin jimenez ruiz hernandez diaz
  alvarez munoz alonso gutierrez navarro torres dominguez vazquez ramos gil ramirez suarez molina morales ortega
  castro ortiz marin sanz nunez iglesias medina cortes castillo santos lozano mendez cruz flores herrera leon
  marquez cabrera vidal reyes vega fuentes carrasco aguilar aguirre pascual santana montero gimenez hidalgo lorenzo
  guzman rios mendoza chavez salazar espinoza contreras sandoval rojas vargas soto pineda quispe huanca mamani
  condori yupanqui velasquez cardenas estrada rivas ochoa figueroa escobar valencia acosta zamora paredes`);
/** Given names, lower case without accents. */
const NAME_LIST = new Set([
  ...foldAll(FIRST_NAMES),
  ...SPANISH_NICKNAMES,
  ...SPANISH_SURNAMES,
  ...ENGLISH_SURNAMES,
]);
/** Given names that are also everyday words: names only where the context says so. */
const WORD_NAMES = new Set([
  ...foldAll(NAMES_THAT_ARE_WORDS),
  ...SPANISH_NICKNAMES,
  ...SPANISH_SURNAMES,
  ...ENGLISH_SURNAMES,
]);
/** Word names that are far more often a month, a season or a school subject: names only in the strongest contexts. */
const CALENDAR_NAMES = words('may june april august summer winter autumn fall spring art christian virginia');

/** Titles that a name always follows, in any case: "Ms Rivera", "ms. t's room", "mr b", "Herr Schmidt". */
const TITLES = words('mr mrs ms mx dr sr sra srta mme mlle herr frau');
/** Titles that are no word ("ms" is also "middle school"): any word after them is a family name ("mr hall"). */
const FAMILY_TITLES = words('mr mrs');
/** Spanish titles: after one, any word but a Spanish everyday word is a name ("el sr vega", "la sra huanca"). */
const SPANISH_TITLES = words('sr sra srta');
/** Titles that are also everyday words ("miss the bus", "the coach said"): a name must look like one after them. */
const WORD_TITLES = words(`
  miss coach principal prof professor senor senora senorita madame monsieur sensei maestro maestra profe profa profesor
  profesora alumno alumna estudiante companero companera seno tutor tutora don dona chef auxiliar entrenador
  entrenadora instructor instructora directora`);
/**
 * Roles a hurried Spanish writer puts before a name typed in lower case: "la profe maru", "la seño tali", "el tutor
 * chuy". After one, a word no list holds is a name unless it reads as a verb (see `afterRole`).
 */
const ROLES_ES = words('profe profa maestra maestro miss seno tutor tutora profesor profesora alumno alumna');
/** Roles set off by commas after a name typed in lower case: "consuelo, la aide, traducia al mixteco". */
const APPOSITIVE_ROLES = new Set([
  ...ROLES_ES,
  ...words(
    'aide para asistente auxiliar ayudante monitor monitora voluntario voluntaria practicante companero companera',
  ),
]);
/** Roles of a woman: a word in -o after one is a verb typed without its accent ("la profe marco" = marcó), no name. */
const FEMININE_ROLES = words(
  'profa maestra profesora tutora alumna companera senora senorita sra srta miss seno',
);
/** Spanish articles: "la profe", "el tutor", "de la Paz". */
const ARTICLES_ES = words('la el los las del al');
/** "el niño Iker", "la niña Dulce": a role before a name, only as written with ñ ("Nina" is a name). */
const CHILD = /^niñ[oa]$/i;
/** Words that are never a name after a title or a given name ("Miss The…", "Priya I…"). */
const NOT_NAMES = words(`
  the a an and or but if i in on at of to for with by from as so then than when while after before this that
  these those it its we they he she you our their his her my all each every some no not one two three y de del que
  la el los las en con por para`);

/**
 * Capitalised words that are not people, beyond the everyday words: days, months that are not names, languages and
 * nationalities, greetings, holidays, and the shorthand of a hurried writer ("ss", "tchr").
 */
const NOT_PEOPLE = words(`
  monday tuesday wednesday thursday friday saturday sunday january february march september october november
  december english spanish french german italian portuguese chinese mandarin cantonese japanese korean vietnamese
  arabic russian hindi urdu somali swahili tagalog hmong haitian creole latin greek hebrew american mexican african
  asian european latino latina latinx hispanic indian canadian british irish scottish welsh dutch polish ukrainian
  persian farsi turkish navajo okay ok yes yeah yep no nope hey hi hello thanks thank please wow oh um uh ah
  alright sorry bye goodbye welcome congratulations bravo whoa oops god christmas easter thanksgiving halloween
  hanukkah kwanzaa ramadan eid diwali ss tchr tchrs ppl thru bc b4 hw kiddos para paras sped iep ell ells esl eld
  sub subs pe ot pt slp aide mins min sec secs approx esp pls thx ur yall w omg lol btw idk tbh fyi imo smh
  chromebook chromebooks ipad ipads si bueno bien cuidado oigan miren vale claro gracias perfecto exacto ojo listo
  les nos mijo mija mijos mijas campeon campeona amor corazon carino nene nena chiquito chiquita guapo guapa`);

/**
 * Everyday Spanish words, which the English word list lacks: function words, numbers, classroom words and the verbs a
 * teacher says to the class ("Repite, por favor", "uno, dos, tres"), so that in a Spanish note they are not names.
 */
const SPANISH_WORDS = words(`
  de la que el en y a los se del las un por con no una su para es al lo como mas pero sus le ya o fue este ha si
  porque esta son entre cuando muy sin sobre tambien me hasta hay donde quien desde todo nos durante todos uno les
  ni contra otros ese eso ante ellos e esto mi antes algunos unos yo otro otras otra tanto esa estos mucho
  quienes nada muchos cual poco estar estas algunas algo nosotros mis tu te ti tus ellas esos esas estoy
  estamos estan estaba estaban estuvo era eran ser soy eres somos sea habia hubo tiene tienen tenia tenian hace
  hacen hizo hicieron dijo dice dicen luego despues entonces aqui alli ahi asi bien mal cada cuanto cuantos
  cuantas dos tres cuatro cinco seis siete ocho nueve diez once doce veinte cien primero primera segundo segunda
  ultimo ultima vez veces hoy ayer manana ninos ninas alumno alumna alumnos alumnas maestro maestros
  maestras clase mesa grupo pizarra pizarron salon tarjeta tarjetas palabra palabras libro hoja cuaderno lapiz
  pregunta preguntas respuesta respuestas voz pues aunque mientras segun tras hacia repite repitan repitamos
  miren oye oigan escucha escuchen lee lean leemos escribe escriban abre abran cierra cierren dime digan pasa pasen
  ven vengan espera esperen piensa piensen sigue sigan vamos sientense levanten levantate toca toquen cuenta
  cuenten usa usen busca busquen trabajen hablen ayuden manos arriba ojos atencion silencio listos listas ahora
  favor gracias hola adios chicos chicas companeros amigos nadie ninguno ninguna alguien demasiado demasiada
  demasiados demasiadas menudo buen buena buenos buenas siempre nunca trece catorce quince dieciseis diecisiete
  dieciocho diecinueve treinta cuarenta cincuenta trabajo sana otra cero alta alto dan daria ella ellas deja dejan
  quiza quizas seguro capaz igual casi tb tmb tambien porfa aca alla nomas solo poca pocos pocas`);
/**
 * School words of British, Australian and Spanish notes that the word lists lack: a brisk note opens with them before a
 * comma or a verb ("Plenary rushed.", "Física, grupo de 3, …", "Bachillerato, economía, …"), and the words a Spanish
 * writer exclaims with ("Tío, qué bien …"). In Spanish they are lower case without accents, as the lists compare.
 */
const SCHOOL_WORDS = words(`
  plenary plenaries visualiser visualizer biro hod senco lsa prefect prefects dinkum arvo uni tuckshop bursar
  revision gcse gcses rota invigilator fixtures bachillerato economia primaria secundaria infantil selectividad evau
  tutoria claustro jefatura fisica quimica lengua plastica matematicas historia biologia tecnologia musica filosofia
  ingles frances dibujo recreo guardia geografia literatura religion valores optativa ciencias naturales sociales
  tio tia hala venga ostras anda jo madre mia`);
/** "tú" and "vos" typed without accents, after the name of the one spoken to: "gaby tu eres la timekeeper". */
const SECOND_PERSON = words('tu vos');
/** Interjections a name after which is an exclamation, not a person: "¡ay, Jesús!", "¡uy, Dios!". */
const INTERJECTIONS_ES = words('ay uy oh ah ayy');
const EXCLAIMED = words('jesus dios');
/** Given names that are also words in lower case, in English or Spanish: "a jack stand", "la rana". */
const LOWER_CASE_WORDS = words('jack tom ana alba pilar rana lea ming ling ping fang sai rani rosa ella');

/** Verbs in the past (and a few in the present) that follow a person who did something: "Hope counted". */
const PAST = words(`
  said says read reads wrote writes took takes put puts held holds sat sits stood stands ran cut got gets gave gives
  made makes came comes went goes chose brought told tells led kept began sang swept threw found left spoke taught
  thought won hit set saw knew drew blew grew flew fell rode drove ate drank sent spent built lost paid laid bought
  caught sold slid spun stuck struck tore wore woke broke froze hung shook shot shut split spread stole rang let
  met fed hid lit heard bent became forgot understood rewrote reread retold withdrew overheard sank swam swung dug
  fought meant felt slept sped asks answers points counts shares explains moves raises uses works walks calls
  sings helps finishes draws builds adds grabs pours mixes joins listens tries carries solves brings writes`);
/** Verbs in the past that read the same as the present ("will read"): not enough after a word in lower case. */
const SAME_AS_PRESENT = words('read put cut set hit let shut split spread');
/** What only a person in the room is, after "was" or "is": "nasrin was absent", "ray is line leader". */
const PERSON_STATES = words(`
  absent present tardy sick home line leader helper captain manager mgr monitor messenger timekeeper recorder
  reporter materials facilitator`);
/** What only a person is the only one of: "was the only one to volunteer", "the only student using the word wall". */
const ONLY_PERSON = words('one student kid person girl boy');
/** Roles in parentheses after a name: "bill (para)", "hunter (counselor)". */
const PAREN_ROLES = words('aide para paraprofessional counselor sub teacher tchr coach nurse interpreter');
/** Two initials ending in J, a common nickname ("AJ", "TJ", "DJ", "CJ"). */
const INITIALS = /^[a-z]j$/;
/** Dotted pairs of initials that are not a person: "U.S.", "P.E.", "D.C.", "a.m.". */
const ABBREVIATIONS = words('us uk dc pe am pm bc ad eu un id tv ok nj ny la');
/** Modal verbs a person is the subject of: "AJ could explain", "TJ should sit". */
const MODALS = words('could should would can will might must');
/** Verbs of being and having after one person: after a name that is also a word, they make it someone's. */
const BEING = words('was is has had');
/** Words that start a clause, where a person can act: "and ray passed", "while kofi read". */
const CLAUSE_WORDS = words('and while then but when so as after before until because');
/** Spanish words that start a clause: "cuando rocio recogio el material". */
const CLAUSE_WORDS_ES = words('cuando mientras porque pero y luego despues');
/** Words ending in -ed that are not verbs in the past. */
const NOT_PAST = words(
  'need needed seed speed feed bed red shed hundred sacred naked wicked kindred breed greed deed weed',
);
/** Words before a person who is spoken to or about: "asked Rowan", "called on Aroha", "thanked Sage". */
const PERSON_BEFORE = words(`
  asked asks told tells thanked thanks helped helps handed hands reminded invited praised greeted let gave showed
  sent paired partnered prompted nudged encouraged congratulated cued moved seated redirected`);
/** What a person in the room has: "Grace's table", "kim's 2nd period", "ms. t's room". */
const BELONGINGS = words(`
  room classroom class table desk seat group grp team partner partners period station booth bench turn idea answer
  question paper notebook whiteboard board work drawing poster project essay claim tower model journal folder binder
  chair spot clip name hand hands mom dad mother father sister brother sentence response lab section homeroom
  ticket tray cubby locker line side corner row pod spot breakout`);
/**
 * What only a person has, not a subject or a course too: "chens group", "dres table", not "robotics lab", "physics
 * room", "drama class".
 */
const OWNED = words(
  'group grp table desk seat team partner poster project drawing model tower journal essay idea',
);
/** Ordinals a person in the room has only before a word for a class: "kim's 2nd period", not "Newton's third law". */
const ORDINALS = words(
  '1st 2nd 3rd 4th 5th 6th 7th 8th first second third fourth fifth sixth seventh eighth',
);
const CLASS_TIMES = words('period periods pd hour block class');
/** Words before a name that is not the one who acts: "characters from Macbeth pinned underneath". */
const PREPOSITIONS = words(`
  from of in on at by for with about to into onto under over like near behind beside between through during`);
/** Verbs of speech, in English and Spanish, that the speaker follows: '"I got 12," replied Nguyen', "dijo Rocío". */
const SPEECH = words(`
  said says asked asks replied replies answered answers whispered shouted yelled called added explained exclaimed
  responded repeated muttered announced dijo pregunto respondio contesto grito explico anadio repitio`);
/** English verbs of speech in the past, which no Spanish word is: after a given name in lower case ("deja asked"). */
const SAID = words(
  'said asked replied answered whispered shouted yelled explained exclaimed responded repeated muttered announced shared',
);
/**
 * Verbs that hand something to a person, or speak to one, before "to" or Spanish "a": "passed the ball to Xiomara",
 * "le dio la palabra a Rocío". "le" and "les" are Spanish pronouns that announce the person.
 */
const HANDOFF = words(`
  passed passes handed hands gave gives tossed tosses threw throws turned turns returned slid sent showed shows
  whispered explained read reads`);
const HANDOFF_ES = words(`
  dio paso entrego devolvio lanzo mostro explico leyo pidio llamo ayudo felicito sento eligio escogio senalo invito
  corrigio le les pregunto pregunte dijo dije presto acerco`);
/** Words that join the items of a list: "Nguyen, Amara and Tobias", "called on Nguyen, then Oluwaseun". */
const JOINERS = words('and or then y o');
/** Words that join a pair of people: "river and sky", "río y sol", "river n sky". */
const PAIR_JOINERS = words('and y n');
/** An ampersand alone between two words: "hunter & will". */
const AMPERSAND = /^\s*&\s*$/;
/** Words that make "was" or "were" follow a pair of people: "Hunter and Sky were at station 3". */
const PAIR_VERBS = words('was were had is are has');
/** Words a name never follows: "the River", "a Grace period". */
const DETERMINERS = words('the a an this that these those our my his her their its of your every each');
/** Words for a time or for everyone, whose possessive is no one's in particular: "Today's question", "Everyone's work". */
const TIME_WORDS = words(`
  today tomorrow yesterday tonight week weekend month year semester quarter term day morning afternoon everyone
  everybody someone somebody anyone anybody nobody noone`);
/** Words that can stand between a person and the verb: "Hope then counted". */
const BETWEEN = words('then also just again first quickly slowly quietly immediately finally carefully');
/** Words after a person and "and" that make the two a pair of people: "Faith and her partner". */
const PAIR_WORDS = words('his her their su sus');
/** What someone in the room says, which the sayer follows after "from": "a question from Grace", "an idea from Will". */
const SAID_THINGS = words(`
  question questions comment comments answer answers idea ideas response responses suggestion suggestions
  observation prediction guess`);
/** Places in the room where people sit or work: "at booth 2", "at the back table". */
const SEATS = words(
  'table tables booth station desk desks bench corner carpet rug seat seats lab center centers sink board',
);
/** Devices a pair of students works on: "hunter & will on the ipad". */
const DEVICES = words('ipad ipads chromebook chromebooks laptop laptops computer computers tablet tablets');
/** Words in -ing that are no verb: "Hope was something else". */
const NOT_ING = words(
  'nothing something anything everything thing morning evening king ring spring string during',
);
/** "you're" as a hurried writer types it, after a name spoken to: '"jade youre timekeeper today"'. */
const YOU_ARE = words("you're youre ur");
/** Verbs that ask the one spoken to, before "you": '"bill can you read the next line"'. */
const ASKING = words('can could will would do did are were');

/** Lower case, without accents or a possessive 's. */
const lowerBase = (t: NameToken) => t.base.toLowerCase();
/** Endings of everyday words that given names seldom have: "Kindergartners", "Craftsmanship", "Pacing". */
const WORD_ENDING =
  /(?:ers|ists?|ians|ness|tions?|ments?|ship|isms?|ful|less|ology|ities|able|ible|ings?|mente)$/;
/**
 * An everyday word. With `guess` off, only a word the lists hold (or its plural): not a word that merely ends like one
 * ("Lindqvist", "Clemente", "Rogers") nor one whose part before an apostrophe is one ("O'Brien"). A roster name is
 * known to be a name, so only a word the lists hold can make it need a context in lower case.
 */
function isCommon(w: string, guess = true): boolean {
  if (
    COMMON_WORDS.has(w) ||
    SPANISH_WORDS.has(w) ||
    NOT_PEOPLE.has(w) ||
    NOT_NAMES.has(w) ||
    SCHOOL_WORDS.has(w) ||
    (guess && WORD_ENDING.test(w))
  )
    return true;
  // "I've", "don't"; "bell-to-bell", "self-assessment" (but not "Tae-yang").
  if (w.includes("'")) return guess && isCommon(w.slice(0, w.indexOf("'")));
  // Plurals: "Juniors", "Kindergartens".
  if (
    w.endsWith('s') &&
    w.length > 3 &&
    (COMMON_WORDS.has(w.slice(0, -1)) || (w.endsWith('es') && COMMON_WORDS.has(w.slice(0, -2))))
  )
    return !WORD_NAMES.has(w);
  return w.includes('-') && w.split('-').every((p) => p === '' || isCommon(p, guess));
}
const allCaps = (t: NameToken) => t.raw.length > 1 && t.raw === t.raw.toUpperCase();
/** A verb in the past: "counted", "wrote", and in Spanish "leyó", "dibujó", "armaron", "leyeron". */
const isPast = (t: NameToken) =>
  PAST.has(t.key) ||
  (t.key.length > 4 && t.key.endsWith('ed') && !NOT_PAST.has(t.key) && !t.key.includes("'")) ||
  (t.raw.length > 2 && t.raw.endsWith('ó')) ||
  (t.key.length > 5 && /(?:aron|[iy]eron)$/.test(t.key));
/**
 * A Spanish verb as a hurried writer types it, without accents: a preterite ("leyo", "pidio"), an imperfect
 * ("traducia", "usaban") or a plural preterite. (A preterite in -o, "termino", reads like a noun and is left out.)
 */
const SPANISH_VERB = /^[a-zñ]{2,}(?:io|yo|aba|aban|ia|ian|aron|eron)$/;
/**
 * Verbs in the present that a note says people do ("paz lee", "luz ayuda", "rosa y luz trabajan"): phone-typed notes
 * are often in the present. From their infinitives: -ar verbs give -a/-an, -er and -ir verbs -e/-en; then the
 * irregular ones as written.
 */
const SPANISH_PRESENT: ReadonlySet<string> = new Set([
  ...[
    ...words(`
      ayudar anotar cantar terminar pasar preguntar trabajar contestar explicar revisar levantar tocar dibujar pintar
      cortar pegar usar llegar entrar saltar lanzar soldar armar marcar borrar copiar buscar sacar bajar entregar
      mirar escuchar hablar ensayar practicar apuntar cuidar limpiar acomodar ordenar colocar presentar comentar
      participar regresar tomar llevar calcular senalar lavar guardar tirar patear traducir levantar manejar
      organizar reparar medir`),
  ].flatMap((v) => {
    const stem = v.slice(0, -2);
    return v.endsWith('ar') ? [`${stem}a`, `${stem}an`] : [`${stem}e`, `${stem}en`];
  }),
  ...words(`
    lee leen escribe escriben come comen responde responden recoge recogen sube suben abre abren reparte reparten
    comparte comparten decide deciden divide dividen describe describen corre corren aprende aprenden comprende
    juega juegan muestra muestran cuenta cuentan empieza empiezan piensa piensan recuerda recuerdan prueba prueban
    encuentra encuentran cierra cierran corrige corrigen elige eligen pide piden repite repiten sigue siguen sirve
    sirven mueve mueven vuelve vuelven pone ponen hace hacen dice dicen sale salen viene vienen tiene tienen trae
    traen mide miden ensena ensenan`),
]);
const isSpanishVerb = (t: NameToken, present = true) =>
  !t.capitalised &&
  ((present && SPANISH_PRESENT.has(t.key)) ||
    (SPANISH_VERB.test(t.key) &&
      // "mario", "garcia", "cameron": a given name or family name that reads as a verb is a name.
      !NAME_LIST.has(t.key) &&
      !COMMON_WORDS.has(t.key) &&
      !SPANISH_WORDS.has(t.key)));
/** A Spanish infinitive: "pasó al frente a escribir" hands nothing to anyone. */
const INFINITIVE = /(?:ar|er|ir)$/;
/** Spanish pronouns between a subject and its verb: "nahuel le prestó", "esperanza les traduce", "reyes no traía". */
const CLITICS = words('le les se no');
/** Object pronouns that are also articles: "anita los lavó", "beto la borró". */
const OBJECT_PRONOUNS = words('lo la los las');
/** What someone in the room has, in Spanish: "el dibujo de dariana", "la mesa de Iker". */
const BELONGINGS_ES = words(`
  dibujo dibujos mesa grupo equipo cuaderno trabajo turno idea respuesta pareja proyecto hoja silla lugar lado
  mama papa hermano hermana maqueta cartel poema pieza escritorio tableta computadora`);
/** Works and pictures: a full name after "a poem by", "el poema de", "una foto de" is an author or a subject. */
const WORKS = words(`
  poem poems book books story stories novel song painting photo portrait biography poema poemas libro libros cuento
  novela cancion cuadro foto retrato biografia obra cuentos novelas canciones cuadros fotos retratos obras mural
  murales reproduccion reproducciones pintura pinturas video documental imagen imagenes estatua estatuas busto bustos
  texto textos frase frases cita citas lema statue statues quote quotes`);
/**
 * Titles of the great and the long dead, never of someone in the room: "la reina Isabel la Católica", "el cura Miguel
 * Hidalgo", "el presidente Juárez", "King Arthur".
 */
const HISTORIC_TITLES = words(`
  rey reina principe princesa emperador emperatriz presidente presidenta cura virrey libertador conquistador
  king queen prince princess emperor empress president pope`);
/** Spanish words for a work that its title follows without "de": "la canción Cielito Lindo", "el libro Harry Potter". */
const TITLED_WORKS_ES = words(`
  libro libros cuento cuentos poema novela cancion canciones pelicula serie aplicacion himno album disco revista`);
/** Words a team, table or group label follows: "el equipo Verde", "la mesa Jaguar", "Team Phoenix". */
const LABELLED = words('equipo equipos grupo mesa fila estacion team table group row');
/**
 * Countries, states and regions of Latin America, Spain and the US that a class studies, none of them a given name
 * nor a common family name ("Santiago", "Dolores", "Florida", "Guerrero", "Hidalgo" are left out): "la maqueta de Oaxaca", "Guatemala tiene volcanes".
 */
const PLACES = words(`
  mexico guatemala honduras nicaragua panama cuba haiti colombia venezuela ecuador peru bolivia chile argentina
  uruguay paraguay brasil brazil espana spain portugal francia alemania italia inglaterra europa africa asia
  oaxaca chiapas yucatan jalisco sonora chihuahua sinaloa puebla veracruz michoacan tabasco
  zacatecas durango coahuila tamaulipas nayarit campeche tlaxcala guanajuato queretaro monterrey tijuana
  patagonia andes amazonas caribe antillas galicia cataluna andalucia castilla madrid barcelona sevilla bogota
  caracas quito lima texas california arizona nevada chicago tenochtitlan teotihuacan
  cusco machu picchu atacama titicaca`);
/**
 * What a place or a building is called after a name: "the Brooklyn Bridge", "Jefferson Elementary". Not "park" or
 * "hall", which are family names too ("Jenny Park read her essay").
 */
const PLACE_NOUNS = words(`
  bridge street st avenue ave road boulevard river lake mountain mountains canyon island bay county city
  elementary middle high academy school college university library museum center centre building tower
  memorial monument square station airport stadium`);
/** Apps, sites and brands a class uses, capitalised like names: "un video de YouTube", "en Kahoot". */
const BRANDS = words(`
  youtube tiktok powerpoint whatsapp geogebra kahoot canva duolingo quizizz padlet google zoom instagram spotify
  minecraft scratch excel classroom teams flipgrid nearpod desmos wikipedia netflix`);
/**
 * Words a full name follows when it names no one in the room: a topic ("un video sobre César Chávez"), a namesake
 * ("la escuela Benito Juárez", "lleva el nombre de Gabriela Mistral", "dedicado a Roberto Clemente").
 */
const TOPIC_CUES = words('sobre acerca');
const NAMESAKE_CUES = words(`
  escuela colegio liceo instituto academia biblioteca calle avenida plaza parque museo teatro estadio hospital
  universidad school academy library street avenue park museum stadium`);
/** The Spanish ones, after which one name is a namesake even in lower case: "la escuela Juárez". */
const NAMESAKE_CUES_ES = words(`
  escuela colegio liceo instituto academia biblioteca calle avenida plaza parque museo teatro estadio hospital
  universidad`);
const NAMED_CUES = words('nombre name named dedicado dedicada dedicated honor homenaje');
/** Words that join the parts of a full name or a list of full names: "Sor Juana Inés de la Cruz", "Chávez y Huerta". */
const NAME_JOINERS = words('y and de del la');
/** Saints and their days: "el día de San Juan", "Santa Lucía", "St. Patrick's Day". */
const SAINTS = words('san santa santo saint st sta sor fray');
/** Words a place follows within its clause: "el mapa marcaba Dolores Hidalgo", "a city called Florence". */
const PLACE_CUES = words(`
  map maps mapa mapas city ciudad town pueblo village country pais state estado capital river rio street calle avenue
  avenida region province provincia county condado island isla mountain montana volcano volcan lake lago`);
/** Parts of a work: a name in "the chapter where Harry …", "la página donde Juan Preciado llega" is a character. */
const WORK_PARTS = words(
  'page pages chapter chapters scene scenes part stanza verse pagina paginas capitulo capitulos escena escenas parte estrofa verso',
);
/** Words that open what happens in a part of a work: "the scene where …", "la escena en que …". */
const WHERE = words('where when donde cuando que which');
/** What a clause calls the people it names when they are authors, not people in the room (plural, or a poet). */
const AUTHOR_CUES = words(`
  autores autoras poeta poetas escritores escritoras novelista novelistas pintores pintoras authors poet poets writers
  novelist novelists painters`);
/** Words before a quoted title, beyond the works: "the read-aloud was «Pedro Páramo»", "la película «Coco»". */
const TITLE_CUES = words(`
  title titled called film movie read-aloud show series titulo titulado titulada llamado llamada pelicula serie
  lectura programa`);
/** Spanish determiners after a verb in -o typed without its accent: "angel marco los 45 grados", "paz termino su …". */
const DETERMINERS_ES = words('el la los las un una unos unas su sus al del mi mis');
/** Words a Spanish noun follows, so a word after one is a thing: "la luz", "con luz natural", "cada flor". */
const BEFORE_NOUN_ES = new Set([
  ...DETERMINERS_ES,
  ...words(`
    de en con por para sin sobre entre hasta desde hacia a cada este esta estos estas ese esa esos esas otro otra
    otros otras mucho mucha muchos muchas poco poca pocos pocas cualquier tu tus nuestro nuestra hay es era`),
]);
/** Displays of a made-up story: the names in a word problem are characters, "El problema decía «Ana comió …»". */
const STORY_DISPLAYS = words('problem problema problemas ejercicio enunciado');
/** Punctuation that ends a clause between two words. */
const CLAUSE_END = /[.!?;\n]/;
const possessive = (t: NameToken) => t.nameEnd !== t.end;
/**
 * A Spanish diminutive of a listed given name: "juanito", "pedrito", "anita", "carlitos" (not -illo: "amarillo"). Weaker
 * than a list entry ("tacita"), so it counts only after a role; elsewhere such a word is a name by its context.
 */
const DIMINUTIVE = /^(.{2,}?)(?:c?it[oa]s?)$/;
function diminutiveOfName(w: string): boolean {
  const m = DIMINUTIVE.exec(w);
  if (!m) return false;
  const stem = m[1]!;
  return [stem, `${stem}o`, `${stem}a`, `${stem}e`, `${stem}os`].some(
    (n) => n.length > 2 && NAME_LIST.has(n) && !WORD_NAMES.has(n),
  );
}
const isTitle = (w: string) => TITLES.has(w) || WORD_TITLES.has(w);

/** Roster name tokens, lower case without accents, kept per roster array so typing does not rebuild them. */
const rosterCache = new WeakMap<string[], ReadonlySet<string>>();
export function rosterTokens(roster: string[] | undefined): ReadonlySet<string> {
  if (!roster || roster.length === 0) return EMPTY;
  const cached = rosterCache.get(roster);
  if (cached) return cached;
  const out = new Set<string>();
  for (const full of roster) {
    for (const part of full.split(/\s+/)) {
      const clean = fold(part.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').replace(/’/g, "'"));
      if (clean.length < 2 || !UPPER.test(clean) || isTitle(clean.toLowerCase())) continue;
      out.add(clean.toLowerCase());
      for (const piece of clean.split('-'))
        if (piece.length >= 2 && UPPER.test(piece)) out.add(piece.toLowerCase());
    }
  }
  rosterCache.set(roster, out);
  return out;
}
const EMPTY: ReadonlySet<string> = new Set();

/** A word that can continue a name: capitalised and not a function word ("Miss The…", "Priya I…"). */
const nameLike = (t: NameToken | undefined): t is NameToken => !!t && t.capitalised && !NOT_NAMES.has(t.key);

function listed(w: string): boolean {
  if (NAME_LIST.has(w)) return !WORD_NAMES.has(w);
  if (!w.includes('-')) return false;
  return w.split('-').some((p) => NAME_LIST.has(p) && !WORD_NAMES.has(p));
}

/**
 * Finds the people a note names. A name is found by what it is (a roster name, a common given name, a word after a
 * title) or, for names no list holds and names that are also words ("Hope", "Will"), by where it stands: before a
 * verb ("Xiomara wrote"), after "asked" or "called on", spoken to ("Okay, Rose, your turn"), with a possessive and
 * something of theirs ("Grace's table"), paired with another name, or capitalised in mid-sentence.
 */
export function findNames(
  text: string,
  tokens: NameToken[],
  roster: ReadonlySet<string>,
  /**
   * Filled, when given, with each word's person context whether or not it was flagged ("before-verb", "after-speech",
   * "paired" …, or "none"): what the learned name scorer reads, here and for its training.
   */
  contexts?: string[],
): NameCandidate[] {
  const out: NameCandidate[] = [];
  const name = (why: NameWhy, from: number, to: number, rule: string = why): NameCandidate => ({
    kind: 'name',
    why,
    rule,
    start: tokens[from]!.start,
    end: tokens[to - 1]!.nameEnd,
    from,
    to,
  });
  const inRoster = (w: string) =>
    roster.has(w) || (w.includes('-') && w.split('-').some((p) => roster.has(p)));
  const gapBefore = (i: number) => text.slice(i > 0 ? tokens[i - 1]!.end : 0, tokens[i]!.start);
  const gapAfter = (i: number) => text.slice(tokens[i]!.end, tokens[i + 1]?.start ?? text.length);
  const joinedNext = (i: number) => (tokens[i + 1]?.joined ? tokens[i + 1] : undefined);

  /** "Hope counted", "Rocky then traded". */
  const beforeVerb = (i: number, clearly = false) => {
    const prev = tokens[i - 1];
    if (possessive(tokens[i]!) || (prev && tokens[i]!.joined && PREPOSITIONS.has(prev.key))) return false;
    let next = joinedNext(i);
    if (next && (BETWEEN.has(next.key) || (next.key.endsWith('ly') && next.key.length > 4)) && !isPast(next))
      next = joinedNext(i + 1);
    return !!next && isPast(next) && !(clearly && SAME_AS_PRESENT.has(next.key));
  };
  /**
   * Before "was" or "is" and a verb in -ing, or "had" or "has" and a verb in the past or "his", "her", "their": someone
   * doing or having done something ("River was building a circuit", "Max had finished", "will had his hand up"), not
   * "Hope is a theme".
   */
  const actsAfterBeing = (i: number) => {
    const be = joinedNext(i);
    const then = be && joinedNext(i + 1);
    if (!be || !then || possessive(tokens[i]!)) return false;
    if (be.key === 'was' || be.key === 'is')
      return then.key.length > 4 && then.key.endsWith('ing') && !NOT_ING.has(then.key);
    if (be.key === 'had' || be.key === 'has')
      return isPast(then) || PAIR_WORDS.has(then.key) || then.key === 'the';
    // "Joy will present her slides", "AJ could explain his strategy": a modal, a verb and the person's own things.
    if (MODALS.has(be.key) && !isPast(then) && !then.capitalised) {
      const own = joinedNext(i + 2);
      return !!own && PAIR_WORDS.has(own.key) && own.key !== 'su' && own.key !== 'sus';
    }
    return false;
  };
  /**
   * A sentence's first word in lower case before "was" or "is" and what only a person in the room is: "nasrin was
   * absent", "ray is line leader", "teodoro is materials mgr"; or "will" before a verb no modal takes ("will was …").
   */
  const personState = (i: number) => {
    const be = joinedNext(i);
    if (!be || possessive(tokens[i]!)) return false;
    if (tokens[i]!.key === 'will' && (BEING.has(be.key) || isPast(be))) return true;
    let then = be.key === 'was' || be.key === 'is' ? joinedNext(i + 1) : undefined;
    // "Rose was the timekeeper", "Art was the only one to volunteer".
    if (then?.key === 'the') {
      const role = joinedNext(i + 2);
      if (role?.key === 'only') return ONLY_PERSON.has(joinedNext(i + 3)?.key ?? '');
      then = role;
    }
    return !!then && PERSON_STATES.has(then.key);
  };
  /** "bill (para) pulled 3 ss": a role in parentheses right after the word. */
  const roleInParentheses = (i: number) =>
    /^\s*\(\s*$/.test(gapAfter(i)) &&
    !!tokens[i + 1] &&
    (APPOSITIVE_ROLES.has(tokens[i + 1]!.key) || PAREN_ROLES.has(tokens[i + 1]!.key)) &&
    /^\s*\)/.test(gapAfter(i + 1));
  /**
   * "Sky (green hoodie) was the only student …": a short description in parentheses right after the word, then what
   * the person is or did.
   */
  const describedInParentheses = (i: number) => {
    // Only a word a name list holds: "Photosynthesis (the process) was on the board" is no one.
    const w = lowerBase(tokens[i]!);
    if (!(listed(w) || WORD_NAMES.has(w)) || !/^\s*\(\s*$/.test(gapAfter(i))) return false;
    for (let j = i + 1; j < Math.min(tokens.length, i + 5); j++) {
      if (/[.!?"“”]/.test(gapAfter(j))) return false;
      if (!/^\s*\)\s*$/.test(gapAfter(j))) continue;
      const then = tokens[j + 1];
      return !!then && !then.capitalised && (BEING.has(then.key) || isPast(then));
    }
    return false;
  };
  /** "at booth 2", "at the back table": the word at j is "at" and a place in the room follows within three words. */
  const atSeat = (j: number) =>
    tokens[j]?.key === 'at' && tokens.slice(j + 1, j + 4).some((v) => SEATS.has(v.key));
  /**
   * "destiny at the board", "angel helping the new student": a given name as a subject where it stands or of what it
   * is doing.
   */
  const atOrDoing = (i: number) => {
    const next = joinedNext(i);
    // Only a word a name list holds: "advisory doing the survey", "def stealing the idea" are no one.
    const w = lowerBase(tokens[i]!);
    if (!next || !(NAME_LIST.has(w) || WORD_NAMES.has(w))) return false;
    if (next.key === 'at') return atSeat(i + 1);
    const after = joinedNext(i + 1);
    return (
      next.key.length > 4 &&
      next.key.endsWith('ing') &&
      !NOT_ING.has(next.key) &&
      !!after &&
      (DETERMINERS.has(after.key) || PAIR_WORDS.has(after.key))
    );
  };
  /** Before "was", "is", "has" or "had", which a person is as often as a thing: "hunter was lost", "Joy was washing". */
  const beforeBeing = (i: number) => {
    const next = joinedNext(i);
    return !!next && BEING.has(next.key) && !possessive(tokens[i]!);
  };
  /**
   * A Spanish preterite in -o typed without its accent reads like a noun ("termino", "marco"), so only a determiner
   * after it makes it a verb: "marco los 45 grados", "termino su autorretrato".
   */
  const oPreterite = (j: number) => {
    const t = tokens[j];
    const next = joinedNext(j);
    return (
      !!t &&
      !t.capitalised &&
      t.key.length >= 4 &&
      t.key.endsWith('o') &&
      !SPANISH_WORDS.has(t.key) &&
      !COMMON_WORDS.has(t.key) &&
      !!next &&
      DETERMINERS_ES.has(next.key)
    );
  };
  /**
   * Spanish, in lower case: "nahuel le presto", "paz termino su autorretrato", "reyes no traia ropa". A verb in the
   * present ("lee", "ayuda") counts only with `present`: many of its forms are also nouns ("práctica", "pregunta").
   */
  const beforeSpanishVerb = (i: number, present = false) => {
    const next = joinedNext(i);
    if (next && CLITICS.has(next.key)) return !!joinedNext(i + 1);
    // "anita los lavó": an object pronoun, which is also an article, so a verb must follow it.
    if (next && OBJECT_PRONOUNS.has(next.key)) {
      const verb = joinedNext(i + 1);
      return !!verb && (isSpanishVerb(verb, present) || isPast(verb) || oPreterite(i + 2));
    }
    return !!next && (isSpanishVerb(next, present) || isPast(next) || oPreterite(i + 1));
  };
  /** A Spanish verb at j, after any pronouns: "lee", "leyó", "le ayuda", "los lavó", "marco los 45 grados". */
  const spanishVerbAt = (j: number): boolean => {
    const t = tokens[j];
    if (!t) return false;
    if (CLITICS.has(t.key) || OBJECT_PRONOUNS.has(t.key)) return !!joinedNext(j) && spanishVerbAt(j + 1);
    return (
      isSpanishVerb(t) ||
      (!t.capitalised && t.raw.length > 2 && t.raw.endsWith('ó')) ||
      /(?:aron|[iy]eron)$/.test(t.key) ||
      oPreterite(j)
    );
  };
  /**
   * A name that is also a word, a nickname or a diminutive as the subject of a Spanish verb: "sol canta la primera
   * estrofa", "al final del circuito luz ayuda", "Memo parecía perdido", "miguelito lee". A Spanish noun as a subject
   * takes an article ("la luz", "el sol"), so such a word with none before a verb is a name.
   */
  const spanishSubject = (i: number) => {
    const t = tokens[i]!;
    const w = lowerBase(t);
    const prev = tokens[i - 1];
    if (!(NAME_LIST.has(w) || WORD_NAMES.has(w) || diminutiveOfName(w)) || isSpanishVerb(t) || possessive(t))
      return false;
    if (prev && t.joined && BEFORE_NOUN_ES.has(prev.key)) return false;
    return !!joinedNext(i) && spanishVerbAt(i + 1);
  };
  /** The personal "a" with a pronoun for the same person: "A Sol le tocó cronometrar", "a Iker le dieron …". */
  const personalA = (i: number) =>
    tokens[i - 1]?.key === 'a' &&
    tokens[i]!.joined &&
    (tokens[i + 1]?.key === 'le' || tokens[i + 1]?.key === 'les') &&
    !!tokens[i + 1]?.joined;
  /** A Spanish role within the few words before, in the same sentence: "la profe de EF, victoria, …". */
  const roleBefore = (i: number) => {
    for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
      if (ROLES_ES.has(tokens[k]!.key)) return true;
      if (CLAUSE_END.test(gapBefore(k))) return false;
    }
    return false;
  };
  /**
   * After a Spanish role, in lower case, a word no list holds that does not read as a verb: "la profe maru", "la seño
   * tali". Spanish verbs end in a vowel, -n or -s ("camina", "explico", "leen"), names seldom in all of them.
   */
  const afterRole = (i: number) => {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (!next || next.capitalised || !next.afterTitle || !ROLES_ES.has(t.key)) return false;
    const article = !!tokens[i - 1] && t.joined && ARTICLES_ES.has(tokens[i - 1]!.key);
    const w = lowerBase(next);
    return (
      (article || t.key === 'profe' || t.key === 'seno' || t.key === 'miss') &&
      w.length > 2 &&
      !isCommon(w) &&
      !isTitle(w) &&
      !/(?:[aeo]|[ae]n|s)$/.test(w) &&
      !isSpanishVerb(next)
    );
  };
  /**
   * A full name, or a list of them, that is a work's author, a topic or a namesake: "cuentos de Rafael Pombo",
   * "«Platero y yo», de Juan Ramón Jiménez", "sobre César Chávez y Dolores Huerta", "la escuela Benito Juárez",
   * "dedicado a Roberto Clemente". Only full names: one given name after "una foto de" may be a student.
   */
  const fullNameCue = (i: number, to: number) => {
    // Back over the names and their joiners, within the clause, to the word before them.
    // In a name typed in lower case, a word no list holds counts after a given name: "frida kahlo y diego rivera".
    const lower = !tokens[i]!.capitalised;
    const nameWord = (k: number) => {
      const u = tokens[k]!;
      const w = lowerBase(u);
      if (u.sentenceStart || isTitle(w)) return false;
      if (u.capitalised || NAME_LIST.has(w)) return true;
      return lower && !isCommon(w) && k > 0 && NAME_LIST.has(lowerBase(tokens[k - 1]!));
    };
    let k = i - 1;
    let names = to - i;
    while (k >= 0 && i - k <= 8 && !CLAUSE_END.test(gapAfter(k)) && !/["“”«»]/.test(gapAfter(k))) {
      if (NAME_JOINERS.has(tokens[k]!.key)) k--;
      else if (nameWord(k)) {
        names++;
        k--;
      } else break;
    }
    // And on after it: "Antoine de Saint-Exupéry".
    for (let j = to; j < tokens.length && j - to < 3 && !CLAUSE_END.test(gapBefore(j)); j++) {
      if (NAME_JOINERS.has(tokens[j]!.key)) continue;
      // In lower case, a word no list holds right after the given name: "reproducciones de diego rivera".
      const surname = lower && j === to && !isCommon(lowerBase(tokens[j]!)) && !isSpanishVerb(tokens[j]!);
      if (!tokens[j]!.capitalised && !surname) break;
      names++;
    }
    if (k < 0) return false;
    const cue = tokens[k]!;
    const first = tokens[k + 1]!;
    // "la pregunta sobre Cortés": in Spanish, one capitalised name after "sobre" is a topic too.
    if (cue.key === 'sobre' && first.capitalised) return true;
    if (names < 2) return false;
    const of = first.key === 'de' || first.key === 'del' || first.key === 'of' || first.key === 'by';
    if (TOPIC_CUES.has(cue.key) || NAMESAKE_CUES.has(cue.key)) return true;
    if (of && (WORKS.has(cue.key) || NAMED_CUES.has(cue.key))) return true;
    if ((cue.key === 'a' || cue.key === 'to') && NAMED_CUES.has(tokens[k - 1]?.key ?? '')) return true;
    // A quoted title and its author: "«El principito», de Antoine de Saint-Exupéry".
    return of && /["”»],\s*$/.test(gapAfter(k));
  };
  /**
   * Capitalised words that name no one in the room: a saint ("San Juan"), "de la Paz", a place ("el mapa marcaba
   * Dolores Hidalgo"), a character ("the chapter where Harry …"), a quoted title ("«Pedro Páramo»"), and a word in
   * lower case alone in quotation marks ("escribió «amparo»").
   */
  const notAPerson = (i: number, to: number) => {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    if (prev && t.afterTitle && SAINTS.has(prev.key) && prev.capitalised) return true;
    if (fullNameCue(i, to)) return true;
    if (t.capitalised && prev && t.joined && !inRoster(lowerBase(t))) {
      // "la reina Isabel", "el cura Miguel Hidalgo": a queen or a president is not in the room.
      if (HISTORIC_TITLES.has(prev.key)) return true;
      // Back over the capitalised words of a title ("la canción Cielito Lindo") to the word that says what it names:
      // "el Instituto Cervantes", "la escuela Juárez" (a namesake), "el libro Harry Potter" (a Spanish word for a work).
      for (let k = i - 1; k >= 0; k--) {
        const cue = tokens[k]!;
        if (NAMESAKE_CUES.has(cue.key) && (cue.capitalised || NAMESAKE_CUES_ES.has(cue.key))) return true;
        // One given name alone after one may be a student: "durante la canción Mateo tocó el tambor".
        if (TITLED_WORKS_ES.has(cue.key) && (k < i - 1 || to - i > 1 || !listed(lowerBase(t)))) return true;
        if (!cue.capitalised || cue.sentenceStart || !tokens[k + 1]!.joined) break;
      }
      // "el Grito en Dolores", "nació en Rosario": a capitalised word after "en" is a place.
      if (prev.key === 'en') return true;
      // "el equipo Verde habló": a label no list holds after the word for a team, a table or a row.
      if (LABELLED.has(prev.key) && !listed(lowerBase(t))) return true;
    }
    // "el Grito de Dolores", "la Plaza de Armas": a capitalised thing's name runs on after "de".
    const thing = tokens[i - 2];
    if (
      t.capitalised &&
      prev?.key === 'de' &&
      t.joined &&
      prev.joined &&
      thing?.capitalised &&
      !thing.sentenceStart &&
      !NAME_LIST.has(lowerBase(thing)) &&
      !inRoster(lowerBase(thing))
    )
      return true;
    if (
      t.capitalised &&
      prev &&
      t.joined &&
      (prev.key === 'del' || (ARTICLES_ES.has(prev.key) && tokens[i - 2]?.key === 'de' && prev.joined))
    )
      return true;
    if (!t.capitalised && /["“«‘']\s*$/.test(gapBefore(i)) && /^[.,!?]?["”»’']/.test(gapAfter(i)))
      return true;
    const inClause = (from: number, until: number, set: ReadonlySet<string>) => {
      for (let k = from; k < until; k++) {
        if (k < 0 || k >= tokens.length) continue;
        if (k > from && CLAUSE_END.test(gapBefore(k))) return false;
        if (set.has(tokens[k]!.key)) return true;
      }
      return false;
    };
    // A word already read as a name is no cue: "river and sky at the sink" (not "the river, Sky").
    const named = (k: number) => out.some((c) => c.from <= k && k < c.to);
    const sameClauseBefore = (n: number, set: ReadonlySet<string>) => {
      for (let k = i - 1; k >= Math.max(0, i - n); k--) {
        if (CLAUSE_END.test(gapBefore(k + 1))) return false;
        if (set.has(tokens[k]!.key) && !named(k)) return true;
      }
      return false;
    };
    // Not someone spoken to after a comma: '"… look at the map, Bao."'.
    const spokenTo = /,\s*$/.test(gapBefore(i)) && addressed(i);
    if (!spokenTo && (sameClauseBefore(5, PLACE_CUES) || inClause(to, to + 4, PLACE_CUES))) return true;
    if (prev && t.joined && WHERE.has(prev.key) && sameClauseBefore(4, WORK_PARTS)) return true;
    // "Mistral y Neruda fueron los dos autores …", "the poets Hughes and Angelou": people the clause calls authors.
    if (t.capitalised && (sameClauseBefore(4, AUTHOR_CUES) || inClause(to, to + 7, AUTHOR_CUES))) return true;
    const opened = /["“«]\s*$/.test(gapBefore(i));
    const closed = /^\s*(?:[:"”»]|[.,!?]["”»])/.test(gapAfter(to - 1));
    // A «quotation» no one is said to speak that opens with a name and runs on without a comma is a title: "Leyeron
    // «Esperanza renace» en parejas"; a quoted name alone is a title when the clause says so after it too: "«Marisol»
    // es el título del cuento".
    if (
      /«\s*$/.test(gapBefore(i)) &&
      !closed &&
      !spokenQuote(i) &&
      /^ +$/.test(gapAfter(to - 1)) &&
      quoteClosesAfter(to)
    )
      return true;
    if (opened && closed && (inClause(to, to + 6, TITLE_CUES) || inClause(to, to + 6, WORKS))) return true;
    return opened && closed && (to - i > 1 || sameClauseBefore(6, WORKS) || sameClauseBefore(6, TITLE_CUES));
  };
  /** The quotation open before the word at i closes within four words, with no comma, on the same line. */
  const quoteClosesAfter = (to: number) => {
    for (let j = to; j < Math.min(tokens.length, to + 4); j++) {
      const gap = gapAfter(j);
      if (/["”»]/.test(gap)) return true;
      if (/[,\n]/.test(gap)) return false;
    }
    return false;
  };
  /** "el dibujo de dariana", "la mesa de Iker". */
  const belongingOf = (i: number) => {
    const prev = tokens[i - 1];
    const before = tokens[i - 2];
    return (
      !!prev &&
      !!before &&
      prev.key === 'de' &&
      tokens[i]!.joined &&
      prev.joined &&
      BELONGINGS_ES.has(before.key)
    );
  };
  /** "asked Rowan", "called on Aroha". */
  const afterPersonWord = (i: number) => {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    if (!prev || !t.joined) return false;
    if (PERSON_BEFORE.has(prev.key)) return true;
    return prev.key === 'on' && !!tokens[i - 2] && prev.joined && tokens[i - 2]!.key === 'called';
  };
  /** The speaker after a verb of speech: "replied Nguyen", and after a quotation even in lower case: '"yes" said nguyen'. */
  const afterSpeech = (i: number, lower = false) => {
    const prev = tokens[i - 1];
    if (!prev || !tokens[i]!.joined || !SPEECH.has(prev.key)) return false;
    return !lower || /["”’]\s*,?\s*$/.test(gapBefore(i - 1));
  };
  /** The one something is handed or said to: "passed the ball to Xiomara", "le dio la palabra a Rocío". */
  const handedTo = (i: number) => {
    const prev = tokens[i - 1];
    if (!prev || !tokens[i]!.joined || (prev.key !== 'to' && prev.key !== 'a')) return false;
    // "paso a paso", "uno a uno": a word said twice around "a" is an idiom, not a handoff.
    if (tokens[i - 2]?.key === tokens[i]!.key) return false;
    const verbs = prev.key === 'to' ? HANDOFF : HANDOFF_ES;
    for (let k = i - 2; k >= Math.max(0, i - 5); k--) {
      if (!tokens[k + 1]!.joined) return false;
      if (verbs.has(tokens[k]!.key)) return true;
    }
    return false;
  };
  /** "Grace's table", "Dmitris group", "kim's 2nd period". */
  const withBelonging = (i: number) => {
    const t = tokens[i]!;
    const next = joinedNext(i);
    const ordinal = !!next && ORDINALS.has(next.key) && CLASS_TIMES.has(joinedNext(i + 1)?.key ?? '');
    if (!next || !(BELONGINGS.has(next.key) || ordinal)) return false;
    // "Siobhans poster", "jaxons table": a given name and an s without its apostrophe, in lower case if that is no word.
    return (
      possessive(t) ||
      (t.key.endsWith('s') && (t.capitalised || !isCommon(t.key)) && listed(t.key.slice(0, -1)))
    );
  };
  /**
   * "T.J. ran the slideshow", "J.R. was sent to the office": two initials with their full stops, then a verb in the
   * past, "was"/"is"/"has"/"had" or a modal in lower case; not "the U.S. was", "P.E. is".
   */
  const dottedInitials = (i: number) => {
    const a = tokens[i]!;
    const b = tokens[i + 1];
    const verb = tokens[i + 2];
    const letter = (u: NameToken) => u.raw.length === 1 && /^\p{Lu}$/u.test(u.raw);
    return (
      letter(a) &&
      !!b &&
      letter(b) &&
      gapAfter(i) === '.' &&
      /^\. +$/.test(gapAfter(i + 1)) &&
      !DETERMINERS.has(tokens[i - 1]?.key ?? '') &&
      !ABBREVIATIONS.has(a.key + b.key) &&
      !!verb &&
      !verb.capitalised &&
      (isPast(verb) || BEING.has(verb.key) || MODALS.has(verb.key))
    );
  };
  /** "marks group finished": see nameAt. */
  const ownedNoApostrophe = (i: number) => {
    const t = tokens[i]!;
    const stem = t.key.slice(0, -1);
    const thing = joinedNext(i);
    const then = thing && joinedNext(i + 1);
    return (
      !t.capitalised &&
      !possessive(t) &&
      t.key.endsWith('s') &&
      stem.length >= 3 &&
      (WORD_NAMES.has(stem) || (!isCommon(stem) && !isCommon(t.key))) &&
      !!thing &&
      OWNED.has(thing.key) &&
      !!then &&
      (isPast(then) || BEING.has(then.key))
    );
  };
  /** Spoken to or set off by commas: "Okay, Rose, your turn", "“Chase, hold the door”", "Joy, the aide, sat". */
  const addressed = (i: number) => {
    const t = tokens[i]!;
    const before = gapBefore(i);
    const after = gapAfter(i);
    // The last word counts only after a comma and a word in lower case, where a quotation closes right after it:
    // '"…, not the other way, Miles"', not '"Bogotá, Colombia"'.
    const last = i + 1 >= tokens.length;
    if (
      possessive(t) ||
      (last && !(/,\s*$/.test(before) && /^[.!?]?["”’»]/.test(after) && !tokens[i - 1]?.capitalised))
    )
      return false;
    // A word alone in quotation marks is quoted content: "Freeze!", "Proficient,".
    if (/["“‘]\s*$/.test(before) && /^[,.!?]?["”’]/.test(after)) return false;
    // A list of capitalised words is a list of things: "Click, Clack, Moo", "Dust Bowl, Hooverville, breadline".
    const prev = tokens[i - 1];
    const comma = /,\s*$/.test(before);
    if (comma && prev?.capitalised && !prev.sentenceStart) return false;
    if (!last && /^,\s*$/.test(after) && tokens[i + 1]!.capitalised && !NOT_NAMES.has(tokens[i + 1]!.key))
      return false;
    if (listOfThings(i)) return false;
    const opens = t.sentenceStart || comma || /["“‘]\s*$/.test(before);
    return opens && /^(\s*[,?!—–]|[.!?]?["”’])/.test(after);
  };
  /** The one who said it: "nice question from grace about density", "an idea from Will". Not "from summer reading". */
  const saidBy = (i: number) => {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const next = joinedNext(i);
    return (
      prev?.key === 'from' &&
      t.joined &&
      prev.joined &&
      SAID_THINGS.has(tokens[i - 2]?.key ?? '') &&
      !CALENDAR_NAMES.has(lowerBase(t)) &&
      !possessive(t) &&
      !(next && (next.capitalised || BELONGINGS.has(next.key) || !isCommon(next.key)))
    );
  };
  /**
   * Spoken to at the start of a quotation, the comma left out: '"bill can you read the next line"', '"jade youre
   * timekeeper today"', '"Summer show us your platform"' (a verb and "us" or "me"), not '"Hope you're well"'.
   */
  const addressedOpening = (i: number) => {
    const t = tokens[i]!;
    const next = joinedNext(i);
    const after = next && joinedNext(i + 1);
    if (!next || !/["“]\s*$/.test(gapBefore(i)) || possessive(t) || !/^ +$/.test(gapAfter(i))) return false;
    if (!spokenQuote(i + 1) && !spokenAfter(i)) return false;
    if (YOU_ARE.has(next.key)) return t.key !== 'hope';
    if (!after) return false;
    if (ASKING.has(next.key)) return after.key === 'you' || after.key === 'u';
    return (
      (after.key === 'us' || after.key === 'me') &&
      !next.capitalised &&
      isCommon(next.key) &&
      !/(?:s|ed|ing)$/.test(next.key)
    );
  };
  /** A quotation that a verb of speech follows: '"bill can you read the next line" tchr asks'. */
  const spokenAfter = (i: number) => {
    for (let j = i; j < Math.min(tokens.length, i + 15); j++) {
      if (!/["”]/.test(gapAfter(j))) continue;
      for (let k = j + 1; k < Math.min(tokens.length, j + 4); k++)
        if (SPEECH.has(tokens[k]!.key)) return true;
      return false;
    }
    return false;
  };
  /** Spoken to at the start of a quotation, in lower case: "“dante, you're reader one”". */
  const addressedInQuotes = (i: number) =>
    /["“«]\s*$/.test(gapBefore(i)) &&
    /^,\s+$/.test(gapAfter(i)) &&
    isCommon(lowerBase(tokens[i + 1]!)) &&
    !listOfThings(i);
  /**
   * The first item of a list of things, not someone spoken to: "León, tigre y jaguar eran las tarjetas",
   * '"hypothesis, variable, control"'. After the comma comes a word in lower case, then another comma or "y"/"and".
   */
  const listOfThings = (i: number) => {
    const item = tokens[i + 1];
    const joiner = tokens[i + 2];
    if (!/^,\s*$/.test(gapAfter(i)) || !item || item.capitalised || !joiner) return false;
    // "Luz, pasa y siéntate": what is said to someone starts with a verb.
    if (isSpanishVerb(item) || isPast(item)) return false;
    return /^\s*,\s*$/.test(gapAfter(i + 1)) || (JOINERS.has(joiner.key) && joiner.joined);
  };
  /** Inside a quotation that follows a verb of speech: 'la maestra dijo «ven, yoali»', not 'the chart read "…"'. */
  const spokenQuote = (i: number) => {
    for (let k = i - 1; k >= Math.max(1, i - 8); k--) {
      if (!/["“«]\s*$/.test(gapBefore(k))) continue;
      for (let j = k - 1; j >= Math.max(0, k - 3); j--) if (SPEECH.has(tokens[j]!.key)) return true;
      return false;
    }
    return false;
  };
  /** "Summer and Joy", "Faith and her partner", "Priya and Sky". */
  const paired = (i: number, nameish: (j: number) => boolean) => {
    // "river and sky", "river n sky", "hunter & will" (the ampersand is no word: the pair is the next word).
    const amp = AMPERSAND.test(gapAfter(i));
    if (amp || PAIR_JOINERS.has(joinedNext(i)?.key ?? '')) {
      // The other of the pair, then where what they do starts.
      const at = amp ? i + 1 : i + 2;
      const other = amp ? tokens[at] : joinedNext(at - 1);
      const from = at + 1;
      const acts = () =>
        tokens.slice(from, from + 3).some(
          (u, k) =>
            isPast(u) ||
            isSpanishVerb(u) ||
            (k < 2 && PAIR_VERBS.has(u.key)) ||
            // "river and summer at booth 2", "hunter & will on the ipad": a pair at their place in the room.
            (k === 0 && atSeat(from)) ||
            (k === 0 && u.key === 'on' && tokens.slice(from + 1, from + 3).some((v) => DEVICES.has(v.key))),
        );
      // A word after an article is a thing: "los vasos y anita los lavó".
      const article =
        tokens[i - 1] && (DETERMINERS.has(tokens[i - 1]!.key) || DETERMINERS_ES.has(tokens[i - 1]!.key));
      const both = other && !article && (other.capitalised || !tokens[i]!.capitalised) && nameish(at);
      if (other && (PAIR_WORDS.has(other.key) || both) && acts()) return true;
    }
    const last = out[out.length - 1];
    const before = tokens[i - 1]?.key;
    if (AMPERSAND.test(gapBefore(i))) return !!last && last.to === i;
    return PAIR_JOINERS.has(before ?? '') && tokens[i]!.joined && !!last && last.to === i - 1;
  };
  /** Which context makes the word at i a person, if any. */
  const contextRule = (i: number, nameish: (j: number) => boolean): string | undefined =>
    beforeVerb(i)
      ? 'before-verb'
      : belongingOf(i)
        ? 'belonging-of'
        : afterPersonWord(i)
          ? 'after-person'
          : afterSpeech(i)
            ? 'after-speech'
            : handedTo(i)
              ? 'handed-to'
              : withBelonging(i)
                ? 'with-belonging'
                : addressed(i)
                  ? 'addressed'
                  : addressedOpening(i)
                    ? 'addressed-opening'
                    : saidBy(i)
                      ? 'said-by'
                      : paired(i, nameish)
                        ? 'paired'
                        : actsAfterBeing(i)
                          ? 'acts-being'
                          : tokens[i]!.sentenceStart && personState(i)
                            ? 'person-state'
                            : tokens[i]!.sentenceStart && ownedNoApostrophe(i)
                              ? 'owner'
                              : tokens[i]!.sentenceStart && describedInParentheses(i)
                                ? 'described'
                                : undefined;
  /** The rule of the last top-level nameAt that found a name (a shallow look at a neighbour leaves it alone). */
  let fired = '';

  /** A name in a title or quoted words rather than a person: "Charlotte's Web", "“Esperanza Rising”". */
  const titleLike = (i: number) => {
    const t = tokens[i]!;
    const next = joinedNext(i);
    if (next?.key === 'and' && tokens[i + 2]?.key === 'the' && tokens[i + 3]?.capitalised) return true;
    if (!next?.capitalised || isPast(next) || WORD_NAMES.has(lowerBase(next))) return false;
    return isCommon(lowerBase(next)) && (possessive(t) || /["“‘]\s*$/.test(gapBefore(i)));
  };

  /**
   * "a poem by …", "el poema de …", "una foto de …"; and a full name after "by" alone, which is an author's: '"The Road
   * Not Taken" by Robert Frost', "Grace for President by Kelly DiPucchio" (the caller asks for a full name).
   */
  const byWork = (i: number) => {
    const prev = tokens[i - 1];
    if (!prev || !tokens[i]!.joined || !['by', 'of', 'de', 'del'].includes(prev.key)) return false;
    if (prev.key === 'by') return true;
    for (let k = i - 2; k >= Math.max(0, i - 3); k--) if (WORKS.has(tokens[k]!.key)) return true;
    return false;
  };
  /** A name in a word problem shown to the class is a character: 'The problem said "Ana ate 2/8 …"'. */
  const inStory = (i: number) => {
    for (let k = i - 1; k >= Math.max(0, i - 6); k--) if (STORY_DISPLAYS.has(tokens[k]!.key)) return true;
    return false;
  };

  /** What makes the word at i a name, if anything. */
  const nameAt = (i: number, shallow = false): NameWhy | undefined => {
    const t = tokens[i]!;
    const w = lowerBase(t);
    // "AJ could explain", "TJ should sit closer": two initials ending in J before a verb are a nickname.
    if (INITIALS.test(t.key) && !shallow && !DETERMINERS.has(tokens[i - 1]?.key ?? '')) {
      const next = joinedNext(i);
      if (next && (isPast(next) || BEING.has(next.key) || ASKING.has(next.key) || MODALS.has(next.key))) {
        fired = 'initials';
        return 'first-name';
      }
    }
    if (NOT_NAMES.has(t.key) || isTitle(w) || w.length < 2 || (allCaps(t) && !t.raw.includes("'")))
      return undefined;
    // "un video de YouTube", "la maqueta de Oaxaca": an app or a place, unless the roster says it is someone.
    if ((BRANDS.has(t.key) || PLACES.has(t.key)) && !inRoster(w)) return undefined;
    // "contenido, organización, ortografía": a Spanish noun in -ción or -sión typed in lower case is no one.
    if (!t.capitalised && /[cs]ion(?:es)?$/.test(w) && !NAME_LIST.has(w) && !inRoster(w)) return undefined;
    // "¡ay, Jesús!": an exclamation after an interjection, closed by its "!", calls on no one in the room.
    if (EXCLAIMED.has(w) && INTERJECTIONS_ES.has(tokens[i - 1]?.key ?? '') && /^\s*!/.test(gapAfter(i)))
      return undefined;
    const nameish = (j: number) => !shallow && !!tokens[j] && nameAt(j, true) !== undefined;
    // In lower case, a word is a name only by its context, unless it is no everyday word.
    const clause = !!tokens[i - 1] && t.joined && CLAUSE_WORDS.has(tokens[i - 1]!.key);
    const spanishClause = !!tokens[i - 1] && t.joined && CLAUSE_WORDS_ES.has(tokens[i - 1]!.key);
    const lowerContext = () =>
      (t.sentenceStart && beforeVerb(i)) ||
      (clause && beforeVerb(i, true)) ||
      ((t.sentenceStart || clause) && actsAfterBeing(i)) ||
      (t.sentenceStart && (personState(i) || atOrDoing(i))) ||
      roleInParentheses(i) ||
      (t.sentenceStart && describedInParentheses(i)) ||
      withBelonging(i) ||
      paired(i, nameish) ||
      addressedInQuotes(i) ||
      addressedOpening(i) ||
      saidBy(i) ||
      afterSpeech(i, true) ||
      // "tchr told xiomara to restart": no everyday word is spoken to or handed things.
      (!isCommon(w) &&
        (afterPersonWord(i) ||
          (handedTo(i) && tokens[i - 1]!.key === 'a' && (!INFINITIVE.test(w) || NAME_LIST.has(w))))) ||
      ((t.sentenceStart || spanishClause) && !isCommon(w) && beforeSpanishVerb(i)) ||
      spanishSubject(i) ||
      // "at the back table mark asks …", "in the corner hunter explains …": a phone-typed opening phrase without its
      // comma, then a name that is also a word as the subject of a verb.
      (WORD_NAMES.has(w) &&
        !!tokens[i - 1] &&
        t.joined &&
        !tokens[i - 1]!.capitalised &&
        !DETERMINERS.has(tokens[i - 1]!.key) &&
        !PREPOSITIONS.has(tokens[i - 1]!.key) &&
        !NOT_NAMES.has(tokens[i - 1]!.key) &&
        (beforeVerb(i, true) || beforeBeing(i))) ||
      // "el dibujo de lupita", "a ruben le tocó": only a word a list holds, as many Spanish nouns are in no list.
      ((NAME_LIST.has(w) || WORD_NAMES.has(w) || diminutiveOfName(w)) && (belongingOf(i) || personalA(i))) ||
      // "yo que tu, paco, pondria …": spoken to, between commas, before a verb; "la profe de EF, victoria, paro …".
      ((!isCommon(w) || WORD_NAMES.has(w)) &&
        /,\s*$/.test(gapBefore(i)) &&
        /^,\s*$/.test(gapAfter(i)) &&
        !!tokens[i + 1] &&
        (isSpanishVerb(tokens[i + 1]!) || oPreterite(i + 1) || roleBefore(i))) ||
      // "«ven, yoali»": spoken to at the end of a quotation, after a word of the class's talk.
      (!isCommon(w) &&
        /,\s*$/.test(gapBefore(i)) &&
        /^[.!?]?["”»]/.test(gapAfter(i)) &&
        !!tokens[i - 1] &&
        isCommon(lowerBase(tokens[i - 1]!)) &&
        spokenQuote(i)) ||
      // "gaby tu eres la timekeeper": spoken to, the comma left out, before "tú" and its verb (or "vos" and its).
      (!isCommon(w) &&
        (t.sentenceStart || /["“«]\s*$/.test(gapBefore(i))) &&
        SECOND_PERSON.has(tokens[i + 1]?.key ?? '') &&
        !!tokens[i + 2] &&
        tokens[i + 1]!.joined &&
        tokens[i + 2]!.joined &&
        /(?:as|es|is)$/.test(tokens[i + 2]!.key)) ||
      // "consuelo, la aide, traducia …": a role set off by commas after the name.
      (t.sentenceStart &&
        /^,\s*$/.test(gapAfter(i)) &&
        ARTICLES_ES.has(tokens[i + 1]?.key ?? '') &&
        APPOSITIVE_ROLES.has(tokens[i + 2]?.key ?? '')) ||
      // "Dijo victoria: «…»": the speaker before what they said.
      (!isCommon(w) && afterSpeech(i) && /^\s*:/.test(gapAfter(i)));
    if (inRoster(w)) {
      const found = t.capitalised || !isCommon(w, false) || lowerContext();
      if (!shallow) fired = 'roster';
      return found ? 'roster' : undefined;
    }
    // In lower case, a Spanish verb in the past is no name, though it may read as one without its accent ("marcó").
    if (!t.capitalised && t.raw.endsWith('ó')) return undefined;
    if (listed(w) && (t.capitalised || (w.length > 2 && !isCommon(w) && !LOWER_CASE_WORDS.has(w)))) {
      if (!shallow) fired = 'listed';
      return 'first-name';
    }
    // "Tomasito Yupanqui", "Marianita": a capitalised diminutive of a given name.
    if (t.capitalised && !isCommon(w) && diminutiveOfName(w)) {
      if (!shallow) fired = 'diminutive';
      return 'first-name';
    }
    if (shallow) return (t.capitalised && !isCommon(w)) || WORD_NAMES.has(w) ? 'first-name' : undefined;
    if (t.capitalised) {
      if (WORD_NAMES.has(w)) {
        const cue =
          contextRule(i, nameish) ??
          (spanishSubject(i)
            ? 'spanish-subject'
            : personalA(i)
              ? 'personal-a'
              : // "Next to the sink, Joy was washing": in mid-sentence, not after "the" or "a".
                !t.sentenceStart &&
                  beforeBeing(i) &&
                  !DETERMINERS.has(tokens[i - 1]?.key ?? '') &&
                  !tokens[i - 1]?.capitalised
                ? 'before-being'
                : undefined);
        fired = `word-name:${cue ?? 'alone'}`;
        // "the Mississippi River shaped trade": after a capitalised word in mid-sentence that is no name, a word name
        // ends a place's or a thing's name.
        const before = tokens[i - 1];
        if (
          before?.capitalised &&
          !before.sentenceStart &&
          t.joined &&
          !inRoster(lowerBase(before)) &&
          !NAME_LIST.has(lowerBase(before)) &&
          !isTitle(before.key)
        )
          return undefined;
        if (cue) return 'first-name';
        if (CALENDAR_NAMES.has(w) || t.sentenceStart) return undefined;
        const prev = tokens[i - 1];
        const next = joinedNext(i);
        if (
          prev &&
          (DETERMINERS.has(prev.key) ||
            DETERMINERS_ES.has(prev.key) ||
            (prev.capitalised && !prev.sentenceStart))
        )
          return undefined;
        if (next?.capitalised && isCommon(next.key) && !WORD_NAMES.has(next.key)) return undefined;
        // A word name used as a verb: "then Drew a line", "Mark the answer".
        if (next && DETERMINERS.has(next.key)) return undefined;
        return 'first-name';
      }
      if (isCommon(w)) {
        // "Maya's group", "Rain's table": a capitalised word with a possessive and something a person in the room has
        // is someone's, though the word is also a word (not "the Senate's", "Monday's class", "Today's question").
        if (
          withBelonging(i) &&
          COMMON_WORDS.has(w) &&
          !TIME_WORDS.has(w) &&
          !DETERMINERS.has(tokens[i - 1]?.key ?? '')
        ) {
          fired = 'common-belonging';
          return 'first-name';
        }
        fired = 'common-after-person';
        return !t.sentenceStart && afterPersonWord(i) ? 'first-name' : undefined;
      }
      const cue = contextRule(i, nameish);
      fired = `cap:${cue}`;
      return cue ? 'first-name' : undefined;
    }
    // "ella's table": a given name a list holds, with a possessive and what a person in the room has, is someone's in
    // lower case too, though the name is also a word ("ella" is Spanish for "she"); not after "the" nor "today's".
    if (
      listed(w) &&
      possessive(t) &&
      withBelonging(i) &&
      !TIME_WORDS.has(w) &&
      !DETERMINERS.has(tokens[i - 1]?.key ?? '')
    ) {
      fired = 'lower-belonging';
      return 'first-name';
    }
    // "marks group finished", "chens group argued", "dres table had": a sentence's first word in lower case, an s
    // without its apostrophe, something a person in the room has, then what they did; the word without its s is a
    // word name or no everyday word ("kids table had" is no one's).
    if (t.sentenceStart && ownedNoApostrophe(i)) {
      fired = 'lower-owner';
      return 'first-name';
    }
    // "deja asked", "like ella said in her group": a given name a list holds, in lower case though it is also a word
    // ("deja", "ella" in Spanish), before an English verb of speech in the past; not after "the".
    if (
      listed(w) &&
      !possessive(t) &&
      SAID.has(joinedNext(i)?.key ?? '') &&
      !DETERMINERS.has(tokens[i - 1]?.key ?? '')
    ) {
      fired = 'lower-said';
      return 'first-name';
    }
    if (isCommon(w) && !WORD_NAMES.has(w)) return undefined;
    // "and underlined repeated phrases": a word in lower case that reads as a verb in the past is one, unless a name
    // list holds it.
    if (isPast(t) && !NAME_LIST.has(w) && !WORD_NAMES.has(w)) return undefined;
    const found = lowerContext();
    fired = 'lower';
    return found ? 'first-name' : undefined;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    // A school named after someone, with a title in its name: "el Colegio Don Bosco".
    if (
      isTitle(t.key) &&
      t.capitalised &&
      t.joined &&
      NAMESAKE_CUES.has(tokens[i - 1]?.key ?? '') &&
      next?.capitalised
    ) {
      i++;
      continue;
    }
    // A title, an optional full stop, then a name: "Mr. O'Brien", "Ms Ana Rivera", "mr. b", "coach Reyes".
    const child = CHILD.test(t.raw);
    if ((isTitle(t.key) || child) && !possessive(t) && next?.afterTitle) {
      const w = lowerBase(next);
      const follows = TITLES.has(t.key)
        ? next.capitalised ||
          text[t.end] === '.' ||
          w.length === 1 ||
          !isCommon(w) ||
          // "mr hall", "mrs bell": after "mr" or "mrs", which are nothing else, an everyday word is a family name.
          (FAMILY_TITLES.has(t.key) && !DETERMINERS.has(w) && !NOT_PEOPLE.has(w) && !JOINERS.has(w)) ||
          // "ms fox greeted each kid": after "ms" (also "middle school") only before a verb in the past.
          (t.key === 'ms' &&
            !SCHOOL_WORDS.has(w) &&
            !NOT_PEOPLE.has(w) &&
            !!tokens[i + 2] &&
            tokens[i + 2]!.joined &&
            isPast(tokens[i + 2]!)) ||
          (SPANISH_TITLES.has(t.key) && !SPANISH_WORDS.has(w) && !NOT_NAMES.has(w)) ||
          // "ms lee", "mr sol": after an English title, a word only the Spanish lists hold is a family name.
          (!SPANISH_TITLES.has(t.key) &&
            (SPANISH_WORDS.has(w) || SCHOOL_WORDS.has(w)) &&
            !COMMON_WORDS.has(w) &&
            !NOT_NAMES.has(w) &&
            !NOT_PEOPLE.has(w))
        : (next.capitalised && (t.capitalised || !NOT_PEOPLE.has(w))) ||
          w.length === 1 ||
          NAME_LIST.has(w) ||
          (t.key === 'coach' && !isCommon(w) && !isPast(next)) ||
          afterRole(i) ||
          // "la maestra lupita", "el profe juanito": a diminutive of a given name.
          (WORD_TITLES.has(t.key) && diminutiveOfName(w));
      // "la maestra marcó": a Spanish verb in the past, though it reads as a name without its accent; after a woman's
      // role a word in -o is one too ("la profe marco con tiza").
      const feminine = FEMININE_ROLES.has(t.key) || (tokens[i - 1]?.key === 'la' && t.joined);
      const verb =
        !next.capitalised &&
        !inRoster(w) &&
        (next.raw.endsWith('ó') ||
          (!TITLES.has(t.key) && isSpanishVerb(next)) ||
          (feminine && ROLES_ES.has(t.key) && w.length >= 4 && w.endsWith('o')));
      if (follows && !verb && !NOT_NAMES.has(next.key)) {
        let to = i + 2;
        if (!possessive(next) && nameLike(tokens[to]) && tokens[to]!.joined) to++;
        out.push(name('title', i, to));
        i = to - 1;
        continue;
      }
    }
    // A saint is no one in the room: "el día de San Juan", "Santa Lucía".
    if (SAINTS.has(t.key) && t.capitalised && next?.capitalised && next.afterTitle) {
      i++;
      continue;
    }
    if (dottedInitials(i)) {
      out.push(name('first-name', i, i + 2, 'initials'));
      i++;
      continue;
    }
    const why = nameAt(i);
    if (!why || (why === 'first-name' && (titleLike(i) || inStory(i)))) continue;
    // A given name runs on into a capitalised family name: "Anne Frank's diary".
    let to = i + 1;
    while (to - i < 3 && !possessive(tokens[to - 1]!) && nameLike(tokens[to]) && tokens[to]!.joined) {
      const u = tokens[to]!;
      const w = lowerBase(u);
      if (isTitle(w) && !inRoster(w)) break;
      to++;
    }
    // A name that runs on into a word for a place or a building is that place: "the Brooklyn Bridge", "Jefferson
    // Elementary".
    const placeEnd = to - i > 1 ? tokens[to - 1] : tokens[to];
    if (
      why === 'first-name' &&
      placeEnd?.capitalised &&
      placeEnd.joined &&
      !possessive(tokens[i]!) &&
      PLACE_NOUNS.has(placeEnd.key)
    ) {
      i = Math.max(i, to - 1);
      continue;
    }
    // A full name after "a poem by" or "una foto de" is an author or a subject: "el poema de Antonio Machado".
    if (why === 'first-name' && ((to - i > 1 && byWork(i)) || notAPerson(i, to))) {
      i = to - 1;
      continue;
    }
    out.push(name(why, i, to, fired));
    i = to - 1;
  }
  if (contexts) {
    const nameish = (j: number) => !!tokens[j] && nameAt(j, true) !== undefined;
    for (let i = 0; i < tokens.length; i++) contexts[i] = contextRule(i, nameish) ?? 'none';
  }
  return withListed(out);

  /**
   * A list with a name in it lists people: "Nguyen, Amara and Tobias", "called on Nguyen, then Oluwaseun". Adds the
   * capitalised words no list holds beside a name, separated by a comma, "and", "or" or "then", until none is left.
   */
  function withListed(found: NameCandidate[]): NameCandidate[] {
    const all = [...found];
    const taken = (j: number) => all.some((c) => j >= c.from && j < c.to);
    const joiner = (t: NameToken | undefined) => !!t && JOINERS.has(t.key);
    const item = (j: number) => {
      const t = tokens[j];
      if (!t?.capitalised || taken(j) || possessive(t) || allCaps(t)) return false;
      const w = lowerBase(t);
      if ((isCommon(w) && !WORD_NAMES.has(w)) || isTitle(w) || CALENDAR_NAMES.has(w)) return false;
      // One word, not the start of a longer proper noun ("New York").
      const next = joinedNext(j);
      return !next?.capitalised;
    };
    const listGap = (gap: string) => /^\s*,\s*$/.test(gap);
    const neighbours = (c: NameCandidate): number[] => {
      const out: number[] = [];
      // After: "Nguyen, Amara", "Nguyen and Amara", "Nguyen, then Amara".
      const last = c.to - 1;
      let j = c.to;
      if (listGap(gapAfter(last))) j = joiner(tokens[j]) && tokens[j + 1]?.joined ? j + 1 : j;
      else if (joiner(tokens[j]) && tokens[j]!.joined && tokens[j + 1]?.joined) j++;
      else j = -1;
      if (j > 0 && item(j)) out.push(j);
      // Before: "Amara, Nguyen", "Amara and Nguyen", "Amara, and Nguyen".
      let k = c.from - 1;
      const before = tokens[k];
      if (before && joiner(before) && tokens[c.from]!.joined)
        k = listGap(gapBefore(k)) || before.joined ? k - 1 : -1;
      else if (!listGap(gapBefore(c.from))) k = -1;
      if (k >= 0 && item(k)) out.push(k);
      return out;
    };
    // Each name added is looked at in its turn, so a list is followed to its end.
    for (let n = 0; n < all.length; n++)
      for (const j of neighbours(all[n]!)) if (!taken(j)) all.push(name('first-name', j, j + 1, 'list'));
    return all.sort((a, b) => a.from - b.from);
  }
}

/**
 * What the learned name scorer (shared/note-name-scorer.ts) asks of the word lists above: the lists and the cue words
 * say what a word is and what stands before it; the scorer's weights, learnt from the corpus, say how much each counts.
 */
export const NAME_LEXICON = {
  listed,
  isCommon,
  diminutiveOfName,
  isSpanishVerb: (t: NameToken) => isSpanishVerb(t),
  isPast,
  isTitle,
  wordName: (w: string) => WORD_NAMES.has(w),
  nameList: (w: string) => NAME_LIST.has(w),
  notName: (w: string) => NOT_NAMES.has(w),
  /** Cue words by family; a scorer feature says which family stands just before a word, or a few words before it. */
  cues: {
    namesake: NAMESAKE_CUES,
    saint: SAINTS,
    historic: HISTORIC_TITLES,
    work: new Set([...WORKS, ...TITLED_WORKS_ES, ...WORK_PARTS]),
    place: PLACE_CUES,
    author: AUTHOR_CUES,
    title: TITLE_CUES,
    role: new Set([...ROLES_ES, ...TITLES, ...WORD_TITLES]),
    speech: SPEECH,
    handoff: HANDOFF_ES,
    label: LABELLED,
    topic: new Set([...TOPIC_CUES, ...NAMED_CUES]),
    belonging: BELONGINGS_ES,
    story: STORY_DISPLAYS,
    article: DETERMINERS_ES,
    clause: CLAUSE_WORDS_ES,
  } as Record<string, ReadonlySet<string>>,
  places: (w: string) => PLACES.has(w) || BRANDS.has(w),
} as const;
