/**
 * What counts as toxic, by category and severity. Two sources:
 * - profanity, sexual terms and many slurs come from `obscenity`'s maintained English data set
 *   (its patterns already handle word boundaries and the Scunthorpe problem); each of its words
 *   is given a category and severity here;
 * - what a profanity list cannot see is written here as phrases: threats, encouragement of
 *   self-harm, harassment aimed at the reader, and slurs missing from the data set.
 *
 * Phrases are written in plain lower case and compiled so each letter may repeat ("kiiill"),
 * each space stands for any whitespace and an apostrophe may be left out ("im gonna").
 * They are matched against text already normalised by `normaliseForToxicity`.
 */
export type ToxicityCategory = "threat" | "self_harm" | "slur" | "harassment" | "sexual" | "profanity";

/** Severity of each category, 0..1: the toxicity score is the highest severity matched. */
export const categorySeverity: Record<ToxicityCategory, number> = {
  threat: 1,
  self_harm: 1,
  slur: 0.9,
  harassment: 0.7,
  sexual: 0.5,
  profanity: 0.3,
};

interface WordRating {
  category: ToxicityCategory;
  /** Overrides the category's severity (mild words such as "arse" score lower). */
  severity?: number;
}

/** `obscenity` English data set words (their `originalWord`) and how we rate them. */
export const obscenityWordRatings: Record<string, WordRating> = {
  abo: { category: "slur" },
  abeed: { category: "slur" },
  africoon: { category: "slur" },
  arabush: { category: "slur" },
  boonga: { category: "slur" },
  chingchong: { category: "slur" },
  chink: { category: "slur" },
  kike: { category: "slur" },
  negro: { category: "slur", severity: 0.6 },
  nigger: { category: "slur" },
  retard: { category: "slur", severity: 0.7 },
  spastic: { category: "slur", severity: 0.6 },
  tranny: { category: "slur" },
  fag: { category: "slur" },
  dyke: { category: "slur", severity: 0.7 },
  blowjob: { category: "sexual" },
  boob: { category: "sexual", severity: 0.3 },
  buttplug: { category: "sexual" },
  cock: { category: "sexual" },
  cum: { category: "sexual" },
  deepthroat: { category: "sexual" },
  dick: { category: "sexual", severity: 0.4 },
  dildo: { category: "sexual" },
  doggystyle: { category: "sexual" },
  "double penetration": { category: "sexual" },
  felch: { category: "sexual" },
  fellatio: { category: "sexual" },
  "finger bang": { category: "sexual" },
  fisting: { category: "sexual" },
  gangbang: { category: "sexual" },
  handjob: { category: "sexual" },
  hentai: { category: "sexual" },
  "jerk off": { category: "sexual" },
  jizz: { category: "sexual" },
  lubejob: { category: "sexual" },
  orgy: { category: "sexual", severity: 0.4 },
  porn: { category: "sexual", severity: 0.4 },
  pussy: { category: "sexual" },
  rape: { category: "sexual", severity: 0.6 },
  slut: { category: "sexual", severity: 0.6 },
  tit: { category: "sexual", severity: 0.4 },
  wank: { category: "sexual" },
  whore: { category: "sexual", severity: 0.6 },
  arse: { category: "profanity", severity: 0.2 },
  ass: { category: "profanity", severity: 0.2 },
  bastard: { category: "profanity" },
  bitch: { category: "profanity", severity: 0.4 },
  bollocks: { category: "profanity", severity: 0.2 },
  cuck: { category: "profanity" },
  cunt: { category: "profanity", severity: 0.5 },
  fuck: { category: "profanity", severity: 0.4 },
  piss: { category: "profanity", severity: 0.2 },
  shit: { category: "profanity" },
  turd: { category: "profanity", severity: 0.2 },
  twat: { category: "profanity", severity: 0.4 },
};

/**
 * Words in the data set that are not counted at all: clinical words a health or education answer
 * uses plainly ("the penis and the vagina"), and words whose ordinary sense is the common one
 * ("prick your finger", "scat singing", "Hooker" the surname). Insults among them are caught
 * when aimed at someone, by the harassment phrases ("you prick").
 */
export const uncountedWords = new Set([
  "anal",
  "anus",
  "bestiality",
  "ejaculate",
  "incest",
  "masturbate",
  "orgasm",
  "penis",
  "semen",
  "sex",
  "vagina",
  "prick",
  "scat",
  "hooker",
]);

/** Ordinary words and names the data set's patterns would otherwise flag. */
export const allowedWords = [
  "shiitake",
  "penistone",
  "cum laude",
  "magna cum laude",
  "summa cum laude",
  "wankel",
  "blue tit",
  "great tit",
  "coal tit",
  "tit for tat",
];

export interface LexiconPhrase {
  category: ToxicityCategory;
  phrase: string;
  severity?: number;
  /** The phrase is a regular expression source as it stands (for masked words and word windows). */
  raw?: boolean;
}

const you = "(you|u|ya|yah|yu)";
const youAre = "(you are|you're|youre|u r|ur|you r|u are|ya are)";
const iWill =
  "(i will|iwill|i'll|i'm going to|i am going to|i'm gonna|i am gonna|i shall|i wanna|i want to|i'mma|i'ma|we will|we'll|we're going to|we are going to)";
const insults =
  "twit|muppet|tosser|wanker|plonker|numpty|clueless|brain-dead|braindead|stupid|stupidest|dumb|dumbest|idiot|idiots|idiotic|moron|moronic|imbecile|loser|losers|pathetic|worthless|scum|disgrace|filthy|vermin|subhuman|retard|retarded|brainless|clown|freak|ugly|disgusting|waste of space|piece of shit";
const victim = `(${you}|your (family|kids|children|wife|husband|mom|mother|dad|father|dog|whole family)|him|her|them)`;

/** Phrases beyond profanity. Targets are required where a verb alone is ordinary ("kill the process"). */
export const lexiconPhrases: LexiconPhrase[] = [
  { category: "threat", phrase: `${iWill} (kill|murder|stab|shoot|strangle|choke|behead|hang|rape|torture|gut|burn|hunt down) ${victim}` },
  { category: "threat", phrase: `${iWill} (beat|smash|kick) ${victim} (up|to death|senseless)` },
  { category: "threat", phrase: `${iWill} (cut|slit|snap) (your|ur) (throat|neck)` },
  { category: "threat", phrase: `${iWill} (find|come for|come after|get) ${you} and (kill|hurt|stab|shoot|rape|end)` },
  { category: "threat", phrase: `${iWill} (end|destroy) ${you}` },
  { category: "threat", phrase: `(put|putting) a bullet (in|through) (you|your head|ur head)` },
  { category: "threat", phrase: `(we|i) know where ${you} (live|sleep|work)` },
  { category: "threat", phrase: `${youAre} (dead|a dead man|going to die|gonna die|dead meat)` },
  { category: "threat", phrase: `better watch your back` },
  {
    category: "threat",
    phrase: `${you} (should|deserve to|ought to|need to|must) (die|be killed|be shot|be hanged|be raped|be put down)`,
  },
  { category: "threat", phrase: `(i )?hope ${you} (die|get raped|get killed|get shot|get cancer|burn|rot|choke)` },
  { category: "threat", phrase: `(go )?die in a (fire|hole|ditch)` },
  { category: "threat", phrase: `go die` },
  { category: "threat", phrase: `${iWill} (hunt|track) ${you} down` },
  { category: "threat", phrase: `${iWill} beat the (shit|crap|hell|life|living daylights) out of ${you}` },
  { category: "threat", phrase: `(i )?hope ${you} (get hit by a (car|bus|truck|train)|get run over|get stabbed|get hurt)` },
  {
    category: "threat",
    phrase: `${iWill} (break|smash|snap|bash|cave) (your|ur) (legs|leg|neck|face|arms|arm|bones|skull|jaw|head|teeth|head in)`,
  },
  { category: "threat", phrase: `${iWill} make ${you} (regret|pay|suffer|bleed|beg)` },
  {
    category: "threat",
    phrase: `(i )?hope (your|ur) (house|home|family|kids|children|car|mom|mother|dog) (burns|burn|dies|die|gets killed|get killed|catches fire)`,
  },
  { category: "self_harm", phrase: `(kill|hang|off) (yourself|urself|your self|ur self)` },
  { category: "self_harm", phrase: `(kys|kms)` },
  { category: "self_harm", phrase: `(go )?(jump|throw yourself) off a (bridge|cliff|building|roof)` },
  { category: "self_harm", phrase: `(just )?end it all` },
  { category: "self_harm", phrase: `(slit|cut) your wrists` },
  { category: "self_harm", phrase: `(drink|go drink) bleach` },
  { category: "self_harm", phrase: `end (your|ur) (life|own life)` },
  { category: "self_harm", phrase: `(nobody|no one|noone) would (miss|care if) ${you}` },
  { category: "self_harm", phrase: `(the world|everyone) (would be|is) better (off )?without ${you}` },
  {
    category: "harassment",
    phrase: `${youAre} (a |an |such a |such an |so |the |one |just a |nothing but a |fucking |really |a fucking |an absolute |a complete |a total )*(stupid|dumb|worthless|pathetic|useless|idiot|moron|imbecile|loser|disgusting|ugly|fat|trash|garbage|scum|vermin|subhuman|waste of (space|air|oxygen)|piece of (shit|garbage|trash|crap)|clown|failure|nobody|freak|retarded|brainless|braindead)`,
  },
  {
    category: "harassment",
    phrase: `${you} (stupid |dumb |fat |ugly |worthless |pathetic |little |fucking )*(idiot|moron|imbecile|loser|bitch|bastard|dumbass|jackass|scumbag|clown|freak|pig|cow|whore|slut|cunt|twat)`,
  },
  { category: "harassment", phrase: `(fuck|screw|f|fk|fck|frick|eff) (you|u|off|yourself|urself)` },
  {
    category: "harassment",
    phrase: `(shut up|shut the fuck up|stfu|shut your ((stupid|fat|big|ugly|dumb|filthy) )?(mouth|face|trap|pie hole))`,
    severity: 0.5,
  },
  { category: "harassment", phrase: `go to hell`, severity: 0.5 },
  {
    // An insult within a few words after "you" in the same sentence: "you are the dumbest person",
    // "what is wrong with you, idiot". A hyphen after the word ("stupid-fast") is praise, and how
    // you may feel or look ("you might feel stupid asking") is not an insult.
    category: "harassment",
    raw: true,
    phrase: `(?<![a-z])(?:you|u|ur|you're|youre|ya)(?![a-z])(?:(?!feel|felt|seem|look|sound)[^.!?\\n]){0,25}?(?<![a-z])(?:${insults})(?![a-z-])`,
  },
  // Insults that are insults wherever they stand.
  {
    category: "harassment",
    phrase: `(moron|morons|imbecile|imbeciles|cretin|cretins|halfwit|dimwit|nitwit|scumbag|dumbass)`,
    severity: 0.5,
  },
  {
    category: "harassment",
    raw: true,
    phrase: `(?:^|[.!?\\n]\\s*)(?:get lost|piss off|bugger off|sod off|buzz off|get out of here)(?=[\\s,.!]|$)`,
    severity: 0.5,
  },
  // Profanity masked with symbols, which obscenity's patterns do not cover: "sh*t", "f***".
  {
    category: "profanity",
    raw: true,
    phrase: `(?<![a-z])(?:f[*#]{2,3}(?:k|ing|in)?|f[*#]ck|sh[*#]t|b[*#]tch|c[*#]nt|a[*#]{2}hole)(?![a-z])`,
  },
  { category: "harassment", phrase: `(nobody|no one|noone) (likes|loves|cares about|wants) ${you}` },
  {
    category: "harassment",
    phrase: `(dumbass|jackass|scumbag|douchebag|shithead|dipshit|asshole|motherfucker|cocksucker|dickhead|numbnuts|twatwaffle|fuckface|fuckwit)`,
    severity: 0.6,
  },
  {
    category: "harassment",
    phrase: `(stupid|dumb|fat|ugly|worthless|pathetic|useless) (idiot|moron|bitch|cow|pig|loser|whore|slut|bastard|retard)`,
  },
  {
    category: "slur",
    phrase: `(spic|spick|wetback|beaner|gook|raghead|towelhead|sand nigger|paki|shemale|faggot|fagot|coon|darkie|jigaboo|porch monkey|zipperhead|wop|dago|gyppo|pikey|nigga|nigger|negroid|retard)(s)?`,
  },
  { category: "profanity", phrase: `(damn|dammit|goddamn|crap|crappy|bloody hell|wtf|omfg|ffs)`, severity: 0.1 },
];

/**
 * A phrase as a regular expression source: letters may repeat, spaces match any run of
 * whitespace, apostrophes are optional, groups do not capture; the whole phrase must stand
 * between non-letters so "skill" never reads as "kill".
 */
export function compilePhrase(phrase: string): string {
  let source = "";
  for (const char of phrase) {
    if (char >= "a" && char <= "z") source += `${char}+`;
    else if (char === " ") source += "\\s+";
    else if (char === "'") source += "'?";
    else if (char === "(") source += "(?:";
    else if (char === "?" || char === "*") {
      // After a letter, "?" would make its "+" lazy instead of optional: groups only.
      if (!source.endsWith(")")) throw new Error(`"${char}" must follow a group in lexicon phrase ${JSON.stringify(phrase)}`);
      source += char;
    } else if (char === ")" || char === "|") source += char;
    else throw new Error(`Unsupported character ${JSON.stringify(char)} in lexicon phrase ${JSON.stringify(phrase)}`);
  }
  // A hyphen joining another word continues it: "stupid-fast" is not "stupid".
  return `(?<![a-z])(?:${source})(?![a-z]|-[a-z])`;
}
