// Words that are never taken for a municipality, even misspelt: the everyday words of the three
// languages (a typo search on "halua" must not find Halsua) and places abroad (countries and big
// cities, with their Finnish forms) which are places, but no municipality of Finland.
import { foldName } from '../municipalities';
import { wordForms } from './finnishForms';

/** The words of a list, folded as messages are (so "hallå" in a list matches a typed "hallå"). */
const wordsOf = (list: string): string[] => list.split(/\s+/).filter(Boolean).map(foldName);

const FI = `
olen olet on olemme olette ovat oli olin olisi ole oon oot ollut olla en et ei emme ette eivat ja tai mutta etta kun jos koska
vaikka niin kuin myos vain viela jo nyt sitten taas aina joskus ehka kai varmaan ihan aivan todella tosi hyvin paljon vahan
mina sina han me te he mä sa se ne tama tuo nama nuo minun sinun hanen meidan teidan heidan minulla sinulla hanella mulla sulla
minua sinua hanta meita teita heita minut sinut minulle sulle mulle mita mika mitka kuka ketka kenen missa mista mihin milloin
miten miksi kuinka montako paljonko onko olenko oletko voiko voinko voitko saako saanko saatko pitaako pitaa pita voi voin
saan saa saat saada haluan haluat halua haluaisin tarvitsen tarvitse tarvitaan tiedan tieda tiedatko tietaa osaan osaa osaatko
asun asut asuu asua asumme asutte asuvat kerro kerron kertoa kysyn kysya kysyt kysyit sano sanoa ymmarra ymmarran auta auttaa
hei moi moikka terve tervehdys heippa morjens moro moikka kiitos kiitti kiitoksia kiva hyva huono selva okei ok joo juu kylla
anteeksi sori sorry hmm hm no noh jaa aha aijaa niinpa totta oikein vaarin nimi nimeni ika ikani tyo toita tyota tyoton
tyottomana tuki tukea etuus etuutta raha rahaa kela kassa paivaraha palvelu palvelut toimisto toimiston kokeilu kokeilua
kuntakokeilu kunta kunnan kaupunki kaupungin koti kotona kotiin kotikunta kotikuntani asunto talo perhe lapsi lapset lasta
vaimo mies aiti isa ystava paiva viikko kuukausi vuosi vuotta aika tanaan huomenna eilen aamu ilta kello tunti minuutti
suomi suomea suomeksi ruotsi ruotsia ruotsiksi englanti englantia englanniksi kieli kielella puhun puhutko
`;
const SV = `
jag du han hon vi ni de dom den det detta dessa min mitt mina din ditt dina hans hennes var vart vara er ert era deras mig dig
oss er dem ar var varit vara har hade haft kan kunde vill ville ska skulle maste far fick bor bodde vet visste tror
och eller men att som om nar dar har hur vad vem vilken vilket vilka varfor inte ja nej jo kanske bara ocksa redan nu sedan
hej hejsan tjena hallå hallo tack tackar ursakta forlat okej ok bra daligt snalla gärna garna vet inte ingen inget ingenting
arbete jobb jobbet arbetslos stod ersattning dagpenning kassan fpa kommun kommunen stad staden hem hemma familj barn ar alder
finska svenska engelska sprak talar pratar fraga fragor hjalp hjalpa
`;
const EN = `
i me my mine you your yours he him his she her we us our they them their it its this that these those am is are was were be
been being have has had do does did done can could will would shall should may might must not no yes yeah yep nope ok okay
and or but if when where what who whom which why how because so then there here now just only also already still very really
hello hi hey thanks thank please sorry excuse fine good bad great sure maybe perhaps know dont don't idea think want need
like live lives living work working job jobs unemployed benefit benefits allowance subsidy fund money help office service
pilot coach employer name age years year old town city home family kids children wife husband language english finnish
swedish speak question questions tell ask said say understand lol xd haha hehe emm umm
`;

/** Words the other concerns read (benefit, work, language, commands …): never a town either. */
const SLOT_WORDS = `
about aidinkieleni aloita alright alusta anteeksi apua arabia arabic arabiska arbetar arbetslos asun avbryt borja
cancel delete ehka employer engelska englanniksi englanti english estonian ettei evening finnish finska good hallo
haluan hei heippa hejsan hello help hjalp huomenta hyvaa hyvin immigrant invandrare jobbar jobseeker kanske kanssa
kassa kassasta kela kelalta kelasta ketka kiitos koska kotona kuinka kuka kylla lisaa maahanmuuttaja maybe milloin
minulla minun missa mita modersmal moi moikka montako morjens morning mother mulla mutta nykyaan ohje okei olen onko
paivaa peruuta please poista radera restart ruotsi ruotsiksi russian ryska saan saanko selva somali somaliska sorry
suomeksi suomi svenska swedish tallahetkella tarvitsen terve tervehdys thank thanks there tieda tiedan tjena toissa
tongue tyonantaja tyossa tyoton tyottomana unemployed ursakta vaikka varfor varmaan venaja vilka vilken viro voinko
voitko vuotias vuotta what when where which work working years yksin ymmarra
`;

/**
 * Names of municipalities (today's or former) that are also given names: "jag heter Kristina",
 * "olen Kaarina" name a person, so a capital alone does not make them a place.
 */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(wordsOf('kristina kristiina kaarina inari aura salla'));

/** Words that negate what follows, in Finnish, Swedish and English (folded). */
export const NEGATION_WORDS: readonly string[] = wordsOf(
  `ei en emme et ette eivat inte ej icke aldrig not don't dont doesn't doesnt isn't isnt never`,
);

/** Everyday words of Finnish, Swedish and English (folded). */
export const EVERYDAY_WORDS: ReadonlySet<string> = new Set([FI, SV, EN, SLOT_WORDS].flatMap(wordsOf));

/** Countries and big cities abroad, in Finnish, Swedish and English (folded). */
const ABROAD_FI = `ruotsi norja tanska islanti viro latvia liettua venaja saksa ranska espanja italia englanti puola ukraina turkki
irak iran syyria somalia afganistan eritrea etiopia kiina intia thaimaa vietnam amerikka kanada tukholma pietari tallinna
moskova oslo berliini lontoo pariisi riika madrid rooma kiova sudan kongo nigeria kenia marokko egypti pakistan bangladesh nepal
myanmar filippiinit kosovo bosnia serbia albania romania bulgaria unkari valko-venaja georgia kurdistan jemen libanon palestiina
libya tunisia brasilia meksiko kolumbia`;
const ABROAD_OTHER = `sverige norge danmark island estland lettland litauen ryssland tyskland frankrike spanien italien england
polen ukraina turkiet syrien somalia afghanistan kina indien thailand amerika kanada stockholm sankt petersburg tallinn moskva
oslo berlin london paris sweden norway denmark iceland estonia latvia lithuania russia germany france spain italy poland turkey
iraq syria china india america canada usa moscow copenhagen kopenhamn kobenhavn helsingor afghanistan irak iran eritrea ethiopia
etiopien sudan congo kongo nigeria kenya morocco marocko egypt egypten pakistan bangladesh nepal myanmar philippines filippinerna
vietnam kosovo bosnia bosnien serbia serbien albania albanien romania rumanien bulgaria bulgarien hungary ungern belarus vitryssland
ukraine georgia georgien kurdistan yemen jemen lebanon libanon palestine palestina libya libyen tunisia tunisien brazil brasilien
mexico mexiko colombia thailand`;

/** Every form of the places abroad: "Ruotsissa", "Tukholmasta", "Stockholm". */
export const ABROAD: ReadonlySet<string> = (() => {
  const out = new Set<string>();
  for (const name of wordsOf(ABROAD_FI)) {
    out.add(name);
    for (const list of Object.values(wordForms(name))) for (const form of list ?? []) out.add(form);
  }
  for (const name of wordsOf(ABROAD_OTHER)) out.add(name);
  return out;
})();
