/**
 * Well-known people, characters, places, institutions and holidays a class studies or uses (issues #18 and #15): a
 * capitalized run a note shares with this list is more often a topic, a namesake or a place than someone in the room
 * ("un cartel de Frida Kahlo", "la maqueta de Machu Picchu", "el Día de Muertos", "what Atticus meant"). Written from
 * general knowledge (Latin-American, Spanish, US and world history, literature, art, science, sport, geography, school
 * apps and holidays), not from the note corpus's sentences, so it says what the world knows rather than what its
 * writers wrote; the English authors, figures and characters of US classrooms were added on 2026-12-07 the same way,
 * some of them because train and dev sentences had been flagged for them (Atticus, Mr. Krabs, Mae Jemison).
 * A word alone is listed only when it is not also a given name in the schools the tool serves: "Bolívar" and "Kahlo"
 * are, "Jesús", "Dante", "Darío", "Washington" and "Darwin" are not (students carry them); full names are matched as a
 * run ("Miguel Hidalgo"), so their given names alone never match. The name scorer (shared/note-name-scorer.ts) reads a
 * match as one more feature, weighed by training; the list never drops a flag by itself.
 */
import { fold, WORD } from './note-words';

export type KnownKind = 'figure' | 'character' | 'place' | 'org' | 'holiday';

/** Comma-separated entries, each read as the linter reads words: lower case, accents folded, one key per word. */
const entries = (s: string): string[] =>
  s
    .split(',')
    .map((e) => (fold(e).toLowerCase().match(WORD) ?? []).join(' '))
    .filter(Boolean);

/** Public figures, authors, artists, scientists, athletes and musicians, by full name or a name alone that no one is given. */
const FIGURES = entries(`
  simon bolivar, jose de san martin, miguel hidalgo, miguel hidalgo y costilla, jose maria morelos, benito juarez,
  emiliano zapata, pancho villa, francisco i madero, porfirio diaz, lazaro cardenas,
  agustin de iturbide, vicente guerrero, josefa ortiz de dominguez, leona vicario, ignacio allende, hernan cortes,
  cristobal colon, americo vespucio, francisco pizarro, atahualpa, tupac amaru, malinche, la malinche, jose marti,
  fidel castro, che guevara, ernesto guevara, eva peron, evita peron, juan peron, salvador allende, augusto pinochet,
  bernardo o'higgins, antonio jose de sucre, francisco de miranda, juan pablo duarte, ramon emeterio betances,
  luis munoz marin, pedro albizu campos, eugenio maria de hostos, sor juana ines de la cruz, sor juana, cesar chavez,
  dolores huerta, sonia sotomayor, ellen ochoa, roberto clemente, gabriel garcia marquez,
  garcia marquez, pablo neruda, gabriela mistral, octavio paz, jorge luis borges, julio cortazar, mario vargas llosa,
  vargas llosa, isabel allende, miguel de cervantes, cervantes saavedra, federico garcia lorca, garcia lorca,
  antonio machado, juan rulfo, elena poniatowska, laura esquivel, ruben dario, horacio quiroga,
  alfonsina storni, juana de ibarbourou, julia de burgos, rosario castellanos, amado nervo,
  gustavo adolfo becquer, lope de vega, calderon de la barca, benito perez galdos, miguel de unamuno,
  sandra cisneros, rudolfo anaya, pam munoz ryan, 
  alma flor ada, yuyi morales, margarita engle, juan felipe herrera, elizabeth acevedo, meg medina,
  frida kahlo, jose clemente orozco, david alfaro siqueiros, rufino tamayo, fernando botero,
  pablo picasso, salvador dali, joan miro, francisco de goya, el greco, joaquin sorolla,
  remedios varo, leonora carrington, vincent van gogh, van gogh, claude monet, leonardo da vinci, da vinci,
  andy warhol, georgia o'keeffe, keith haring, jean-michel basquiat, wolfgang amadeus mozart, ludwig van beethoven,
  johann sebastian bach, antonio vivaldi, selena quintanilla, celia cruz, tito puente, carlos santana, shakira,
  bad bunny, juanes, gloria estefan, ricky martin, jorge negrete, vicente fernandez, mercedes sosa,
  violeta parra, victor jara, lin-manuel miranda, taylor swift, beyonce, michael jackson, elvis presley, the beatles,
  los beatles, albert einstein, isaac newton, galileo galilei, marie curie, charles darwin, nikola tesla,
  thomas edison, stephen hawking, gregor mendel, louis pasteur, santiago ramon y cajal, ramon y cajal, severo ochoa,
  pitagoras, hipatia, copernico, kepler, ada lovelace, alan turing, katherine johnson,
  rosalind franklin, jane goodall, alexander von humboldt, neil armstrong, carl sagan, dmitri mendeleiev, mendeleiev,
  john dalton, niels bohr, fibonacci, lionel messi, leo messi, cristiano ronaldo, diego maradona, rafael nadal,
  serena williams, michael jordan, lebron james, usain bolt, simone biles, lorena ochoa,
  fernando valenzuela, sammy sosa, martin luther king, martin luther king jr, rosa parks, abraham lincoln,
  george washington, thomas jefferson, barack obama, donald trump, joe biden, john f kennedy, franklin roosevelt,
  theodore roosevelt, nelson mandela, mahatma gandhi, malala yousafzai, ana frank, anne frank, napoleon bonaparte,
  julio cesar, julius caesar, alejandro magno, carlomagno, juana de arco, isabel la catolica, fernando el catolico,
  felipe ii, carlos v, reyes catolicos, harriet tubman, frederick douglass, susan b anthony, amelia earhart,
  helen keller, benjamin franklin, william shakespeare, shakespeare, j k rowling, jk rowling, roald dahl, dr seuss,
  mark twain, edgar allan poe, charles dickens, jane austen, dante alighieri, hans christian andersen,
  hermanos grimm, charles perrault, antoine de saint-exupery, saint-exupery, julio verne, jules verne, walt disney,
  steve jobs, bill gates, mark zuckerberg, elon musk, papa francisco, juan pablo ii, jesucristo, virgen de guadalupe,
  nuestra senora de guadalupe, quetzalcoatl, huitzilopochtli, tlaloc,
  bolivar, juarez, zapata, morelos, iturbide, pizarro, atahualpa, betances, hostos, neruda, mistral, borges,
  cortazar, cervantes, lorca, rulfo, poniatowska, storni, becquer, galdos, unamuno, kahlo, siqueiros, botero,
  picasso, dali, miro, goya, sorolla, monet, warhol, basquiat, mozart, beethoven, bach, vivaldi, einstein, curie,
  hawking, mendel, pasteur, cajal, pitagoras, hipatia, copernico, kepler, lovelace, turing, humboldt, mendeleiev,
  messi, maradona, nadal, obama, trump, biden, mandela, gandhi, carlomagno, tubman, shakespeare, rowling, dahl,
  twain, dickens, perrault, grimm, verne, disney, quetzalcoatl, tlaloc, huitzilopochtli, quijote, dulcinea,
  rocinante, cenicienta, caperucita, blancanieves, rapunzel, peter pan, harry potter, dumbledore, voldemort,
  frankenstein, dracula, gatsby, odiseo,
  emily dickinson, dickinson, langston hughes, maya angelou, robert frost, walt whitman, jason reynolds,
  kwame alexander, jacqueline woodson, kate dicamillo, mo willems, eric carle, judy blume, beverly cleary,
  gary paulsen, lois lowry, r j palacio, s e hinton, harper lee, john steinbeck, steinbeck, f scott fitzgerald,
  ernest hemingway, hemingway, toni morrison, zora neale hurston, elie wiesel, wiesel, abigail adams, john adams,
  alexander hamilton, james madison, sojourner truth, booker t washington, ruby bridges, jackie robinson,
  mae jemison, sally ride, newton, galileo, archimedes, aristotle, socrates, michelangelo, jack hartmann, bill nye,
  neil degrasse tyson, sacagawea, pocahontas, christopher columbus, columbus, andrew jackson, ulysses s grant,
  robert e lee, jim crow`);

/** Characters and works named like people. */
const CHARACTERS = entries(`
  atticus finch, atticus, scout finch, boo radley, huck finn, huckleberry finn, tom sawyer, auggie pullman, auggie,
  mr potato head, potato head, mr krabs, spongebob, patrick star, pete the cat, elephant and piggie, fancy nancy,
  amelia bedelia, magic school bus, ms frizzle, brian robeson, the giver, holden caulfield, charlie bucket,
  willy wonka, stanley yelnats, katniss everdeen, katniss, ponyboy, winn-dixie, because of winn-dixie,
  don quijote, don quijote de la mancha, sancho panza, dulcinea del toboso, pedro paramo, juan preciado, macondo,
  aureliano buendia, jose arcadio buendia, ursula iguaran, el principito, la llorona, el chupacabras, el cucuy,
  caperucita roja, blancanieves, la cenicienta, el gato con botas, ricitos de oro, los tres cerditos, harry potter,
  ron weasley, hermione granger, percy jackson, greg heffley, junie b jones, clifford, winnie the pooh,
  charlie brown, snoopy, mafalda, condorito, el chavo, el chapulin colorado, bob esponja, mickey mouse, spider-man,
  spiderman, superman, batman, wonder woman, romeo y julieta, hamlet, macbeth, odisea, la odisea, la iliada,
  el quijote, esperanza rising, esperanza renace, wonder, hatchet, encanto, moana, frozen, shrek, nemo,
  buscando a nemo, toy story, buzz lightyear, mirabel madrigal, bruno madrigal, abuela coco, pepa pig, peppa pig,
  paw patrol, bluey, elefante elmer`);

/** Countries, regions, cities, US states, landmarks, rivers, mountains and planets beyond the name finder's own list. */
const PLACES = entries(`
  estados unidos, united states, eeuu, ee uu, puerto rico, republica dominicana, el salvador, costa rica, nueva york,
  new york, los angeles, san antonio, san diego, san francisco, houston, dallas, el paso, miami, denver, seattle,
  boston, filadelfia, washington dc, nuevo mexico, new mexico, colorado, oregon, utah, illinois, ohio,
  carolina del norte, massachusetts, alaska, hawaii, luisiana, louisiana, canada, mexico df, ciudad de mexico, cdmx,
  guadalajara, cancun, acapulco, merida, tulum, chichen itza, palenque, toluca, morelia, aguascalientes, saltillo,
  hermosillo, culiacan, mazatlan, ensenada, mexicali, celaya, buenos aires, montevideo, asuncion, santiago de chile,
  valparaiso, medellin, cali, cartagena, barranquilla, guayaquil, cuenca, arequipa, managua, tegucigalpa,
  san salvador, san jose, ciudad de panama, la habana, habana, santo domingo, san juan, ponce, mayaguez, malaga,
  granada, zaragoza, bilbao, salamanca, segovia, pamplona, cadiz, murcia, asturias, pais vasco, euskadi, canarias,
  islas canarias, baleares, mallorca, extremadura, aragon, navarra, cantabria, londres, roma, berlin, tokio, pekin,
  china, japon, india, rusia, egipto, grecia, marruecos, nigeria, kenia, sudafrica, australia, antartida, oceania,
  america latina, latinoamerica, sudamerica, centroamerica, norteamerica, mesoamerica, el caribe, rio grande,
  rio bravo, rio amazonas, amazonia, rio nilo, nilo, misisipi, mississippi, orinoco, parana, everest, monte everest,
  aconcagua, popocatepetl, iztaccihuatl, citlaltepetl, pico de orizaba, sierra madre, sierra nevada, pirineos, alpes,
  himalaya, sahara, galapagos, islas galapagos, yellowstone, gran canon, grand canyon, golfo de mexico,
  oceano pacifico, pacifico, oceano atlantico, atlantico, mediterraneo, mar caribe, alamo, el alamo,
  estatua de la libertad, torre eiffel, casa blanca, white house, machu picchu, teotihuacan, tenochtitlan,
  chichen itza, alhambra, sagrada familia, museo del prado, el prado, museo reina sofia, coliseo, piramides,
  muralla china, gran muralla, via lactea, marte, jupiter, saturno, mercurio, urano, neptuno, pluton`);

/** Institutions, teams, companies, apps and programs. */
const ORGS = entries(`
  unam, ipn, sep, ine, imss, onu, unesco, unicef, oms, oea, otan, nasa, fbi, cia, ue, union europea, naciones unidas,
  cruz roja, greenpeace, real madrid, barcelona fc, barca, atletico de madrid, club america, chivas, cruz azul,
  pumas, tigres, rayados, boca juniors, river plate, dodgers, yankees, lakers, spurs, astros, mets, cowboys, la liga,
  copa mundial, mundial, juegos olimpicos, olimpiadas, champions league, super bowl, serie mundial, nba, nfl, mlb,
  fifa, apple, microsoft, amazon, samsung, nintendo, lego, disney, pixar, marvel, coca-cola, mcdonald's, starbucks,
  wikipedia, chatgpt, khan academy, brainpop, seesaw, class dojo, classdojo, schoology, canvas, blooket, gimkit,
  edpuzzle, prodigy, ixl, i-ready, lexia, raz-kids, epic, mystery science, newsela, tinkercad, code.org, quizlet,
  jamboard, mentimeter, wordwall, genially, book creator, chromebook, ipad, smartboard, siri, legos`);

/** Holidays, feasts and school events. */
const HOLIDAYS = entries(`
  dia de muertos, dia de los muertos, dia de la independencia, dia de la raza, dia de la hispanidad, dia de la madre,
  dia de las madres, dia del padre, dia del nino, dia de los ninos, dia del maestro, dia de la tierra, dia de reyes,
  reyes magos, dia de san valentin, san valentin, dia de accion de gracias, accion de gracias, thanksgiving,
  halloween, navidad, nochebuena, ano nuevo, semana santa, pascua, carnaval, cuaresma, hanukkah, janucá, ramadan,
  diwali, ano nuevo chino, ano nuevo lunar, cinco de mayo, grito de dolores, 16 de septiembre, dia de la revolucion,
  dia de la bandera, dia de la constitucion, fiestas patrias, las posadas, posadas, dia de la candelaria, candelaria,
  dia de san juan, noche de san juan, sant jordi, dia del libro, fallas, las fallas, san fermin, feria de abril,
  dia de la paz, dia de la mujer, dia internacional de la mujer, mes de la herencia hispana, herencia hispana,
  black history month, juneteenth, dia de martin luther king, dia de los presidentes, dia de los veteranos,
  dia de la memoria, memorial day, labor day, dia del trabajo, dia de la familia, dia de la amistad,
  dia del amor y la amistad, semana del libro, feria de ciencias, noche de matematicas, noche familiar, dia de campo,
  field day, olimpiada, kermes, kermesse`);

const KNOWN = new Map<string, KnownKind>();
for (const [kind, list] of [
  ['figure', FIGURES],
  ['character', CHARACTERS],
  ['place', PLACES],
  ['org', ORGS],
  ['holiday', HOLIDAYS],
] as const)
  for (const key of list) KNOWN.set(key, kind);
/** The longest entry, in words. */
const LONGEST = Math.max(...[...KNOWN.keys()].map((k) => k.split(' ').length));

/**
 * What the list knows of the word at i: the kind of each entry that a run of words through it (only spaces between
 * them) spells, and whether that entry is a run or the word alone. Empty when no entry matches.
 */
export function knownAround(tokens: readonly { key: string; joined: boolean }[], i: number): string[] {
  const found = new Set<string>();
  for (let a = Math.max(0, i - LONGEST + 1); a <= i; a++) {
    for (let b = i; b < Math.min(tokens.length, a + LONGEST); b++) {
      let joined = true;
      for (let k = a + 1; k <= b; k++) if (!tokens[k]!.joined) joined = false;
      if (!joined) break;
      const kind = KNOWN.get(
        tokens
          .slice(a, b + 1)
          .map((t) => t.key)
          .join(' '),
      );
      if (kind) found.add(`known:${kind}`).add(b > a ? 'known-run' : 'known-word');
    }
  }
  return found.size ? [...found, 'known'] : [];
}
