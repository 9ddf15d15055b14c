"""Spotting empty phrases and generic claims in what a leader writes, without tripping over the
places where the leader quotes them as examples of what not to say.

``EMPTY_PHRASES.find(text)`` returns the phrases *used* in ``text``, as written. A phrase is
taken as *mentioned* (and ignored) when, within its clause, a negation comes just before it
(``never say just checking in``, ``no touch base emails``, ``don't circle back``, ``instead of
...``) or right after it (``"touch base" is not a reason to call``), or when it stands in its
own quotation marks in a sentence that negates or forbids (``Avoid "hope you're well".``).
Everything is compiled once (a language's phrases when first needed): a call is a few regex scans.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

from ..textnorm import fold
from . import questions_languages
from .language import ENGLISH, cached_per_language, detect
from .substance_languages import REFLEXES as REFLEXES_ELSEWHERE
from .wording import T_

# Whom a greeting is addressed to ("to the whole team at {{company}}").
_TO_THE_TEAM = (r"(?:\s+(?:to|for)\s+(?:(?:the\s+)?(?:whole|entire|all)\s+)?"
                r"(?:the\s+|your\s+|their\s+)?"
                r"(?:[\w-]+\s+){0,2}?team(?:\s+(?:at|of)\s+\S+)?)?")
_AN_DAS_TEAM = (r"(?:\s+(?:an|f[üu]r)\s+(?:(?:das|ihr|euer)\s+(?:ganze\s+)?(?:[\w-]+\s+)?team|"
                r"sie\s+und\s+ihr\s+team|alle\s+(?:[\w-]+\s+){0,2}?(?:bei|von|in)\s+\S+|sie)"
                r"(?:\s+(?:von|bei)\s+\S+)?)?")
_A_L_EQUIPE = (r"(?:\s+(?:[àa]|pour)\s+(?:toute\s+|tous\s+|toutes\s+)?(?:l'[ée]quipe|"
               r"(?:vos|les|votre)\s+[\w-]+|vous(?:\s+et\s+(?:votre|vos)\s+[\w-]+)?)"
               r"(?:\s+(?!de\b|d'|chez\b)[\w-]+)?(?:\s+(?:de|chez)\s+\S+|\s+d'\S+)?)?")
_FOR_THE_YEAR_DE = (r"(?:\s+(?:im|in|f[üu]r|beim|zum|ins)\s+(?:[\w-]+\s+){0,2}?(?:jahr|quartal|"
                    r"halbjahr|gesch[äa]ftsjahr|saison|jahreswechsel|fest|feiertage|20\d\d)\b"
                    r"(?:\s+20\d\d)?)?")
_FOR_THE_YEAR_FR = (r"(?:\s+pour\s+(?:l'ann[ée]e\s+|la\s+nouvelle\s+ann[ée]e|cette\s+nouvelle\s+"
                    r"ann[ée]e|20\d\d)(?:20\d\d|[àa]\s+venir)?)?")

# (label, anchor, pattern). The label is what the docs list. The anchor is a literal that every
# match contains: a text without any anchor is skipped without running the regex. Patterns are
# matched against the lower-cased text with typographic apostrophes made straight.
EMPTY_PHRASE_PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("just checking in", "checking", r"(?:just\s+)?checking\s+in\b"),
    ("just a quick check-in", "check", r"just\s+(?:a\s+)?(?:quick\s+)?check[\s-]?in\b"),
    ("quick check-in", "check", r"(?:quick|friendly)\s+check[\s-]?in\b"),
    ("check in", "check", r"check(?:s|ed)?[\s-]in\b(?!\s+(?:at|from|desk|counter|time)\b)"),
    ("touch base", "touch", r"touch(?:ing|ed)?\s+base\b"),
    ("circle back", "circl", r"circl(?:e|es|ing|ed)\s+back\b"),
    ("follow up on my last email", "follow",
     r"follow(?:ing)?[\s-]?up\s+on\s+my\s+(?:last|previous|earlier)\b"),
    ("following up", "follow", r"(?:just\s+)?following[\s-]+up\b"),
    ("just following up", "follow", r"just\s+(?:wanted\s+to\s+)?follow[\s-]?up\b"),
    ("follow up (on its own)", "follow",
     r"follow[\s-]?up(?:\s+(?:call|e-?mail|message|note|again))?(?=\s*[.!]?\s*$)"),
    ("hope you're well", "hope",
     (r"hope\s+(?:you(?:'re|\s+are)|this\s+(?:e-?mail|message|note)\s+finds\s+you|all\s+is)"
      r"\s+(?:doing\s+)?(?:well|good|great)\b")),
    ("just reaching out", "reach", r"just\s+(?:wanted\s+to\s+)?reach(?:ing)?\s+out\b"),
    ("just wanted to see", "wanted",
     r"just\s+wanted\s+to\s+(?:see|check|say|ask|connect|touch|follow|reach)\b"),
    ("bumping this", "bump", r"bump(?:ing)?\s+(?:this|my\s+(?:last|previous))\b"),
    ("did you see my email", "my ",
     (r"did\s+you\s+(?:get|see|receive|read)\s+my\s+(?:last\s+|previous\s+)?"
      r"(?:e-?mail|message|voicemail|note)\b")),
    ("keeping in touch", "touch", r"(?:just\s+)?(?:keeping|staying)\s+in\s+touch\b"),
    ("pick your brain", "brain", r"pick\s+your\s+brains?\b"),
    ("coming back to my email", "back",
     r"(?:coming|come|getting|get)\s+back\s+(?:to\s+you\s+)?(?:on|about|regarding|to)\s+my\s+"
     r"(?:last\s+|previous\s+|earlier\s+)?(?:e-?mail|message|letter|note|proposal|voicemail)\b"),
    # reminding them of us, and building on our own letter ("keep us top of mind", "building on
    # my email of 12 November")
    ("keep us top of mind", "mind",
     r"(?:keep(?:s|ing)?\s+(?:us|me)|stay(?:s|ing)?|remain(?:s|ing)?)\s+top\s+of\s+mind\b"),
    ("building on my last email", "build",
     r"build(?:s|ing)?\s+on\s+my\s+(?:last\s+|previous\s+|earlier\s+)?(?:e-?mail|message|note|"
     r"letter|call|voicemail)(?:\s+(?:of|from)(?:\s+[\w.-]+){1,2})?\b"),
    # keeping a conversation alive that has nothing in it, and landing in their inbox again
    ("keep the conversation warm", "warm",
     r"keep(?:s|ing)?\s+(?:the|our|this|things)\s+(?:conversation\s+|dialogue\s+|relationship\s+)?"
     r"warm\b"),
    ("popping back into your inbox", "inbox",
     r"(?:just\s+)?pop(?:s|ping|ped)?\s+(?:back\s+)?(?:in(?:to)?|up\s+in)\s+(?:your|their|the)\s+"
     r"inbox\b"),
    # a greeting with nothing in it: the season's wishes, to whoever they are addressed
    ("season's greetings", "greeting",
     r"(?:season'?s|holiday|christmas|easter|new\s+year'?s?)\s+greetings?\b(?!\s+cards?)"
     + _TO_THE_TEAM),
    ("happy holidays", "happy",
     r"(?:happy|merry)\s+(?:holidays|christmas|xmas|easter|new\s+year|thanksgiving|hanukkah|diwali|"
     r"eid)(?:\s+20\d\d)?\b" + _TO_THE_TEAM),
    ("best wishes for the new year", "wishes",
     r"(?:(?:with\s+)?(?:our|my|all\s+(?:our|my|the))\s+)?(?:best|warmest|warm|kind(?:est)?)\s+"
     r"wishes(?:\s+for\s+(?:[\w-]+\s+){0,2}?(?:year|season|holidays|quarter|20\d\d)\b)?"),
    ("holiday card", "card",
     r"(?:holiday|christmas|xmas|season'?s\s+greetings|new\s+year'?s?|easter|greetings?)\s+"
     r"(?:e-?)?cards?\b" + _TO_THE_TEAM),
)

GENERIC_CLAIM_PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("great service", "service",
     (r"(?:great|excellent|outstanding|superior|exceptional|personal|first[\s-]class)\s+"
      r"(?:customer\s+)?service\b")),
    ("high quality", "quality", r"(?:high|top|highest|superior|premium)[\s-]quality\b"),
    ("quality products", "quality", r"quality\s+(?:products|solutions|services)\b"),
    ("industry-leading", "lead", r"(?:industry|market)[\s-]lead(?:ing|er)\b"),
    ("leading provider", "leading",
     r"(?:a\s+|the\s+)?leading\s+(?:provider|supplier|vendor|company|partner)\b"),
    ("world-class", "class", r"world[\s-]class\b"),
    ("best-in-class", "best", r"best[\s-](?:in|of)[\s-](?:class|breed)\b"),
    ("customer-centric", "customer", r"customer[\s-](?:centric|focused|first|oriented|obsessed)\b"),
    ("state-of-the-art", "art", r"state[\s-]of[\s-]the[\s-]art\b"),
    ("cutting-edge", "edge", r"cutting[\s-]edge\b"),
    ("innovative", "innovative", r"innovative\b"),
    ("one-stop shop", "shop", r"one[\s-]stop[\s-]shop\b"),
    ("end-to-end solution", "solution", r"end[\s-]to[\s-]end\s+solutions?\b"),
    ("trusted partner", "trusted", r"trusted\s+(?:partner|advisor|adviser)\b"),
    ("second to none", "none", r"second\s+to\s+none\b"),
    ("unparalleled", "unparal", r"unparall?eled\b"),
    ("seamless", "seamless", r"seamless(?:ly)?\b"),
    ("passionate", "passionate", r"passionate\b"),
    ("competitive prices", "competitive", r"competitive\s+(?:prices?|pricing|rates)\b"),
    ("value for money", "money", r"value\s+for\s+money\b"),
    ("experienced team", "team", r"(?:experienced|dedicated|expert|great)\s+team\b"),
    ("experienced people", "people",
     r"(?:experienced|dedicated|expert|great)\s+(?:people|staff)\b"),
    ("we care", "care", r"we\s+(?:really\s+)?care\b"),
)

# German and French: what reps there write instead of "just checking in" and "industry-leading".
# Generic claims in English (anglicisms: "state-of-the-art", "best-in-class") are read there too.
EMPTY_PHRASE_PATTERNS_DE: tuple[tuple[str, str, str], ...] = (
    ("nur mal kurz nachhaken", "nach",
     r"(?:(?:ich\s+)?(?:wollte|m[öo]chte)\s+)?(?:nur\s+)?(?:mal\s+)?(?:kurz\s+)?nach(?:haken|zuhaken|gehakt|fassen|zufassen|gefasst|h[öo]ren|zuh[öo]ren|"
     r"geh[öo]rt)\b"),
    ("wollte nur nachfragen", "nachfrag",
     r"(?:wollte|m[öo]chte)\s+(?:nur\s+)?(?:mal\s+)?(?:kurz\s+)?nachfragen\b"),
    ("wollte mich mal melden", "melden",
     r"(?:wollte|m[öo]chte)\s+mich\s+(?:nur\s+)?(?:mal\s+)?(?:kurz\s+)?(?:wieder\s+)?"
     r"(?:bei\s+ihnen\s+)?melden\b"),
    ("ich hoffe, es geht Ihnen gut", "hoffe",
     r"hoffe,?\s+(?:es\s+geht\s+ihnen|ihnen\s+geht\s+es|sie\s+hatten)\s+(?:gut|sehr\s+gut)\b"),
    ("haben Sie meine E-Mail gesehen", "meine",
     r"meine\s+(?:letzte\s+)?(?:e-?mail|nachricht|mail)\s+(?:gesehen|erhalten|bekommen|gelesen|angekommen)\b"),
    ("ich melde mich noch einmal", "melde",
     r"(?:ich\s+)?melde\s+mich\s+(?:noch\s*(?:ein)?mal|nochmals|erneut|wieder)\b"),
    ("wegen meiner letzten Nachricht", "meiner",
     r"(?:wegen|bez[üu]glich|zu)\s+meiner\s+(?:letzten\s+|vorherigen\s+)?(?:e-?mail|nachricht|"
     r"mail|anfrage)(?:\s+von\s+letzter\s+woche)?\b"),
    ("in Kontakt bleiben", "kontakt", r"in\s+kontakt\s+(?:bleiben|zu\s+bleiben)\b"),
    ("in Erinnerung rufen", "erinnerung",
     r"(?:wieder\s+)?in\s+erinnerung\s+(?:rufen|bringen)\b"),
    ("Bezug nehmend auf meine letzte E-Mail", "bezug",
     r"bezug\s*nehmend\s+auf\s+meine\s+(?:letzte|vorherige)\b"),
    # the same, said otherwise (generalised from the lists above, not from any set's misses):
    # the separated verb ("ich hake kurz nach, ob"), "erkundigen", "zurückkommen auf", …
    ("ich hake kurz nach", "nach",
     r"(?:hake|frage|fasse|h[öo]re)\s+(?:(?:nur|mal|kurz|gerne?|noch\s*(?:ein)?mal|nochmals)\s+)"
     r"{0,3}nach(?=\s*(?:[,.!?;:]|$|ob\b))"),
    ("wollte nur kurz wissen, ob", "ob",
     r"(?:wollte|m[öo]chte)\s+(?:(?:nur|mal|kurz)\s+){1,3}(?:sehen|schauen|fragen|wissen|h[öo]ren|"
     r"pr[üu]fen),?\s+ob\b"),
    ("ich wollte mich erkundigen, ob", "erkundig",
     r"(?:wollte|m[öo]chte)\s+mich\s+(?:(?:nur|mal|kurz)\s+){0,3}erkundigen,?\s+ob\b"),
    ("ich komme auf meine E-Mail zurück", "zur",
     r"(?:komme|kommen)\s+(?:(?:nochmals|noch\s*(?:ein)?mal|kurz|gerne?)\s+){0,2}auf\s+"
     r"(?:meine[nm]?|mein|unsere[nm]?|unser)\s+(?:letzte[snm]?\s+|vorherige[snm]?\s+)?(?:e-?mail|"
     r"nachricht|mail|anfrage|angebot|schreiben|brief|anruf|telefonat|gespr[äa]ch|unterlagen)"
     # whatever says when ("von letzter Woche", "vom Dienstag")
     r"(?:\s+[\w.-]+){0,4}?\s+zur[üu]ck\b"),
    ("den Kontakt halten", "kontakt",
     r"(?:den|unseren)\s+kontakt\s+(?:zu\s+ihnen\s+)?(?:halten|pflegen|auffrischen)\b"),
    ("ich hoffe, Sie hatten ein schönes Wochenende", "hoffe",
     r"hoffe,?\s+(?:sie\s+hatten\s+(?:ein(?:en)?\s+)?(?:sch[öo]ne[sn]?|gute[ns]?|erholsame[sn]?)\s+"
     r"(?:wochenende|start|urlaub|feiertage|woche)|(?:bei\s+ihnen\s+)?(?:ist\s+)?alles\s+"
     r"(?:ist\s+)?(?:gut|in\s+ordnung|bestens))\b"),
    ("haben Sie mein Angebot gesehen", "angebot",
     r"(?:mein|unser)\s+angebot\s+(?:schon\s+|bereits\s+)?(?:gesehen|erhalten|bekommen|gelesen|"
     r"angekommen|angesehen)\b"),
    ("noch keine Rückmeldung erhalten", "keine",
     r"(?:noch\s+)?keine\s+(?:r[üu]ckmeldung|antwort)\s+(?:von\s+ihnen\s+)?(?:erhalten|bekommen)\b"),
    ("noch nichts von Ihnen gehört", "nichts", r"(?:noch\s+)?nichts\s+von\s+ihnen\s+geh[öo]rt\b"),
    # a reminder of our own message, a check-in and picking up the thread, as German reps say
    # them (the tuning sets of 3 December 2026, the eleventh set's first look: docs/coach-rules.md)
    ("kurze Erinnerung an mein Angebot", "erinnerung",
     r"(?:(?:eine\s+)?(?:kurze|kleine|freundliche)\s+)?erinnerung\s+(?:an|zu)\s+(?:mein(?:e[mnr]?)?|"
     r"unser(?:e[mnr]?)?)\s+(?:letzte[snm]?\s+|vorherige[snm]?\s+)?(?:angebot|e-?mail|nachricht|mail|"
     r"anfrage|schreiben|unterlagen)\b"),
    ("den Faden wieder aufnehmen", "faden",
     r"(?:(?:ich\s+)?melde\s+mich,?\s+um\s+)?den\s+(?:gespr[äa]chs)?faden\s+(?:wieder\s+)?"
     r"auf(?:nehmen|zunehmen|greifen|zugreifen)\b"),
    ("wollte mal hören, wie es läuft", "wie es",
     r"(?:(?:ich\s+)?(?:wollte|m[öo]chte)\s+(?:(?:nur|mal|kurz|gern|gerne)\s+){0,3}(?:h[öo]ren|fragen|"
     r"wissen|nachfragen),?\s+)?wie\s+es\s+bei\s+ihnen\s+(?:so\s+)?(?:l[äa]uft|aussieht|steht)\b|"
     r"(?:wollte|m[öo]chte)\s+(?:(?:nur|mal|kurz|gern|gerne)\s+){0,3}(?:h[öo]ren|fragen|wissen|"
     r"nachfragen),?\s+wie\s+es\s+(?:ihnen\s+)?(?:so\s+)?(?:l[äa]uft|aussieht|steht|geht)\b"),
    # building on our own letter and bringing ourselves back to mind, in the word order of a
    # separated verb ("knüpft an mein Schreiben vom 12.11. an", "bringt uns in Erinnerung")
    ("knüpft an mein Schreiben an", "kn",
     r"(?:an)?kn[üu]pf(?:t|e|en|end)\s+an\s+(?:mein|unser)(?:e[snmr]?)?\s+(?:letzte[snm]?\s+|"
     r"vorherige[snm]?\s+)?(?:e-?mail|mail|nachricht|schreiben|brief|angebot|anruf|telefonat|"
     r"gespr[äa]ch)(?:(?:\s+[\w.-]+){0,4}?\s+an\b)?"),
    ("bringt uns in Erinnerung", "erinnerung",
     r"(?:bringt|bringe|bringen|ruft|rufe|rufen)\s+(?:uns|mich)\s+(?:(?:noch\s*(?:ein)?mal|nochmals|"
     r"kurz|wieder|gerne?|erneut)\s+){0,2}(?:bei\s+ihnen\s+)?in\s+erinnerung\b"),
    ("den Draht warm halten", "warm",
     r"(?:den\s+)?(?:draht|kontakt|faden|austausch)\s+(?:zu\s+ihnen\s+)?warm\s+(?:halten|zu\s+halten)\b"),
    # a greeting with nothing in it: the season's wishes, to whoever they are addressed
    ("Frohe Ostern", "ostern",
     r"(?:frohe|fr[öo]hliche|sch[öo]ne|gesegnete|erholsame)\s+ostern\b" + _AN_DAS_TEAM),
    ("Frohe Weihnachten", "weihnacht",
     r"(?:frohe|fr[öo]hliche|sch[öo]ne|gesegnete|besinnliche)\s+weihnacht(?:en|stage)\b"
     + _AN_DAS_TEAM),
    ("schöne Feiertage", "tage",
     r"(?:frohe|fr[öo]hliche|sch[öo]ne|erholsame|besinnliche)\s+(?:feier|fest|oster)tage\b"
     + _AN_DAS_TEAM),
    ("frohes neues Jahr", "jahr",
     r"(?:ein\s+)?(?:frohes|gutes|gesundes|erfolgreiches)\s+(?:neues\s+)?jahr(?:\s+20\d\d)?\b"
     + _AN_DAS_TEAM),
    ("guten Rutsch", "rutsch", r"(?:einen\s+)?guten\s+rutsch(?:\s+ins\s+neue\s+jahr)?\b"),
    ("viel Erfolg im neuen Jahr", "erfolg",
     r"(?:weiterhin\s+)?(?:viel|gro(?:ß|ss)en)\s+erfolg\b" + _FOR_THE_YEAR_DE),
    ("alles Gute", "gute", r"alles\s+gute\b" + _FOR_THE_YEAR_DE),
    ("beste Wünsche", "nsche",
     r"(?:(?:mit\s+)?(?:den\s+)?(?:besten|herzlichen)|beste|herzliche)\s+w[üu]nschen?\b"
     + _FOR_THE_YEAR_DE),
    ("Weihnachtsgrüße", "gr",
     r"(?:weihnachts|oster|neujahrs|feiertags|fest|jahresend)gr[üu](?:ß|ss)(?:e|en)?\b"
     + _AN_DAS_TEAM),
    ("Weihnachtskarte", "karte",
     r"(?:weihnachts|oster|neujahrs|gru(?:ß|ss))karte\b" + _AN_DAS_TEAM),
)

EMPTY_PHRASE_PATTERNS_FR: tuple[tuple[str, str, str], ...] = (
    ("je me permets de vous relancer", "relanc",
     r"(?:(?:je\s+)?me\s+permets\s+de\s+)?(?:vous\s+)?relancer\b|petite\s+relance\b"),
    ("je reviens vers vous", "vous",
     r"(?:je\s+)?(?:me\s+permets\s+de\s+)?rev(?:iens|enir|enons)\s+(?:(?:rapidement|"
     r"bri[eè]vement|encore|une\s+nouvelle\s+fois)\s+)?(?:vers|aupr[eè]s\s+de)\s+vous\b"),
    # the same, said otherwise (generalised from the lists here, not from any set's misses)
    ("je vous relance", "relance",
     r"(?:je\s+)?vous\s+relance\b|relance\s+(?:concernant|au\s+sujet\s+de)\b"),
    ("je me permets de vous recontacter", "recontact",
     r"(?:je\s+)?(?:me\s+permets\s+de\s+)?vous\s+recontacter\b"),
    ("sans nouvelles de votre part", "part",
     r"sans\s+(?:nouvelles|r[ée]ponse|retour)\s+de\s+votre\s+part\b"),
    ("je n'ai pas eu de retour", "pas",
     r"(?:n'ayant|je\s+n'ai)\s+pas\s+(?:encore\s+)?(?:eu|re[çc]u)\s+de\s+(?:retour|r[ée]ponse)\b"),
    ("avez-vous pu lire mon e-mail", "vous",
     r"(?:avez|auriez)[\s-]vous\s+(?:bien\s+)?(?:eu\s+le\s+temps\s+de|pu)\s+(?:lire|regarder|"
     r"consulter|parcourir|prendre\s+connaissance\s+de)\s+(?:mon|ma|notre)\s+(?:dernier\s+|"
     r"derni[eè]re\s+|pr[ée]c[ée]dent\s+)?(?:e-?mail|mail|message|courriel|proposition|offre)\b"),
    ("j'espère que tout va bien", "esp",
     r"esp[eè]re\s+que\s+(?:tout\s+va\s+bien|vous\s+avez\s+pass[ée]\s+(?:un|une|de)\s+"
     r"(?:bon|bonne|bonnes|excellent|excellente)\s+(?:week-end|weekend|vacances|f[êe]tes|"
     r"semaine|rentr[ée]e))\b"),
    ("garder le contact", "contact", r"(?:garder|maintenir|conserver)\s+le\s+contact\b"),
    ("je souhaitais simplement savoir si", "souhaitais",
     r"(?:je\s+)?souhaitais\s+(?:juste|simplement|seulement)\s+(?:savoir|v[ée]rifier)\s+si\b"),
    ("j'espère que vous allez bien", "esp",
     r"esp[eè]re\s+que\s+vous\s+(?:allez|vous\s+portez)\s+bien\b"),
    ("avez-vous vu mon e-mail", "mon ",
     r"(?:(?:vous\s+)?(?:avez|aviez)(?:-vous)?\s+(?:bien\s+)?)?(?:vu|re[çc]u|lu)\s+mon\s+(?:dernier\s+|pr[ée]c[ée]dent\s+)?(?:e-?mail|mail|message|courriel)\b"),
    ("suite à mon précédent e-mail", "suite",
     r"suite\s+[àa]\s+mon\s+(?:pr[ée]c[ée]dent\s+|dernier\s+)?(?:e-?mail|mail|message|courriel)"
     r"\b"),
    ("rester en contact", "contact", r"rester\s+en\s+contact\b"),
    ("garder le lien", "lien", r"(?:garder|maintenir|entretenir)\s+le\s+lien\b"),
    ("je fais un petit suivi", "suivi",
     r"(?:je\s+)?(?:fais|fait)\s+(?:juste\s+|simplement\s+)?un\s+(?:petit\s+)?suivi\b|"
     r"petit\s+suivi\b"),
    ("prendre des nouvelles", "nouvelles", r"prendre\s+(?:des|de\s+vos)\s+nouvelles\b"),
    ("faire un petit point", "point", r"faire\s+un\s+(?:petit\s+)?point\b"),
    ("je voulais juste savoir si", "voulais",
     r"(?:je\s+)?voulais\s+(?:juste|simplement|seulement)\s+(?:savoir|v[ée]rifier)\s+si\b"),
    # a reminder of our own message, a check-in, as French reps say them (the tuning sets of
    # 3 December 2026, the eleventh set's first look: docs/coach-rules.md)
    ("petit rappel concernant ma proposition", "rappel",
     r"(?:(?:un\s+)?petit\s+)?rappel\s+(?:concernant|au\s+sujet\s+de|[àa]\s+propos\s+de|sur)\s+"
     r"(?:ma|mon|notre|nos|mes)\s+(?:derni[eè]re\s+|dernier\s+|pr[ée]c[ée]dente?\s+)?(?:proposition|"
     r"offre|devis|e-?mail|mail|message|courriel|demande)\b"),
    ("prendre la température", "temp",
     r"(?:(?:un\s+)?petit\s+(?:message|mot)\s+pour\s+)?prendre\s+la\s+temp[ée]rature(?:\s+de\s+"
     r"votre\s+c[ôo]t[ée])?\b"),
    ("je me manifeste", "manifeste",
     r"(?:je\s+)?me\s+manifeste(?:\s+(?:[àa]|de)\s+nouveau|\s+encore)?(?:\s+suite\s+[àa]\s+(?:notre|"
     r"nos|mon|ma)\s+(?:dernier\s+|derni[eè]re\s+|pr[ée]c[ée]dente?\s+)?(?:[ée]change|conversation|"
     r"entretien|rendez-vous|appel|e-?mail|message)s?(?:\s+(?:du|de\s+la)\s+(?:mois|semaine)\s+"
     r"(?:dernier|derni[eè]re|pass[ée]e?))?)?\b"),
    # picking up our own message, whatever lies between ("je reviens sur mon mail de mardi")
    ("je reviens sur mon message", "sur",
     r"(?:je\s+)?rev(?:iens|enir|enons)\s+(?:(?:vers\s+vous|rapidement|bri[eè]vement|encore)\s+)?"
     r"(?:sur|concernant|au\s+sujet\s+de|[àa]\s+propos\s+de)\s+(?:mon|ma|mes|notre|nos)\s+"
     r"(?:[\w-]+\s+)?(?:e-?mail|mail|message|courriel|courrier|lettre|proposition|offre|devis|"
     r"appel)s?\b"),
    # reminding them of us ("me rappeler à votre bon souvenir")
    ("me rappeler à votre bon souvenir", "souvenir",
     r"(?:me|nous)\s+rappeler\s+[àa]\s+(?:votre|son|leur)\s+(?:bon\s+)?souvenir\b"),
    # a greeting with nothing in it: the season's wishes, to whoever they are addressed
    ("carte de vœux", "carte", r"cartes?\s+de\s+v(?:œ|oe)ux\b" + _A_L_EQUIPE),
    ("meilleurs vœux", "ux",
     r"(?:(?:avec\s+)?(?:(?:tous\s+)?nos|(?:tous\s+)?mes)\s+)?(?:meilleurs|sinc[èe]res|chaleureux)"
     r"\s+v(?:œ|oe)ux(?:\s+de\s+(?:r[ée]ussite|bonheur|succ[èe]s|sant[ée]|prosp[ée]rit[ée])"
     r"(?:\s+et\s+de\s+[\w-]+)?)?" + _FOR_THE_YEAR_FR + _A_L_EQUIPE),
    ("bonne année", "ann",
     r"(?:tr[eè]s\s+|une\s+)?(?:bonne|belle|excellente|heureuse)\s+ann[ée]e(?:\s+20\d\d)?\b"
     + _A_L_EQUIPE),
    ("joyeux Noël", "joyeu",
     r"joyeu(?:x|ses)\s+(?:no[eë]l|p[âa]ques|f[êe]tes)\b" + _A_L_EQUIPE),
    ("bonnes fêtes", "tes",
     r"(?:bonnes|belles|excellentes)\s+f[êe]tes(?:\s+de\s+fin\s+d'ann[ée]e)?\b" + _A_L_EQUIPE),
)

GENERIC_CLAIM_PATTERNS_DE: tuple[tuple[str, str, str], ...] = (
    ("Marktführer", "hr", r"(?:markt|branchen|technologie)f[üu]hr(?:er|end)\w{0,3}"),
    ("höchste Qualität", "qualit",
     r"(?:h[öo]chste[rn]?|hohe[rn]?|erstklassige[rn]?|beste[rn]?|top)[\s-]qualit[äa]t\b"),
    ("innovativ", "innovativ", r"innovativ(?:e[nrms]?)?\b"),
    ("kundenorientiert", "kunden", r"kunden(?:orientiert|zentriert|nah)\w{0,3}"),
    ("erfahrenes Team", "team", r"(?:erfahrene[sn]?|engagierte[sn]?|kompetente[sn]?)\s+team\b"),
    ("ganzheitliche Lösung", "ganzheitlich", r"ganzheitliche[nr]?\s+l[öo]sung(?:en)?\b"),
    ("zuverlässiger Partner", "partner",
     r"(?:zuverl[äa]ssige[rn]?|vertrauensvolle[rn]?|starke[rn]?|kompetente[rn]?)\s+partner\b"),
    ("maßgeschneidert", "geschneidert", r"ma(?:ß|ss)geschneidert\w{0,3}"),
    ("erstklassiger Service", "service",
     r"(?:erstklassige[rnm]?|exzellente[rnm]?|hervorragende[rnm]?)\s+(?:kunden)?service\b"),
    ("Preis-Leistungs-Verhältnis", "preis", r"preis[\s-]leistungs[\s-]?verh[äa]ltnis"),
    ("Rundum-sorglos-Paket", "sorglos", r"rundum[\s-]sorglos\w{0,8}"),
    # the same claims said otherwise, and the English list's (world-class, second to none,
    # seamless, passionate, competitive prices, one-stop shop) as German reps write them
    ("führender Anbieter", "hrende",
     r"f[üu]hrende[rnms]?\s+(?:anbieter|hersteller|dienstleister|unternehmen|partner|spezialisten?|"
     r"l[öo]sungsanbieter|experten?)\b"),
    ("Innovationsführer", "hr", r"(?:innovations|qualit[äa]ts)f[üu]hr(?:er|end)\w{0,3}"),
    ("Weltklasse", "weltklasse", r"weltklasse\b"),
    ("modernste Technologie", "technolog",
     r"(?:modernste[rnm]?|neueste[rnm]?|spitzen)[\s-]?technolog\w*"),
    ("einzigartig", "einzigartig", r"einzigartige?[rnms]?\b"),
    ("unübertroffen", "bertroffen", r"un[üu]bertroffen\w{0,3}"),
    ("unvergleichlich", "unvergleichlich", r"unvergleichlich\w{0,3}"),
    ("nahtlos", "nahtlos", r"nahtlos\w{0,3}"),
    ("leidenschaftlich", "leidenschaft", r"leidenschaftlich\w{0,3}|mit\s+leidenschaft\b"),
    ("wettbewerbsfähige Preise", "preise",
     r"(?:wettbewerbsf[äa]hige[nr]?|faire[nr]?|attraktive[nr]?|g[üu]nstige[nr]?|unschlagbare[nr]?)"
     r"\s+(?:preise[n]?|konditionen)\b"),
    ("hochwertige Produkte", "hochwertig",
     r"(?:qualitativ\s+)?hochwertige[nrms]?\s+(?:produkte|l[öo]sungen|dienstleistungen|leistungen|"
     r"services?)\b"),
    ("Premium-Qualität", "qualit", r"(?:premium|spitzen)[\s-]?qualit[äa]t\b"),
    ("alles aus einer Hand", "hand", r"alles\s+aus\s+einer\s+hand\b"),
    ("Komplettlösung", "sung", r"(?:komplett|gesamt)l[öo]sung(?:en)?\b"),
    ("erfahrene Mitarbeiter", "erfahren",
     r"(?:erfahrene[nr]?|engagierte[nr]?|kompetente[nr]?|qualifizierte[nr]?)\s+(?:mitarbeiter(?:innen)?|"
     r"experten|fachleute|berater(?:innen)?|spezialisten)\b"),
    ("verlässlicher Partner", "partner",
     r"(?:verl[äa]ssliche[rn]?|idealer?n?|richtige[rn]?|erfahrene[rn]?)\s+partner\b"),
    ("exzellente Betreuung", "betreuung",
     r"(?:erstklassige[rn]?|exzellente[rn]?|hervorragende[rn]?|beste[rn]?)\s+(?:betreuung|beratung|"
     r"support)\b"),
    ("der Kunde ist König", "nig", r"(?:der\s+)?kunde\s+ist\s+k[öo]nig\b"),
    ("echter Mehrwert", "mehrwert", r"(?:echte[nr]?|messbare[nr]?|gro(?:ß|ss)e[nr]?)\s+mehrwert\b"),
    ("erstklassig", "erstklassig", r"erstklassig\w{0,3}"),
)

GENERIC_CLAIM_PATTERNS_FR: tuple[tuple[str, str, str], ...] = (
    ("leader du marché", "march",
     r"(?:leader|num[ée]ro\s+(?:un|1))\s+(?:du|sur\s+(?:le|son)|de\s+son)\s+march[ée]\b"),
    ("innovant", "innovant", r"innovant(?:e|es|s)?\b"),
    ("clé en main", "en main", r"cl[ée]s?\s+en\s+main\b"),
    ("haute qualité", "qualit",
     r"(?:haute|tr[eè]s\s+haute|excellente|meilleure)\s+qualit[ée]\b"),
    ("service irréprochable", "service",
     r"service\s+(?:client\s+)?(?:irr[ée]prochable|exceptionnel|de\s+qualit[ée]|personnalis[ée])"),
    ("partenaire de confiance", "partenaire",
     r"partenaire\s+(?:de\s+confiance|privil[ée]gi[ée]|fiable)\b"),
    ("équipe expérimentée", "quipe",
     r"[ée]quipe\s+(?:exp[ée]riment[ée]e|d[ée]di[ée]e|passionn[ée]e|d'experts)\b"),
    ("sur mesure", "mesure", r"sur[\s-]mesure\b"),
    ("à la pointe", "pointe", r"[àa]\s+la\s+pointe\b"),
    ("rapport qualité-prix", "prix", r"rapport\s+qualit[ée][\s-]prix\b"),
    ("orienté client", "client", r"orient[ée]e?s?\s+clients?\b"),
    # the same claims said otherwise, and the English list's (world-class, second to none,
    # passionate, competitive prices, one-stop shop) as French reps write them
    ("leader européen", "leader",
     r"leader\s+(?:europ[ée]en|mondial|fran[çc]ais|national|incontournable|de\s+son\s+secteur|"
     r"du\s+secteur)\b"),
    ("acteur majeur", "acteur",
     r"acteur\s+(?:majeur|incontournable|de\s+r[ée]f[ée]rence|reconnu|cl[ée])\b"),
    ("la référence du marché", "rence",
     r"(?:la\s+)?r[ée]f[ée]rence\s+(?:du|de\s+son|de\s+notre)\s+(?:march[ée]|secteur)\b"),
    ("technologie de pointe", "pointe",
     r"(?:technologies?|solutions?|[ée]quipements?)\s+de\s+pointe\b"),
    ("qualité supérieure", "qualit",
     r"qualit[ée]\s+(?:sup[ée]rieure|premium|irr[ée]prochable|optimale|exceptionnelle|in[ée]gal[ée]e)"
     r"\b"),
    ("produits de qualité", "qualit",
     r"(?:produits|prestations|services|solutions)\s+de\s+(?:grande\s+|haute\s+)?qualit[ée]\b"),
    ("accompagnement d'excellence", "excellence",
     r"(?:service|accompagnement|suivi)\s+(?:client\s+)?d'excellence\b"),
    ("partenaire idéal", "partenaire",
     r"partenaire\s+(?:id[ée]al|de\s+choix|de\s+r[ée]f[ée]rence|comp[ée]tent|solide|privil[ée]gi[ée]"
     r")\b"),
    ("équipe qualifiée", "quipe",
     r"[ée]quipes?\s+(?:qualifi[ée]es?|comp[ée]tentes?|chevronn[ée]es?|d'experts?\s+"
     r"(?:passionn[ée]s|qualifi[ée]s|chevronn[ée]s))\b"),
    ("collaborateurs expérimentés", "collaborateurs",
     r"collaborateurs\s+(?:exp[ée]riment[ée]s|qualifi[ée]s|comp[ée]tents|passionn[ée]s|d[ée]vou[ée]s)"
     r"\b"),
    ("experts passionnés", "experts",
     r"experts\s+(?:passionn[ée]s|qualifi[ée]s|chevronn[ée]s|reconnus|d[ée]di[ée]s)\b"),
    ("inégalé", "gal", r"in[ée]gal[ée]e?s?\b|sans\s+[ée]gal\b"),
    ("incomparable", "incomparable", r"incomparables?\b"),
    ("hors pair", "pair", r"hors\s+pair\b"),
    ("unique en son genre", "genre", r"unique\s+en\s+son\s+genre\b"),
    ("passionné", "passionn", r"passionn[ée]e?s?\b"),
    ("prix compétitifs", "prix",
     r"(?:prix|tarifs)\s+(?:comp[ée]titifs|attractifs|imbattables|avantageux|tr[eè]s\s+"
     r"comp[ée]titifs)\b"),
    ("de classe mondiale", "classe", r"(?:de\s+)?classe\s+mondiale\b"),
    ("haut de gamme", "gamme", r"haut\s+de\s+gamme\b"),
    ("guichet unique", "unique", r"guichet\s+unique\b|interlocuteur\s+unique\b"),
    ("solution globale", "solution",
     r"solutions?\s+(?:globales?|compl[èe]tes?|int[ée]gr[ée]es?|cl[ée]s?\s+en\s+main)\b"),
    ("forte valeur ajoutée", "valeur",
     r"(?:forte|r[ée]elle|vraie|v[ée]ritable)\s+valeur\s+ajout[ée]e\b"),
    ("centré sur le client", "centr",
     r"centr[ée]e?s?\s+sur\s+(?:le|les|nos|ses)\s+clients?\b"),
)

_QUOTES_OPEN = "\"'“‘«„"
_QUOTES_CLOSE = "\"'”’»“"
_CLAUSE_END = re.compile(r"[.!?;:,()\n—–]|\s-\s")
_SENTENCE_END = re.compile(r"[.!?\n]")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_NEGATOR = re.compile(
    r"\b(?:never|no|not|nor|without|avoid\w*|stop|instead|rather|ban\w*|forbid\w*|replace|"
    r"cannot|zero|cut|drop|skip|ditch)\b|n't\b|\bdont\b"
)
_NEGATED_AFTER = re.compile(
    r"^[\s\"'”’»]*(?:[a-z]+\s+){0,2}?(?:(?:is|are|was|were|will|does|do|should|must)\s+)?"
    r"(?:not|never|no)\b|^[\s\"'”’»]*(?:[a-z]+\s+){0,2}?[a-z]+n't\b"
)
_TRAILING_PUNCT = ".,!?…"
NEGATION_WINDOW_WORDS = 4
_CONTEXT_CHARS = 160


class PhraseFinder:
    """Finds the phrases that are used (not merely mentioned) in a text.

    Results are cached per text (an LRU of ``CACHE_SIZE`` texts): while a leader types, only the
    field being edited is scanned again.
    """

    CACHE_SIZE = 4096

    def __init__(self, patterns: tuple[tuple[str, str, str], ...]) -> None:
        self.patterns = patterns
        self.anchors = tuple(sorted({anchor for _, anchor, _ in patterns}))
        self.find = lru_cache(maxsize=self.CACHE_SIZE)(self._find)
        self.search = lru_cache(maxsize=self.CACHE_SIZE)(self._search)

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The phrases as one pattern, compiled when first needed: a plan written in English
        never needs the German and French ones, whose compiling cost every start 0.02-0.03 s
        of CPU (``prospector pdf``, issue 17)."""
        alternation = "|".join(f"(?:{p})" for _, _, p in self.patterns)
        return re.compile(rf"(?<![\w-])(?:{alternation})")

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(label for label, _, _ in self.patterns)

    def _find(self, text: str) -> tuple[str, ...]:
        """The phrases used in ``text`` as written (trimmed), in order, each once."""
        if not text:
            return ()
        lowered = _normalise(text)
        if not self._anchored(lowered):
            return ()
        source = text if len(text) == len(lowered) else lowered
        found: list[str] = []
        seen: set[str] = set()
        for match in self.regex.finditer(lowered):
            if _is_mentioned(lowered, match.start(), match.end()):
                continue
            key = match.group(0).strip()
            if key not in seen:
                seen.add(key)
                found.append(source[match.start():match.end()].strip())
        return tuple(found)

    def _anchored(self, lowered: str) -> bool:
        for anchor in self.anchors:  # a plain loop: faster than any() or a regex here
            if anchor in lowered:
                return True
        return False

    def _search(self, text: str) -> bool:
        """Whether any phrase occurs in ``text``, used or mentioned."""
        if not text:
            return False
        lowered = _normalise(text)
        return self._anchored(lowered) and bool(self.regex.search(lowered))

    def strip(self, text: str) -> str:
        """``text`` (lower-cased) with every phrase removed, used or mentioned."""
        return self.regex.sub(" ", _normalise(text))


def _normalise(text: str) -> str:
    return text.lower().replace("’", "'")


def _is_mentioned(lowered: str, start: int, end: int) -> bool:
    before = lowered[max(0, start - _CONTEXT_CHARS):start]
    after = lowered[end:end + _CONTEXT_CHARS]
    if _quoted(lowered, start, end):
        sentence = _tail(before, _SENTENCE_END) + " " + _head(after, _SENTENCE_END)
        if _NEGATOR.search(sentence):
            return True
    words = _WORD.findall(_tail(before, _CLAUSE_END))[-NEGATION_WINDOW_WORDS:]
    if words and _NEGATOR.search(" ".join(words)):
        return True
    return bool(_NEGATED_AFTER.search(_head(after, _CLAUSE_END)))


def _quoted(text: str, start: int, end: int) -> bool:
    opened = start > 0 and text[start - 1] in _QUOTES_OPEN
    tail = end
    while tail < len(text) and text[tail] in _TRAILING_PUNCT:
        tail += 1
    return opened and tail < len(text) and text[tail] in _QUOTES_CLOSE


def _tail(text: str, boundary: re.Pattern[str]) -> str:
    last = None
    for match in boundary.finditer(text):
        last = match
    return text[last.end():] if last else text


def _head(text: str, boundary: re.Pattern[str]) -> str:
    first = boundary.search(text)
    return text[:first.start()] if first else text


def word_count(text: str) -> int:
    return len(text.split())


def fewer_words_than(text: str, n: int) -> bool:
    """``word_count(text) < n``, without splitting all of a long text."""
    return n > 0 and len(text.split(None, n - 1)) < n


_MERGE_FIELD = re.compile(r"\{\{\s*\w+\s*\}\}")


def has_merge_field(text: str) -> bool:
    return bool(_MERGE_FIELD.search(text))


class PhrasesByLanguage:
    """A ``PhraseFinder`` per language; each text is read with the finder of the language it is
    written in (``language.detect``)."""

    def __init__(self, finders: dict[str, PhraseFinder]) -> None:
        self.finders = finders

    @property
    def labels(self) -> tuple[str, ...]:
        """The English phrases (what the docs list first)."""
        return self.finders[ENGLISH].labels

    def labels_in(self, language: str) -> tuple[str, ...]:
        return self.finders[language].labels

    def finder_for(self, text: str) -> PhraseFinder:
        return self.finders.get(detect(text), self.finders[ENGLISH])

    def find(self, text: str) -> tuple[str, ...]:
        return self.finder_for(text).find(text) if text else ()

    def search(self, text: str) -> bool:
        return bool(text) and self.finder_for(text).search(text)

    def strip(self, text: str) -> str:
        return self.finder_for(text).strip(text)


EMPTY_PHRASES = PhrasesByLanguage({
    "en": PhraseFinder(EMPTY_PHRASE_PATTERNS),
    "de": PhraseFinder(EMPTY_PHRASE_PATTERNS_DE),
    "fr": PhraseFinder(EMPTY_PHRASE_PATTERNS_FR),
})
GENERIC_CLAIMS = PhrasesByLanguage({
    "en": PhraseFinder(GENERIC_CLAIM_PATTERNS),
    "de": PhraseFinder(GENERIC_CLAIM_PATTERNS_DE + GENERIC_CLAIM_PATTERNS),
    "fr": PhraseFinder(GENERIC_CLAIM_PATTERNS_FR + GENERIC_CLAIM_PATTERNS),
})


# --- sales conversations: objections and discovery questions ----------------------------------
# What a client or a rep says is read by meaning, not by exact phrase. ``speech()`` folds the text
# (case and accents ignored, see prospector.textnorm.fold), writes "e-mail" as "email" and spells
# out contractions ("we're" -> "we are", "isn't" -> "is not", "let's" -> "let us"). ``words_of()``
# then keeps the words only, joined by single spaces, so that a pattern can allow a few words in
# between (``_GAP``): the patterns repeat only a word followed by one space and never nest a
# repetition, so each scan is linear in the text, however long it is.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‛": "'", "？": "?",
                              "¿": "?"})
_EMAIL_WORD = re.compile(r"\be[ ‐‑-]mail")
_CONTRACTION = re.compile(r"\b([a-z]+)'(t|re|ve|ll|m|d|s)\b")
_IS_AFTER = frozenset({"it", "that", "what", "there", "here", "who", "where", "how", "he", "she",
                       "this", "which", "when", "why"})
_NOT_FORMS = {"can": "can not", "won": "will not", "shan": "shall not", "ain": "is not"}
_TAILS = {"re": " are", "ve": " have", "ll": " will", "m": " am", "d": " would"}
_TOKEN = re.compile(r"[a-z0-9]+")
_GAP = r"(?:[a-z0-9]+ ){0,3}?"  # up to three other words
_GAP_NO_TO = r"(?:(?!to )[a-z0-9]+ ){0,3}?"  # the same, none of them "to" ("have to ask someone")


def _spell_out(match: re.Match[str]) -> str:
    word, tail = match.group(1), match.group(2)
    if tail == "t":
        return _NOT_FORMS.get(word) or (f"{word[:-1]} not" if word.endswith("n") else word)
    if tail == "s":
        if word == "let":
            return "let us"
        return f"{word} is" if word in _IS_AFTER else word  # otherwise a possessive
    return word + _TAILS[tail]


@lru_cache(maxsize=4096)
def speech(text: str) -> str:
    """``text`` folded, with "e-mail" as "email" and contractions spelt out; punctuation kept."""
    folded = fold(text).translate(_APOSTROPHES)
    return _CONTRACTION.sub(_spell_out, _EMAIL_WORD.sub("email", folded))


@lru_cache(maxsize=4096)
def words_of(text: str) -> str:
    """The words of ``text`` as ``speech()`` has them, joined by single spaces:
    "We’re happy with our E-Mail!" -> "we are happy with our email"."""
    return " ".join(_TOKEN.findall(speech(text)))


def _words(*alternatives: str) -> str:
    return "(?:" + "|".join(alternatives) + ")"


# The reflexes every prospecting campaign meets (shared METHOD.md, "Sales conversations"): a key,
# the words the coach names it by, and the word families and paraphrases that say it.
_SEND = _words("send", "sending", "email", "mail", "forward", "give", "share", "pass", "drop")
_MATERIAL = _words(
    "information", "info", "details", "brochures?", "leaflets?", "flyers?", "decks?", "slides",
    "presentations?", "materials?", "literature", "documentation", "docs", "data ?sheets?",
    "one pager", "pdfs?", "catalogu?es?", "overview", "summary", "price ?lists?", "prices",
    "pricing", "references", "case stud(?:y|ies)", "something", "anything", "white ?papers?",
    "specs", "specifications", "examples?", "a proposal", "an offer", "a quote", "more")
_SUPPLIER = _words("suppliers?", "vendors?", "providers?", "partners?", "contracts?",
                   "competitors?", "someone", "somebody", "a company", "an agency", "a firm",
                   "people for")
_SOLUTION = _words("solutions?", "systems?", "tools?", "platforms?", "software", "setup",
                   "set up", "sensors", "process", "way", "provider", "supplier", "vendor")
_CLOSED_BUDGET = _words(
    "no", "not", "without", "zero", "none", "nothing", "spent", "gone", "used up", "allocated",
    "frozen", "freeze", "exhausted", "tight", "cut", "cuts", "closed", "locked", "fixed",
    "committed", "blown", "out", "empty", "limited", "finished", "done", "over")
_LATER = _words(
    "later", "next (?:week|month|quarter|year|spring|summer|autumn|fall|winter|season|budget)",
    r"in (?:a few|two|three|four|six|a couple of|\d+) (?:weeks|months)",
    "after (?:the |our |my )?(?:summer|holidays?|christmas|new year|easter|shutdown|audit|"
    "quarter|budget|project|launch|migration|merger|break|vacation|fair|trade fair|season)",
    "(?:in|until|till|before|around) (?:january|february|march|april|may|june|july|august|"
    "september|october|november|december|q[1-4]|the new year|spring|summer|autumn|the fall|"
    "winter)",
    "some other time", "another time", "down the (?:road|line)")
REFLEX_OBJECTIONS: tuple[tuple[str, str, str], ...] = (
    ("information", T_("send me some information"), "|".join((
        rf"{_SEND} (?:me |us |over |across |through )?{_GAP}{_MATERIAL}\b",
        r"send (?:it|that|them|this) (?:over|across|through|along)\b",
        rf"(?:do you have|have you got|is there) {_GAP}(?:brochure|leaflet|flyer|deck|"
        r"presentation|information|documentation|literature|white ?paper|data ?sheet|one pager)",
        r"(?:look|looked|have a look|check|read) (?:at |on )?(?:your|the) (?:website|site|web "
        r"site|homepage|brochure|linkedin)",
        r"(?:read|look) (?:up )?(?:it |this |that )?(?:up |about it |about you )?online",
        r"put (?:something|it|that|a few (?:lines|slides)) together"))),
    ("supplier", T_("we already have a supplier"), "|".join((
        r"already (?:use|using|used|work with|working with|buy from|buying from|deal with|"
        r"dealing with|partner with|partnered with|rely on|outsource|covered|invested|signed|"
        r"in place|sorted|taken care)",
        rf"already (?:have|has|got) {_GAP}(?:{_SUPPLIER}|{_SOLUTION}|one|something|that|this|"
        rf"it|them)\b",
        rf"(?:have|has|got|use|using|work with|working with) {_GAP_NO_TO}{_SUPPLIER}\b",
        rf"(?:work|working|partner|partnered|deal|dealing) with {_GAP}(?:already|for years|"
        rf"for ages|for a long time|for decades|since)\b",
        rf"(?:happy|satisfied|content|fine|pleased|comfortable|good|ok|okay) with (?:our |the |"
        rf"my |what |who |them|it|how )?{_GAP}(?:current|existing|present|{_SOLUTION}|we have|"
        rf"we use|we got|them|it|things)\b",
        r"(?:current|existing|incumbent|present|usual|preferred) (?:supplier|vendor|provider|"
        r"partner|solution|system|contract|setup|tool|platform)",
        r"(?:locked|tied) (?:in|into|to)\b|under contract|framework (?:agreement|contract)",
        r"(?:do|does|build|built|develop|developed|handle|handled|make|made|manage|run) "
        rf"{_GAP}(?:ourselves|in house|internally)\b",
        r"(?:have|has|got) (?:that|it|this|everything|all that) covered|we are (?:all )?covered|"
        r"all set|not looking for (?:a )?(?:new|another|other|different)",
        r"^(?:[a-z]+ )?we (?:use|are using|work with|are working with|buy from|get (?:it|that|"
        r"this|ours) from)\b|we are (?:all )?(?:good|fine|sorted)(?: thanks| thank you)?$"))),
    ("budget", T_("no budget"), "|".join((
        rf"budget(?:s|ed|ing)? {_GAP}{_CLOSED_BUDGET}\b",
        r"(?:budget(?:s|ed|ing)?|money|funds|funding) (?:[a-z0-9]+ ){0,6}?(?:spent|allocated|"
        r"frozen|exhausted|committed|used up|blown|gone|locked|cut)\b",
        rf"{_words('no', 'not', 'without', 'zero', 'nothing', 'out of', 'over', 'beyond')} "
        rf"{_GAP}budget",
        r"(?:can|could|would) not (?:afford|justify|pay)|unaffordable",
        r"no (?:money|funds|funding|spend|capex|opex|investment)\b|(?:money|cash) is tight",
        r"(?:spending|spend|cost|hiring|investment|capex) (?:freeze|cuts?|cutting|stop|"
        r"constraints?|pressure)|cut(?:ting)? (?:costs|spending|back)"))),
    ("timing", T_("not now"), "|".join((
        r"not (?:right )?now\b|not (?:a |the )?(?:good|right|great|best|ideal) (?:time|moment)",
        r"not this (?:year|quarter|month|week|season)|not (?:a |our |my |the )?(?:priority|focus)",
        r"(?:bad|busy|difficult|tough|wrong|hectic|crazy) (?:time|moment|period|quarter|month|"
        r"week|season)|(?:too|very|really|so|extremely) busy|swamped|snowed under|no time\b",
        r"(?:do|does|did) not have (?:the |any )?time|in the middle of|other priorities|"
        r"(?:bigger|more important|more urgent) (?:priorities|things|projects|fish)",
        r"timing (?:is|was) (?:not|wrong|bad|off)|(?:maybe|perhaps) (?:later|next|in|after)\b",
        rf"(?:call|ring|phone|contact|try|reach|get|come|talk|speak|revisit|check|circle|touch|"
        rf"follow|ask|email|write|catch) {_GAP}{_LATER}\b",
        r"(?:come|get) back to (?:me|us) (?:in|after|next|later)"))),
    ("email", T_("just send an e-mail"), "|".join((
        r"(?:email|mail|message|dm|inmail|text) (?:me|us|it|that|them)\b",
        r"(?:send|drop|shoot|write|fire|put) (?:me |us |it |that |this )?(?:in )?(?:a |an )?"
        r"(?:quick |short |brief |little )?(?:email|mail|line|note|message|dm|inmail)\b",
        r"(?:in|by|via|over|through|on) (?:an |a )?(?:email|mail|writing)\b|write (?:to )?me\b",
        r"to my (?:inbox|email|mail)|email (?:is|works) (?:best|better|fine|easier)"))),
)
REFLEX_LABELS: dict[str, str] = {key: label for key, label, _ in REFLEX_OBJECTIONS}
# each reflex also as German and French prospects say it (substance_languages.REFLEXES)
_REFLEX_REGEXES = tuple(
    (key, re.compile(rf"(?<![a-z0-9])(?:{'|'.join((pattern, *REFLEXES_ELSEWHERE[key]))})"))
    for key, _, pattern in REFLEX_OBJECTIONS)


@lru_cache(maxsize=4096)
def reflexes_in(says: str) -> frozenset[str]:
    """The reflex objections (keys of ``REFLEX_OBJECTIONS``) that what a client says amounts to:
    "We're happy with our current vendor" -> {"supplier"}; "Not now, email me" -> {"timing",
    "email"}."""
    words = words_of(says)
    return frozenset(key for key, regex in _REFLEX_REGEXES if regex.search(words))


# A question answered by yes or no opens with an auxiliary verb ("Are you happy with your
# supplier?"), unless it offers alternatives ("Is it the press line or the extruders ...?") or is
# a polite way to ask for a story ("Could you walk me through ...?"). A clause that sets the
# scene ("If the pilot works, ...", "In your plant, ...") is read past to the question itself.
_AUXILIARIES = frozenset({"am", "is", "are", "was", "were", "do", "does", "did", "can", "could",
                          "would", "will", "have", "has", "had", "should", "shall", "may",
                          "might", "must"})
_INTERROGATIVES = frozenset({"what", "how", "which", "who", "whom", "whose", "why", "where",
                             "when"})
_INVITATIONS = frozenset({"tell", "walk", "describe", "explain", "talk", "take", "share", "help",
                          "list", "outline", "paint", "give", "mind", "elaborate", "expand",
                          "think", "imagine", "picture"})
# "Do you think it would help?" and "Can you imagine ...?" are answered yes or no: these
# invitations open a question only when they start it ("Think of the last stop: ...").
_YES_NO_VERBS = frozenset({"think", "imagine", "picture", "mind"})
_OPENERS = frozenset({"and", "so", "but", "then", "now", "ok", "okay", "well", "also", "just",
                      "plus", "or", "finally", "first", "second", "next", "lastly", "today"})
_SCENE_SETTERS = frozenset({"if", "when", "where", "once", "after", "before", "since", "while",
                            "as", "given", "with", "for", "in", "on", "at", "during", "besides",
                            "thinking", "looking", "compared", "out", "of", "from", "over",
                            "across", "between", "by", "apart", "assuming", "suppose",
                            "supposing", "say", "imagine", "today", "this", "last", "next",
                            "beyond", "about", "regarding", "unless", "whenever", "because"})
_PRONOUNS = frozenset({"you", "it", "they", "we", "he", "she", "there", "i", "that", "this"})
_NOT_ALTERNATIVES = frozenset({"not", "no", "anything", "something", "so", "otherwise", "else",
                               "any", "nothing", "none"})
_SENTENCE = re.compile(r"[^.!?…]*[.!?…]*")
_CLAUSE = re.compile(r"[,;:()—–\"“”«»]|\s-\s")


@lru_cache(maxsize=1024)
def _question_sentences(text: str) -> tuple[str, ...]:
    """The sentences of ``text`` that end with a question mark (all of them if none does)."""
    sentences = [s for s in _SENTENCE.findall(speech(text)) if s.strip()]
    asked = tuple(s for s in sentences if s.rstrip().endswith("?"))
    return asked or tuple(sentences)


def _is_tag(clause: list[str]) -> bool:
    """", don't you?", ", isn't it?", ", right?"."""
    if len(clause) == 1:
        return clause[0] in {"right", "correct", "true", "yes", "no", "ok", "okay", "yeah"}
    if not 2 <= len(clause) <= 3 or clause[0] not in _AUXILIARIES:
        return False
    return clause[-1] in _PRONOUNS and (len(clause) == 2 or clause[1] == "not")


def _offers_alternatives(words: list[str]) -> bool:
    return any(w == "or" and (i + 1 == len(words) or words[i + 1] not in _NOT_ALTERNATIVES)
               for i, w in enumerate(words) if i > 0)


def _closed_sentence(sentence: str) -> bool | None:
    """True when the sentence asks for a yes or a no, False when it is open, None if unsure."""
    clauses = [_TOKEN.findall(c) for c in _CLAUSE.split(sentence)]
    clauses = [c for c in clauses if c]
    if len(clauses) > 1 and _is_tag(clauses[-1]):
        return True
    tentative: bool | None = None
    for index, clause in enumerate(clauses):
        while clause and clause[0] in _OPENERS and len(clause) > 1:
            clause = clause[1:]
        first = clause[0]
        last_clause = index == len(clauses) - 1
        if first in _SCENE_SETTERS and not last_clause:
            if first in _INTERROGATIVES and tentative is None:
                tentative = False
            continue
        if first in _INTERROGATIVES or first in _INVITATIONS:
            return False
        if first in _AUXILIARIES:
            if (len(clause) > 2 and clause[1] == "you" and clause[2] in _INVITATIONS
                    and clause[2] not in _YES_NO_VERBS):
                return False  # "Could you walk me through ...?"
            rest = [w for c in clauses[index:] for w in c]
            return not (_offers_alternatives(rest) or _opens_later(clauses[index + 1:]))
    return tentative


def _opens_later(clauses: list[list[str]]) -> bool:
    """A later clause asks an open question: "Do you track stops, and if so, how?"."""
    for clause in clauses:
        words = [w for w in clause if w not in _OPENERS]
        if words and words[0] in _INTERROGATIVES:
            return True
    return False


@cached_per_language
def is_closed_question(text: str) -> bool:
    """Whether a discovery question can be answered by yes or no (every question it asks can),
    read in the language it is written in."""
    language = detect(text)
    if language in questions_languages.INTERROGATIVES:
        verdicts = [questions_languages.closed_sentence(
            [c for c in (_TOKEN.findall(part) for part in _CLAUSE.split(s)) if c], language)
            for s in _question_sentences(text)]
        return bool(verdicts) and all(v is True for v in verdicts)
    verdicts = [_closed_sentence(s) for s in _question_sentences(text)]
    return bool(verdicts) and all(v is True for v in verdicts)


def asks_a_question(text: str) -> bool:
    """Whether a talk track asks the client anything: a question mark, or "tell me", "walk me
    through", "help me understand"."""
    if "?" in text or "？" in text or "¿" in text:
        return True
    return bool(_INVITATION_PHRASE.search(words_of(text)))


_INVITATION_PHRASE = re.compile(
    r"(?<![a-z0-9])(?:tell me|walk me through|talk me through|take me through|help me "
    r"understand|i am curious|i would love to (?:know|hear|understand)|"
    + "|".join(questions_languages.INVITATIONS_TO_TELL) + r")\b")

# A question about us: our product, our company, a demo, "us" as the object.
_OUR_THINGS = _words(
    "products?", "platforms?", "solutions?", "software", "demos?", "offer", "offering",
    "services?", "tools?", "technology", "company", "firm", "team", "features?", "apps?",
    "systems?", "brand", "pricing", "prices?", "proposal", "approach", "gateway", "website",
    "brochures?", "case stud(?:y|ies)", "clients", "customers", "references", "results",
    "capabilities", "newsletter", "webinar", "whitepaper", "white paper", "partnership", "name",
    "modules?", "packages?", "editions?", "licen[cs]es?", "add ons?", "integrations?", "roadmap",
    "pilot", "trial", "free trial", "consultants", "engineers", "experts", "contract", "terms",
    "presentations?", "keynote", "booth", "stand", "emails?", "letter")
_LEAD = r"^(?:(?:and|so|now|ok|okay|well|then|but|just) )?"  # the start of the question
_ABOUT_US = re.compile("|".join((
    rf"(?<![a-z0-9])our (?:[a-z0-9]+ ){{0,2}}?{_OUR_THINGS}\b", r"(?<![a-z0-9])ours\b",
    r"(?<![a-z0-9])(?:of|about|with|from|for|to|choose|chose|chosen|choosing|consider|"
    r"considered|know|knew|meet|see|try|tried|hire|hired|use|used|using|buy|bought|pick|trust|"
    r"recommend|join|call|contact|hear|heard) us\b",
    r"(?<![a-z0-9])(?:demo|demos|demonstration|sales pitch|product tour)\b",
    rf"{_LEAD}(?:would|are|will|is|might) (?:you|your team) (?:be )?(?:interested|open) "
    r"(?:in|to)\b",
    rf"{_LEAD}(?:would|do) you (?:like|want) (?:to )?(?:see|hear|learn|know|try|get|"
    r"receive|have|take|book|schedule)\b",
    rf"{_LEAD}(?:can|could|may|shall) (?:i|we) (?:show|present|send|tell|demo|walk)\b",
    # how well they know us, or what a company named does ("How familiar are you with what
    # Brightline does for regional banks?")
    r"(?<![a-z0-9])(?:familiar|acquainted) (?:[a-z0-9]+ ){0,3}?with (?:us\b|our\b|what we |"
    r"what (?!(?:you|your|they|their|it|he|she)\b)[a-z0-9]+ (?:does|offers|sells|provides|"
    r"makes)\b)")))
_LEGAL_FORMS = frozenset({"gmbh", "ag", "inc", "ltd", "llc", "plc", "sa", "sas", "sarl", "bv",
                          "nv", "srl", "spa", "ab", "as", "oy", "co", "corp", "corporation",
                          "limited", "kg", "se", "the", "group", "holding"})
_COMMON_WORDS = frozenset({"global", "general", "united", "international", "national", "first",
                           "best", "smart", "digital", "data", "tech", "solutions", "systems",
                           "consulting", "services", "industrial", "software", "analytics",
                           "partners", "advanced", "prime", "new", "north", "south", "east",
                           "west", "central", "euro", "european", "american", "applied",
                           "total", "integrated", "modern", "future", "precision", "quality"})


def company_names(company: str) -> tuple[str, ...]:
    """How a question may name the seller: "Northwind Analytics GmbH" -> ("northwind
    analytics", "northwind")."""
    words = [w for w in words_of(company).split() if w not in _LEGAL_FORMS]
    if not words:
        return ()
    names = [" ".join(words)]
    if len(words) > 1 and len(words[0]) >= 4 and words[0] not in _COMMON_WORDS:
        names.append(words[0])
    return tuple(names)


def about_us(text: str, company: str = "") -> str | None:
    """What makes a discovery question about us rather than the client (the words as folded),
    or None: "Would you like to see our platform?" -> "our platform"."""
    language = detect(text)
    for sentence in _question_sentences(text):
        words = " ".join(_TOKEN.findall(sentence))
        found = _ABOUT_US.search(words)
        if found:
            return found.group(0)
        if language in questions_languages.INTERROGATIVES:
            ours = questions_languages.about_us(words, language)
            if ours:
                return ours
        padded = f" {words} "
        for name in company_names(company):
            if f" {name} " in padded:
                return name
    return None


# A response that argues: it opens by contradicting the client.
_ARGUES = re.compile(
    r"^(?:but|actually|well actually|that is (?:simply |quite |really |entirely |just )?not "
    r"(?:quite |really |entirely |exactly |strictly )?(?:true|right|correct|the case|so|"
    r"accurate|how it works)|that is (?:wrong|incorrect)|you are (?:wrong|mistaken)|"
    r"i (?:would |must )?"
    r"disagree|i do not agree|on the contrary|not (?:true|really|at all|necessarily|quite)|"
    r"with (?:all )?(?:due )?"
    r"respect|respectfully|yes but|yeah but|sure but|true but)\b")
_SELF = frozenset({"we", "our", "ours", "us", "ourselves"})
_CLIENT = frozenset({"you", "your", "yours", "yourself", "yourselves"})
_OPENING_CHARS = 200


# An acknowledgement that turns into a claim about us ("I understand, but our platform ..."), and
# the ways a rep tells a client they are wrong, anywhere in the opening.
_ACKNOWLEDGED = _words("i understand", "i hear you", "i see", "i get it", "i get that", "sure",
                       "ok", "okay", "understood", "fair enough", "i know", "i appreciate that",
                       "got it", "absolutely", "of course", "yes", "yeah", "right", "great")
_BUT_WE = re.compile(rf"^(?:{_ACKNOWLEDGED} )?(?:but|however|though|yet) {_GAP}(?:our|we|us)\b")
_TELLS_WRONG = re.compile(
    r"(?<![a-z0-9])(?:we are (?:different|better|unique|not like)|(?:that|this) is exactly why "
    r"you need|why you need us|you (?:would|will) be surprised|you will change your mind|(?:is|was"
    r"|are) never the (?:real )?(?:issue|problem|reason)|you are (?:wrong|mistaken)|that is a "
    r"myth|trust me|believe me|you do not (?:understand|realise|realize|see)|you are missing "
    r"(?:out|the point)|you are (?:underestimating|overestimating|leaving (?:money|value))|"
    r"(?:that|this) is what (?:every|all|most) (?:[a-z]+ )?(?:says?|said)|"
    # running down the client's supplier, or suppliers in general
    r"(?:most|many|other|the other|traditional|legacy|the big|your (?:current|existing)) "
    r"(?:[a-z]+ )?(?:suppliers?|vendors?|providers?|agencies|competitors|incumbents?) "
    r"(?:[a-z0-9]+ ){0,4}?(?:still|only|just|barely|settle|stuck|outdated|behind|overcharge)|"
    # the other vendor, run down ("you will never be happy with the other vendor, their support
    # is notoriously poor")
    r"you (?:will|would) (?:never|not) be (?:happy|satisfied) with (?:the other|your current|"
    r"that|them|their)|their (?:[a-z]+ )?(?:support|service|software|quality|product|technology|"
    r"platform) (?:is|are) (?:[a-z0-9]+ ){0,3}?(?:poor|bad|terrible|outdated|awful|slow|"
    r"unreliable|notoriously)|"
    # their contentment put down to not knowing better ("most are only happy because …")
    r"only (?:happy|satisfied|content) because|(?:do not|never) know what (?:you are|they are) "
    r"missing|"
    # claiming to be the best or better, with nothing asked ("we are 12% cheaper")
    r"we are (?:(?!not )[a-z0-9]+ ){0,3}?(?:the )?(?:cheapest|best|fastest|better|cheaper|"
    r"faster)|"
    r"until (?:they|you) see|(?:but|however|though|yet) (?:[a-z0-9]+ ){0,3}?(?:our|we) "
    r"(?:[a-z0-9]+ ){0,4}?(?:different|better|more|unique|faster|cheaper|best|only|superior|"
    r"advanced|proven|leading))\b")


# A response written after the objection it answers ("Objection: “We have a supplier.” –
# Response: “…”", "Einwand: … – Antwort: …", "Objection : … – Réponse : …"): the client's words
# are not the rep's, so only what follows the label is read. Bounded: linear in the text.
_QUOTED_OBJECTION = re.compile(
    r"^\s*(?:objection|client(?:'s)? objection|einwand|kundeneinwand|objection du client)\s*:"
    r"[^\n]{0,400}?(?:response|answer|reply|antwort|r[ée]ponse)\s*:\s*", re.IGNORECASE)


def response_itself(response: str) -> str:
    """What the rep says in a response that quotes the objection first ("Einwand: „Zu teuer.“ –
    Antwort: „Verstehe …“" -> "„Verstehe …“"); the whole text otherwise."""
    found = _QUOTED_OBJECTION.match(response)
    return response[found.end():] if found else response


def argues_first(response: str) -> str | None:
    """The words a response opens with when they contradict the client ("Actually, ...",
    "I understand, but our ...", "You'd be surprised"), as written in the folded text, or None."""
    opening = words_of(response[:_OPENING_CHARS])
    found = (_ARGUES.search(opening) or _BUT_WE.search(opening) or _TELLS_WRONG.search(opening)
             or _ARGUES_ELSEWHERE.search(opening))
    return found.group(0) if found else None


_ARGUES_ELSEWHERE = re.compile("|".join((*questions_languages.ARGUES,
                                          *questions_languages.TELLS_WRONG)))


# A list of our features: "Our solution includes dashboards, alerts, apps and ...".
_OUR_OFFER = re.compile(
    r"(?<![a-z0-9])(?:(?:our|the|this|my) (?:[a-z0-9]+ ){0,2}?(?:solution|platform|product|"
    r"software|system|tool|app|service|offering|package|suite|price|subscription|licen[cs]e|"
    r"fee)s? (?:includes?|offers?|provides?|"
    r"has|comes with|features|gives you|does|supports|covers)|we (?:offer|provide|include|have|"
    r"support|deliver|cover)|" + "|".join(questions_languages.OUR_OFFER) + r")\b")
_LIST_ITEMS = 3
_DIGIT_MARKS = re.compile(r"(?<=[0-9])[.,](?=[0-9])")  # "99.9%", "5,000": not a list or a stop


def lists_features(response: str) -> str | None:
    """The words that open a list of our features in a response ("our solution includes"), when
    a sentence lists at least three things we offer, or None."""
    for sentence in _SENTENCE.findall(_DIGIT_MARKS.sub("", speech(response))):
        found = _OUR_OFFER.search(" ".join(_TOKEN.findall(sentence)))
        joined = sum(sentence.count(word) for word in (" and ", *questions_languages.LIST_AND))
        if found and sentence.count(",") + joined + 1 >= _LIST_ITEMS:
            return found.group(0)
    return None


def invites_to_tell(text: str) -> bool:
    """Whether a talk track invites the client to tell: "tell me", "walk me through"."""
    return bool(_INVITATION_PHRASE.search(words_of(text)))


def mentions(response: str, company: str = "") -> tuple[int, int]:
    """``(us, client)``: how often a talk track speaks of us (we, our, us, our company's name)
    and of the client (you, your)."""
    words = words_of(response).split()
    us = sum(1 for w in words if w in _SELF or w in questions_languages.US)
    client = sum(1 for w in words if w in _CLIENT or w in questions_languages.CLIENT)
    names = company_names(company)
    if names:
        padded = " " + " ".join(words) + " "
        us += padded.count(f" {names[-1]} ")
    return us, client
