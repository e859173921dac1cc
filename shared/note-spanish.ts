import { words } from './note-words';

/**
 * The note linter's phrase rules for notes written in Spanish (issue #15): praise and blame, advice, opinion,
 * comparison and guesses at minds, in the linter's rule syntax (shared/note-linter.ts, `compile`). Words are lower
 * case without accents, as the linter compares them ("lucio" matches "lució"). Chosen on the train and dev splits of
 * the note corpus; the sentence model (trained on the same splits) catches what they miss.
 */

export const SPANISH_SETS: Record<string, ReadonlySet<string>> = {
  // Praise and blame wherever they appear.
  esjudge: words(`
    excelente excelentes genial geniales buenisimo buenisima buenisimos buenisimas malisimo malisima pesimo pesima
    pesimos pesimas estupendo estupenda estupendos estupendas estupendamente maravilloso maravillosa maravillosos
    maravillosas fantastico fantastica fantasticos fantasticas increible increibles impecable impecables magnifico
    magnifica espectacular brillante brillantes perfectamente aburridisimo aburridisima aburridisimos aburridisimas
    lentisimo lentisima lentisimos lentisimas caotico caotica caoticos caoticas desordenado desordenada desordenados
    desordenadas recargado recargada recargados recargadas confuso confusa confusos confusas mediocre ineficaz
    eficaz eficaces acertado acertada acertadisimo acertadisima precioso preciosa bonito bonita lindo linda hermoso
    hermosa pobrisimo pobrisima flojo floja flojos flojas lamentable aburrido aburrida impresionante
    impresionantes sorprendente sobresaliente admirable ejemplar deficiente desastroso desastrosa tedioso tediosa
    monotono monotona soso sosa divertido divertida divertidos divertidas entretenido entretenida ameno amena
    creativo creativa creativos creativas inadecuado inadecuada inapropiado inapropiada maleducado maleducados
    groseros grosero vagos cariñosa carinosa carinoso paciente pacientes impaciente calido calida acogedor acogedora
    bacan bacanes chevere chido chida chidos chidas padrisimo padrisima`),
  // What a state is said of: "estaban perdidos", "se sentían seguros", "parecían cansados".
  eslink: words(`
    esta estan estaba estaban estuvo estuvieron estar estando sentia sentian sintio sintieron siente sienten sentir
    sentirse parece parecen parecia parecian parecio parecieron veia veian ve ven quedo quedaron quedaban`),
  esint: words(`
    muy super tan bastante algo un poco bien totalmente completamente realmente todo toda todos todas como mas
    menos demasiado`),
  // Inner states that are a guess wherever they appear.
  esstate: words(`
    aburridos aburridas motivado motivada motivados motivadas desmotivado desmotivada desmotivados desmotivadas
    entusiasmado entusiasmada entusiasmados entusiasmadas emocionado emocionada emocionados emocionadas nervioso
    nerviosa nerviosos nerviosas frustrado frustrada frustrados frustradas confundido confundida confundidos
    confundidas distraido distraida distraidos distraidas concentrado concentrada concentrados concentradas
    concentradisimo concentradisima concentradisimos concentradisimas interesado interesada interesados interesadas
    orgulloso orgullosa orgullosos orgullosas avergonzado avergonzada avergonzados avergonzadas asustado asustada
    asustados asustadas preocupado preocupada preocupados preocupadas agobiado agobiada agobiados agobiadas
    estresado estresada estresados estresadas ansioso ansiosa ansiosos ansiosas enganchado enganchada enganchados
    enganchadas humillado humillada humillados humilladas desanimado desanimada desanimados desanimadas`),
  // States that are a guess only after a link: "estaban perdidos", not "un lápiz perdido".
  escstate: words(`
    perdido perdida perdidos perdidas seguro segura seguros seguras comodo comoda comodos comodas incomodo incomoda
    incomodos incomodas contento contenta contentos contentas feliz felices triste tristes cansado cansada cansados
    cansadas tranquilo tranquila tranquilos tranquilas animado animada animados animadas atento atenta atentos
    atentas aburrido aburrida enojado enojada enojados enojadas molesto molesta molestos molestas capaz capaces
    comprometido comprometida comprometidos comprometidas felicisimos aburridos aburridas encantados encantadas
    fascinados fascinadas sorprendidos sorprendidas orgullosos ilusionados ilusionadas`),
  // States that are a guess after an intensifier, without a link: "los niños, muy perdidos, …".
  esmstate: words(`
    perdido perdida perdidos perdidas contento contenta contentos contentas cansado cansada cansados cansadas atento
    atenta atentos atentas enojado enojada enojados enojadas animado animada animados animadas felices triste
    tristes`),
  estoomuch: words(`
    dificil dificiles facil faciles largo larga largos largas corto corta cortos cortas lento lenta lentos lentas
    denso densa densos densas complicado complicada complicados complicadas pocos pocas
    poco poca`),
  esunclear: words(`
    claro clara claros claras util utiles interesante interesantes dinamico dinamica dinamicos dinamicas eficaz
    efectivo efectiva productivo productiva`),
  esgood: words('buen buena bueno buenos buenas gran'),
  esgoodwhat: words(`
    trabajo uso manejo ejemplo ritmo equilibrio clase idea trabajo manera forma explicacion cierre inicio ambiente
    control dominio apoyo actividad leccion momento ojo decision acierto`),
  // Said of the lesson after a link: "la clase fue muy ordenada", "la transición estuvo fluida".
  esgoodstate: words(`
    ordenado ordenada ordenados ordenadas organizado organizada organizados organizadas util utiles clara claras
    fluido fluida fluidos fluidas pesado pesada pesados pesadas redondo redonda adecuado adecuada adecuados adecuadas
    apropiado apropiada eficiente eficientes lenta lento rapida rapido larga largo corta corto dificil facil`),
  esadvice: words(`
    usar dar haber hacer ser intentar probar empezar agregar anadir dejar explicar modelar revisar pedir poner
    incluir cambiar bajar subir variar aprovechar mejorar reforzar trabajar incorporar considerar pensar`),
  // Superlatives in -ísimo of a quantity or a difficulty are judged amounts: "es poquísimo", "facilísimo".
  esisimo: words(`
    poquisimo poquisima poquisimos poquisimas muchisimo muchisima muchisimos muchisimas facilisimo facilisima
    facilisimos facilisimas dificilisimo dificilisima larguisimo larguisima cortisimo cortisima rapidisimo
    rapidisima lentisimo clarisimo clarisima clarisimos clarisimas`),
  // The writer's own conditional, after "yo": what they would do instead is advice ("yo empezaría con el problema").
  escond: words(`
    empezaria comenzaria dejaria quitaria pondria haria daria usaria bajaria subiria cambiaria agregaria anadiria
    probaria intentaria pediria dividiria separaria acortaria alargaria reduciria mostraria explicaria modelaria
    incluiria sacaria moveria volveria tendria seria dedicaria repartiria prepararia`),
  esfeel: words(`
    encanto encantaron encanta encantan encantaba gusto gustaron gusta gustan gustaba divirtio divirtieron`),
};

/** Things that display words, and their verbs: what they read is content ("el cartel decía Sé amable"). */
export const SPANISH_DISPLAYS = words(`
  cartel carteles letrero letreros pizarra pizarron diapositiva diapositivas rubrica rubricas hoja tarjeta tarjetas
  titulo objetivo pregunta preguntas pantalla lista libro cuento muro mural afiche etiqueta etiquetas consigna`);
export const SPANISH_DISPLAY_VERBS = words(`
  decia dice decian dicen leia lee mostraba muestra mostraban muestran titulado titulada llamado llamada pregunta
  preguntaba pone ponia`);

/** Rule lines by kind, in the syntax of `compile` in shared/note-linter.ts. */
export const SPANISH_RULES = {
  judgement: [
    '@esjudge',
    'muy/super/tan/bien bien/mal',
    'bien hecho',
    'muy/super/tan/bastante/algo/demasiado @esjudge',
    'muy/super/tan/bastante poco/pocos/poca/pocas',
    'demasiado/demasiada/demasiados/demasiadas',
    'muy/super/tan @estoomuch',
    'poco @esunclear',
    'muy/super/tan/que @esgood',
    '@esgood @esgoodwhat',
    'bien/mal planificada/planificado/organizada/organizado/llevada/llevado/pensada/pensado/estructurada/estructurado/manejada/manejado',
    'estuvo/salio/salieron/funciono/funcionaron bien/mal/genial/regular',
    'no funciono/funcionaron',
    'vale/valio/valdria la pena',
    'perdida de tiempo',
    'perder/perdieron/perdio el tiempo',
    'se portaron/porto/portan/porta bien/mal/fatal/genial',
    '@eslink @esint* @esgoodstate',
    'fue/fueron/es/son/era/eran @esint* @esgoodstate',
    '^que bien/manera/lindo/linda/bonito/bonita/maravilla/desastre/horror/novedad/barbaridad',
    'un/una/el exito/desastre/caos/lio/acierto/horror/maravilla/lujo/crack/genio/desmadre/eternidad',
    // Praise and blame in idioms: "tiene mano izquierda", "es oro puro", "no da ni para empezar", "de diez".
    'mano izquierda',
    'oro puro',
    'no da/daba/alcanza/alcanzaba ni para',
    'para enmarcar/enmarcarla/enmarcarlo',
    'estuvo/fue/es/era/esta/quedo de diez/10',
    'se le/les fue/fueron/va/van de las manos',
    'un ejemplo para',
    'clase de diez',
    'de lujo/maravilla/adorno',
    'muy/super/tan/bastante pobre/pobres',
    'a la altura',
    'se lucio/lucieron/luce',
    'fue/fueron/es/son/estuvo un/una exito/desastre/caos/lio/acierto/maravilla',
    'le/les falta/falto/faltaba',
    'no quedo/quedaba/quedaron claro/clara/claros/claras',
    'daba/da gusto',
    'a medias',
    'sacarle/sacar jugo',
    'sin pena',
    'lo mejor/peor',
    'falto/faltaba/faltaron/faltaria @esadvice',
    'tiene/tienen/tenia un don',
    'una/que lastima/pena',
    'nada mal',
    '@esisimo',
    'nada del otro mundo',
    // A lesson that ran too long or fell short, in the pronominal idioms: "se hizo eterna", "se queda corto".
    'se hizo/hace/hacia/queda/quedo/quedaba/quedan/quedaron @esint* eterno/eterna/eternos/eternas/corto/corta/cortos/cortas/largo/larga/pesado/pesada',
    // Overdoing something: "se pasó un poco con el volumen", "se pasó de frenada".
    'se paso/pasa/pasaba/pasaron un? poco? con',
    'se paso/pasa/pasaron de frenada/rosca',
    // An exclamation that opens a sentence is the writer's verdict, often sarcastic: "Vaya «discusión»", "menudo lío".
    '^vaya/menudo/menuda/menudos/menudas',
    'un/una joya',
    // The writer's stance as an adverb, brisk verdicts and Spain's colloquial praise and blame (w13 in train), as in
    // English: "Lamentablemente, …", "apasionante" said of ten minutes of copying, "un rollo", "mola", "apenas se …".
    'lamentablemente/desgraciadamente/afortunadamente/sorprendentemente/curiosamente/eficazmente/torpemente',
    'por desgracia/suerte',
    'apasionante/apasionantes/guay/guays/chulisimo/chulisima/flipante/flipantes',
    'mola/molaba/molo/molan',
    // "un rollo de cinta" is a roll of tape, "apenas se sentaron" as soon as they sat, "club de cine" a film club.
    'un/menudo/vaya rollo/toston/muermo !de',
    'rollo patatero',
    'de pena/locos',
    'apenas nada/nadie/hubo/habia',
  ],
  advice: [
    'deberia/deberian/debio/debieron/deberiamos',
    'convendria/convendrian/conviene',
    'sugiero/sugeriria/recomiendo/recomendaria',
    'te/le sugiero/recomiendo',
    'la proxima vez',
    'hay que',
    'habria/habrian que',
    'hubiera/hubiese/hubieran/hubiesen sido/podido/estado/gustado',
    'es/seria importante/necesario/fundamental/clave/conveniente que',
    'necesita/necesitan/necesitaba/necesitaban mejorar/reforzar',
    'tendria/tendrian/tenia/tenian que haber',
    'tendria/tendrian que',
    'podria/podrian @esadvice',
    'seria/serian mejor/bueno/buena/ideal/util/conveniente/interesante',
    'ojala',
    'me voy a robar/copiar/llevar',
    'quedaria/quedarian',
    'yo que tu/vos/usted',
    'para la proxima',
    '^pruebe/prueben/intente/intenten',
    'me llevo/llevaria la idea',
    'yo @any? @escond',
    'esperaba/esperaria/esperabamos mas/menos',
    // The writer hedging, as "maybe" in English: "Quizá probar con preguntas al azar …".
    'quiza/quizas',
    'tal vez',
  ],
  opinion: [
    'me @esfeel',
    'me sorprendio/impresiono/llamo/encanta/gusta/molesto/preocupa/preocupo',
    'considero/opino',
    'me parece/parecio',
    'en mi opinion',
    'creo que',
    'sin duda',
    'la verdad',
    'personalmente',
    'sinceramente/francamente/honestamente',
  ],
  comparison: [
    'mejor/mejores/peor/peores',
    'que @esint? la/el de ayer/antes',
    'el/la ano/semana/clase pasado/pasada',
    'he visto',
    'que observe',
  ],
  generalisation: ['siempre', 'nunca', 'jamas'],
  inference: [
    '@esstate',
    'prestaban/prestaron/prestaba/presto/prestan atencion',
    'se dieron/dio cuenta',
    'se esforzaron/esforzo/esfuerzan',
    'tenian/tenia/tienen/tiene ganas/miedo/idea',
    'sin/con ganas',
    'ni idea',
    'no sabian/sabia que',
    'les/le interesa/interesaba/intereso/aburrio/aburre/aburria/motivo/motiva/frustro/frustra',
    'la/lo pasaron/paso bien/genial/mal',
    'aprendieron/aprendio mucho',
    'lograron/logro entender/comprender',
    'en las nubes',
    'en su mundo',
    '@eslink @esint* @escstate',
    '@eslink @esint* @esstate',
    'se nota/notaba/noto/notaban/notan/ve/veia/veian/vio que',
    'se le/les nota/notaba/noto/ve/veia/vio/veian',
    'muy/super/tan/bastante @esmstate',
    'con entusiasmo/interes/miedo/confianza/alegria/ganas/seguridad/verguenza',
    'de buena gana',
    'a gusto',
    'captaron/capto/captan/capta',
    'sabian/sabia lo que',
    'se notaba/noto/veia/nota/notan',
    // Trust is a state nobody sees: "los chavales confían un montón en la profe".
    'confian/confia/confiaban/confiaba/confiaron',
    'parece/parecia/parecen/parecian/parecio que',
    'parece/parecia/parecen/parecian/parecio',
    'es/era obvio/evidente/claro que',
    'le/les @esfeel',
    'le/les costo/cuesta/costaba/costaron',
    'le/les daba/dio/da pena/verguenza/miedo',
    'le/les quedo/quedaron claro/clara/claros/claras',
    'no le/les quedo/quedaron',
    'entendieron/entendio/entienden/entiende/comprendieron/comprendio/comprenden/aprendieron',
    'no entendian/entendia/sabian/sabia',
    'ya saben/sabe/dominan/domina/manejan/maneja',
    'dominan/domina/dominaban',
    'disfrutaron/disfruto/disfrutan/disfrutando/disfrutaban',
    'se aburrieron/aburrio/aburren/aburrian/aburria/divirtieron/divirtio/divierten',
    'queria/querian/quiere/quieren que',
    'solo queria/querian',
    'seguramente',
    'probablemente',
    'van/va a recordar',
    'recordaran/recordara',
    'hacia/hacian como que',
    'pasando/pasaron/paso en grande',
    'les dieron/dio/da/dan seguridad/confianza',
    'le/les tienen/tiene confianza',
    'se sentia/sentian/sintio/sintieron',
    'en realidad',
    'interiorizo/interiorizaron/interiorizan/interioriza/internalizo/internalizaron',
    // What someone wanted, meant or learnt, and what moved them: nobody saw it.
    'queria/querian/quiso/quisieron',
    'intentaba/intentaban/buscaba/buscaban que',
    'tenia/tiene/tenian/tienen en mente',
    'aprendio/aprendieron',
    'conmovio/conmovieron/conmueve/conmovia',
    'se distrajeron/distrajo/distraen/distraian/distraia',
  ],
  // Phrases where a listed word is subject vocabulary or a greeting, not a judgement.
  exempt: [
    'buenos/buenas dias/tardes/noches',
    'buen/buena provecho/viaje/fin',
    'gran depresion/bretana/muralla/guerra',
    'feliz cumpleanos/navidad/dia/ano',
    'se parece/parecen/parecia/parecian/parecio a',
    'lo mejor posible',
    // "se veía una diapositiva": something in view, not how someone looked ("se le veía", "se veía un poco perdido").
    'se veia/veian/ve/ven el/la/los/las/un/una/unos/unas !poco/poquito',
  ],
} as const;
