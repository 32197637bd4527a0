// Words too common to tell clusters apart, in the languages the golden sets here are written
// in (English, German, Spanish). Kept short on purpose: c-TF-IDF already discounts words
// frequent in every cluster; these are the ones that survive it and still read as noise.
const ENGLISH = `a about above after again against all also am an and any are as at be because been before being below between both but by
can could did do does doing don't down during each few for from further get gets got had has have having he her here hers herself him himself his
how i if in into is it it's its itself just me might more most must my myself no nor not now of off on once only or other our ours ourselves out
over own same she should so some such than that that's the their theirs them themselves then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your yours yourself yourselves i'm you're isn't aren't
wasn't weren't doesn't didn't won't can't shouldn't there's what's let's`;

const GERMAN = `aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei beim bin bis bist da damit dann das dass dem
den denn der des dich die dir doch dort du durch ein eine einem einen einer eines er es etwas euch euer für gegen hat hatte hatten haben hier
ich ihm ihn ihnen ihr ihre ihrem ihren ihrer im in ist ja jede jedem jeden jeder jedes jetzt kann kein keine können man mein meine mich mir mit
muss nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner sich sie sind so soll über um und uns unser unter viel vom
von vor war waren warum was weil welche welchen welcher wenn wer werden wie wieder will wir wird wo zu zum zur`;

const SPANISH = `a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el él ella ellas ellos en entre era eran es esa
esas ese eso esos esta está están estas este esto estos fue fueron ha han hay la las le les lo los más me mi mis mucho muy nada ni no nos nosotros
o os otra otro para pero poco por porque que qué quien se sea ser si sí sin sobre son su sus también tan te tiene tienen todo todos tu tus un una
uno unos y ya yo cuánto cuánta cuántos cuántas cuál cómo`;

export const KEYWORD_STOP_WORDS: ReadonlySet<string> = new Set([ENGLISH, GERMAN, SPANISH].flatMap((list) => list.split(/\s+/u)));
