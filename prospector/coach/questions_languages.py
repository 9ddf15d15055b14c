"""Discovery questions in German and French: answered by yes or no, or about us?

German and French ask a yes-or-no question by putting the verb first ("Sind Sie zufrieden?",
"Nutzen Sie …?", "Êtes-vous satisfait ?", "Y a-t-il …?") or, in French, with "est-ce que"; an open
question starts with a question word ("Wie …", "Welche …", "Comment …", "Qu'est-ce qui …") or
invites a story ("Erzählen Sie …", "Pouvez-vous me décrire …"). As in English, a clause that sets
the scene ("Wenn die Linie steht, …", "Quand la ligne s'arrête, …") is read past, and a question
that offers alternatives ("… oder …", "… ou …") is open. The words are folded (``text.words_of``:
"Êtes" is ``etes``). Written with the labelled sets ``tests/data/coach_labelled_texts_{de,fr}.json``
in view (see docs/coach-rules.md).
"""

from __future__ import annotations

import re

INTERROGATIVES = {
    "de": frozenset("was wie welche welcher welches welchen welchem wer wen wem wessen warum "
                    "weshalb wieso wo wann woran womit wodurch wofur wovon woruber wohin woher "
                    "wieviel wieviele inwiefern inwieweit".split()),
    "fr": frozenset("que qu quoi comment quel quelle quels quelles lequel laquelle lesquels "
                    "lesquelles qui pourquoi ou quand combien".split()),
}
INVITATIONS = {
    "de": frozenset("erzahlen erzahle beschreiben schildern erklaren erlautern skizzieren "
                    "zeigen nennen berichten".split()),
    "fr": frozenset("racontez raconter decrivez decrire expliquez expliquer parlez parler "
                    "detaillez detailler dites dire montrez montrer".split()),
}
OPENERS = {
    "de": frozenset("und also aber jetzt nun dann ok gut noch".split()),
    "fr": frozenset("et alors donc mais bon ok puis enfin".split()),
}
SCENE_SETTERS = {
    "de": frozenset("wenn falls bei beim im in nach seit angenommen sobald als wahrend fur mit "
                    "vor ausser abgesehen bezogen heute bezuglich hinsichtlich angesichts "
                    "verglichen weil da".split()),
    "fr": frozenset("si lorsque lors dans en pour chez apres depuis avec pendant avant quand "
                    "selon aujourd concernant vu compare comme parce".split()),
}
# The word after a verb put first ("Nutzen Sie", "Gibt es", "Êtes-vous", "Puis-je").
SUBJECTS = {
    "de": frozenset("sie es ihr ihre ihnen man wir er die der das den dem ich sich du".split()),
    "fr": frozenset("vous il elle ils elles on t nous je".split()),
}
# Verbs that put first make a yes-or-no question whatever follows ("Ist Ausschuss ein Thema?").
AUXILIARIES = {
    "de": frozenset("ist sind hat haben hatten hatte gibt gab war waren ware wird werden kann "
                    "konnen konnte konnten wurde wurden sollte sollten muss mussen darf durfen "
                    "mochte mochten bist seid hast habt kannst willst will wollen soll "
                    "sollen".split()),
    "fr": frozenset(),
}
ALTERNATIVE = {"de": "oder", "fr": "ou"}
# as the English tags (", right?", ", correct?", ", yes?", ", okay?")
TAGS = {"de": (("oder",), ("nicht", "wahr"), ("richtig",), ("stimmt",), ("oder", "nicht"),
               ("nicht",), ("ja",), ("korrekt",), ("ok",), ("okay",), ("gell",)),
        "fr": (("n", "est", "ce", "pas"), ("non",), ("pas", "vrai"), ("c", "est", "ca"),
               ("oui",), ("vrai",), ("correct",), ("exact",), ("d", "accord"), ("ok",))}
# French object pronouns before a verb put first ("En avez-vous parlé ?", "S'agit-il …?").
_CLITICS = frozenset("en y s se l le la les lui leur m me t te".split())


def closed_sentence(clauses: list[list[str]], language: str) -> bool | None:
    """True when a German or French question asks for a yes or a no, False when it is open, None
    if unsure; ``clauses``: its clauses' folded words."""
    if len(clauses) > 1 and tuple(clauses[-1]) in TAGS[language]:
        return True
    for index, clause in enumerate(clauses):
        while len(clause) > 1 and clause[0] in OPENERS[language]:
            clause = clause[1:]
        first = clause[0]
        last_clause = index == len(clauses) - 1
        if first in SCENE_SETTERS[language] and not last_clause:
            continue
        if first in INTERROGATIVES[language] or first in INVITATIONS[language]:
            return False
        if language == "fr" and last_clause and _closed_without_inversion(clauses[index:]):
            return True
        if _verb_first(clause, language):
            rest = [w for c in clauses[index:] for w in c]
            if any(w in INVITATIONS[language] for w in clause[1:]):
                return False  # "Können Sie mir beschreiben, …?", "Pouvez-vous me décrire …?"
            return not (_offers_alternatives(rest, language)
                        or any(c and c[0] in INTERROGATIVES[language]
                               for c in clauses[index + 1:]))
        return None
    return None


# A French yes-or-no question without a verb put first: the subject first and the voice rising
# ("Vous travaillez toujours avec le même transporteur ?"), or a noun and the pronoun after its
# verb ("Vos équipes ont-elles le temps ?", "Un délai plus court serait-il important ?").
_SPOKEN_SUBJECTS = frozenset("vous on".split())
_INVERTED = frozenset("il elle ils elles".split())
_NOT_A_VERB = frozenset("qu que s si et ou mais car donc comme dont lorsqu puisqu quand".split())


def _closed_without_inversion(clauses: list[list[str]]) -> bool:
    words = [w for c in clauses for w in c]
    if (any(w in INTERROGATIVES["fr"] or w in INVITATIONS["fr"] for w in words)
            or _offers_alternatives(words, "fr") or len(words) < 3):
        return False
    if words[0] in _SPOKEN_SUBJECTS and words[1] not in SUBJECTS["fr"]:
        return True
    return any(w in _INVERTED and words[i - 1] not in _NOT_A_VERB
               for i, w in enumerate(words[2:], start=2))


def _verb_first(clause: list[str], language: str) -> bool:
    if language == "fr" and (clause[:2] == ["est", "ce"] or clause[:2] == ["y", "a"]):
        return True
    if language == "fr" and len(clause) > 2 and clause[0] in _CLITICS:
        rest = clause[1:]
        if rest[0] in _CLITICS and len(rest) > 2:  # "vous en servez-vous", "s'y"
            rest = rest[1:]
        return rest[1] in SUBJECTS[language]
    return clause[0] in AUXILIARIES[language] or (len(clause) > 1
                                                  and clause[1] in SUBJECTS[language])


def _offers_alternatives(words: list[str], language: str) -> bool:
    word = ALTERNATIVE[language]
    return any(w == word for w in words[1:-1])


_G = "(?:[a-z0-9]+ ){0,3}?"
# What a company named does, the verb last ("was Kestrel für Kliniken macht"); not what the
# client's people do ("was die Leitstelle nachts macht", "was Ihr Team macht").
_NAMED = (r"(?!(?:sie|ihr|ihre|ihrem|die|der|das|man|er|es|wir|jeder|jede)\b)[a-z0-9]+ "
          r"(?:[a-z0-9]+ ){0,3}?(?:macht|anbietet|tut|leistet)\b")
_ABOUT_US = {
    "de": re.compile("(?<![a-z0-9])(?:" + "|".join((
        r"(?:unser|unsere|unseren|unserem|unserer|unseres) (?:[a-z0-9]+ ){0,2}?(?:produkt\w*|"
        r"plattform\w*|losung\w*|software|angebot\w*|leistung\w*|dienstleistung\w*|unternehmen|"
        r"firma|team|referenz\w*|system\w*|app|technologie|ansatz|preis\w*|konditionen|demo|"
        r"service|tool\w*|werkzeug\w*|modul\w*|neuheit\w*|version|katalog|sortiment|"
        r"prasentation\w*|vortrag|messestand|stand|webinar|newsletter|website|webseite|"
        r"broschure|mail|nachricht)",
        # how well they know what a company does ("Wie vertraut sind Sie mit dem, was X macht?")
        rf"vertraut (?:mit |sind sie mit )?(?:dem )?(?:was {_NAMED}|uns\b|unser\w*)",
        rf"(?:kennen|kannten) sie (?:schon |bereits )?(?:das angebot von|was {_NAMED})",
        # a compound naming what we sell ("unserem Kassensystem", "unsere Softwarelösung")
        r"(?:unser|unsere|unseren|unserem|unserer|unseres) [a-z]+(?:system|systeme|systems|"
        r"losung|losungen|software|plattform|produkt|produkte|angebot|app|tool|modul)",
        r"(?:lust|zeit) (?:auf|fur) (?:eine|ein|einen) (?:[a-z0-9]+ ){0,1}?(?:demo|vorfuhrung|"
        r"prasentation|produktvorstellung)",
        r"(?:interesse|interessiert) (?:an|daran)",
        rf"(?:mochten|wollen|wurden) sie {_G}(?:sehen|kennenlernen|testen|ausprobieren|erfahren)",
        rf"(?:darf|kann|konnte|durfte) ich ihnen {_G}(?:zeigen|vorstellen|prasentieren|"
        r"schicken|senden)", r"kennen sie (?:schon )?(?:uns|unser\w*)",
        r"(?:von|uber|mit) uns")) + r")(?![a-z0-9])"),
    "fr": re.compile("(?<![a-z0-9])(?:" + "|".join((
        r"(?:notre|nos) (?:[a-z0-9]+ ){0,2}?(?:produits?|plateformes?|solutions?|logiciels?|"
        r"offres?|services?|entreprise|societe|equipe|references|systemes?|applications?|"
        r"technologie|approche|tarifs?|demo|outils?|modules?|nouveautes?|version|gamme|"
        r"catalogue|presentation|intervention|stand|conference|webinaire|newsletter|site|"
        r"plaquette|brochure|mail|courriel|proposition|devis)",
        # how well they know what a company does ("Connaissez-vous ce que fait X ?")
        r"(?:connaissez vous|connaissiez vous) (?:deja |bien )?(?:ce que (?:fait|propose|offre) "
        r"(?!(?:votre|vos|leur|leurs|le|la|les|l|un|une|ce|cette)\b)[a-z0-9]+|l offre de|"
        r"les (?:solutions|services) de)",
        r"envie de (?:voir|decouvrir|tester|essayer)",
        r"interesse(?:e|s|es)? par",
        rf"(?:aimeriez|voudriez|souhaiteriez|souhaitez|voulez) vous {_G}(?:voir|decouvrir|"
        r"tester|essayer|recevoir|connaitre)",
        rf"(?:puis|pourrais|peux) je vous {_G}(?:presenter|montrer|envoyer|faire)",
        r"connaissez vous (?:deja )?(?:nous|notre|nos)", r"(?:de|sur|avec|chez) nous")) +
        r")(?![a-z0-9])"),
}


def about_us(words: str, language: str) -> str | None:
    """What makes a German or French question about us ("unsere Plattform", "notre offre"), in
    its folded words, or None."""
    found = _ABOUT_US[language].search(words)
    return found.group(0) if found else None


# --- objection responses: arguing, pitching, asking -------------------------------------------
# A response that opens by contradicting the client, or turns an acknowledgement into a claim
# about us ("Ich verstehe, aber unsere …", "Je comprends, mais notre …").
ARGUES = (
    r"^(?:aber|eigentlich|das stimmt (?:so )?(?:(?:eigentlich|leider|aber|gar) )?nicht(?: ganz| "
    r"wirklich| unbedingt)?|das ist (?:so )?(?:(?:eigentlich|leider|aber|gar) )?nicht "
    r"(?:(?:ganz|wirklich|unbedingt|so) )?(?:richtig|korrekt|der fall|wahr|so)|nicht (?:wirklich|"
    r"unbedingt|ganz)|da (?:muss|mochte) ich (?:ihnen )?widersprechen|sie irren "
    r"sich|im gegenteil|ja aber|schon aber|stimmt aber|das sehe ich (?:etwas |ganz )?anders|"
    r"nicht ganz richtig)\b",
    r"^(?:(?:ich )?(?:verstehe|verstehe ich|klar|sicher|gut|ok|okay|richtig)(?: sie)? )?"
    r"(?:aber|jedoch|doch) (?:[a-z0-9]+ ){0,3}?(?:unser\w*|wir|uns)\b",
    r"^(?:mais|en fait|ce n est pas (?:(?:tout a fait|vraiment|forcement|exactement|du tout|"
    r"si|tout) )?(?:vrai|exact|le cas|juste|correct|si simple|ainsi)|pas (?:vraiment|du tout|"
    r"forcement|tout a fait)|c est faux|vous "
    r"vous trompez|au contraire|oui mais|detrompez vous|je ne suis pas (?:tout a fait |du tout )?"
    r"d accord|permettez moi de (?:vous )?contredire)\b",
    r"^(?:(?:je )?(?:comprends|vois|entends)(?: bien)? )?(?:mais|pourtant|cependant) "
    r"(?:[a-z0-9]+ ){0,3}?(?:notre|nos|nous)\b",
)
# Our offer, opening a list of features ("Unsere Software bietet …", "Notre logiciel propose …").
OUR_OFFER = (
    r"(?:unser\w*|die|diese|das) (?:[a-z0-9]+ ){0,2}?(?:losung|plattform|software|system|app|"
    r"produkt|tool|angebot|paket|preis|abo|abonnement|lizenz|tarif)\w* (?:bietet|umfasst|"
    r"beinhaltet|enthalt|hat|liefert|unterstutzt|kann)|wir (?:bieten|liefern|haben)",
    r"(?:notre|la|cette|le|ce) (?:[a-z0-9]+ ){0,2}?(?:solution|plateforme|logiciel|systeme|"
    r"application|produit|outil|offre|tarif|prix|abonnement|forfait|licence|pack)s? "
    r"(?:comprend|offre|propose|inclut|integre|a|fournit|permet)|nous (?:proposons|offrons|"
    r"fournissons|avons)",
)
# Running down the client's supplier, or suppliers in general ("die meisten Lieferanten arbeiten
# noch mit veralteter Technik", "la plupart des prestataires en place se contentent du minimum"):
# the client chose one, so it tells them they chose wrong.
_DISPARAGED = {
    "de": r"(?:die meisten|viele|andere|herkommliche|klassische|die grossen|die ublichen|"
          r"ihr (?:jetziger|aktueller|bisheriger)|ihre (?:jetzigen|aktuellen|bisherigen)) "
          r"(?:[a-z]+ )?(?:lieferanten?|anbieter[ns]?|dienstleister[ns]?|wettbewerber[ns]?|"
          r"konkurrenten|mitbewerber[ns]?|agenturen|konzerne|systeme|losungen) (?:[a-z0-9]+ ){0,5}?"
          r"(?:noch|nur|veraltet\w*|alt\w* technik|begnugen|minimum|notigste|hinterher|"
          r"langsam\w*|uberteuert\w*)"
          # the other vendor, run down by name of its kind ("Mit dem anderen Anbieter werden Sie
          # nicht glücklich, deren Support ist bekannt schlecht")
          r"|(?:mit|bei) (?:dem|ihrem|diesem|einem|den) (?:[a-z]+ )?(?:anbieter[ns]?|lieferanten?|"
          r"dienstleister[ns]?|wettbewerber[ns]?|partner[ns]?|system) (?:werden|sind|bleiben|waren|"
          r"wurden) sie (?:[a-z0-9]+ ){0,3}?nicht (?:glucklich|zufrieden|froh)"
          r"|(?:deren|dessen) (?:[a-z]+ )?(?:support|service|kundendienst|software|qualitat|"
          r"technik|produkt|system|losung) (?:ist|sind|war|gilt) (?:[a-z0-9]+ ){0,4}?(?:schlecht|"
          r"veraltet|langsam|mangelhaft|katastrophal|unzuverlassig|miserabel)",
    "fr": r"(?:la plupart des|beaucoup de|de nombreux|nombre de|les autres|les grands|les gros|"
          r"vos|votre) (?:[a-z]+ )?(?:prestataires?|fournisseurs?|concurrents?|agences|"
          r"editeurs|groupes|integrateurs|solutions) (?:(?:en place|actuels?|historiques|"
          r"traditionnels|classiques) )?(?:[a-z0-9]+ ){0,4}?(?:se contentent?|encore|toujours|"
          r"ne font que|obsoletes?|depasses?|minimum|a la traine|en retard|trop cher)"
          r"|(?:avec|chez) (?:l autre|votre|ce|cet|leur) (?:[a-z]+ )?(?:prestataire|fournisseur|"
          r"editeur|concurrent|integrateur|partenaire) (?:[a-z0-9]+ ){0,3}?(?:ne serez|ne sera|ne "
          r"seriez) (?:jamais |pas )?(?:satisfaits?|contents?|heureux)"
          r"|leurs? (?:[a-z]+ )?(?:support|service|sav|logiciel|qualite|technologie|produit|"
          r"solution) (?:est|sont|reste) (?:[a-z0-9]+ ){0,4}?(?:mauvais|mediocre|catastrophique|"
          r"obsolete|depasse|lent|defaillant|decevant)",
}
# The ways a rep tells a client they are wrong, anywhere in the opening (the English "you'd be
# surprised", "that's exactly why you need us", "that's what everyone says", "until they see").
TELLS_WRONG = (
    r"(?<![a-z0-9])(?:sie (?:werden|wurden|waren) (?:[a-z]+ )?(?:uberrascht|staunen)|"
    r"(?:genau|gerade) (?:deshalb|deswegen|darum|dann|da) (?:brauchen|sollten|mussen)|"
    r"wir sind (?:anders|besser|einzigartig|nicht wie)|das ist ein (?:mythos|irrtum)|"
    r"glauben sie mir|vertrauen sie mir|sie unterschatzen|" + _DISPARAGED["de"] + "|"
    # their contentment put down to not knowing better, and our superiority claimed
    r"(?:nur|bloss) (?:zufrieden|glucklich) weil|weil (?:ihnen|sie|euch) (?:der vergleich|die "
    r"alternative|der uberblick) fehlt|(?:wir sind|sind wir) (?:(?!nicht |kein)[a-z0-9]+ ){0,4}?"
    r"(?:die |der |das )?(?:gunstigste|beste|schnellste|billigste|besser|gunstiger|schneller|"
    r"billiger)\w*|"
    r"(?:wir haben|haben wir) (?:[a-z0-9]+ ){0,2}?(?:den |die |das )?(?:deutlich |viel |klar )?"
    r"(?:bessere|besten|schnellere)\w*|"
    r"(?:das|so etwas|so was) (?:sagen|"
    r"dachten|denken) (?:viele|alle|die meisten)|bis sie (?:[a-z0-9]+ ){0,3}?(?:sehen|gesehen|"
    r"kennen|ausprobiert))\b",
    r"(?<![a-z0-9])(?:vous (?:seriez|allez etre|serez) (?:[a-z]+ )?surpris|^justement\b|"
    r"c est (?:justement|precisement|exactement) (?:pour (?:ca|cela)|la raison|pourquoi)|"
    r"nous sommes (?:differents|meilleurs|uniques)|c est un mythe|croyez moi|"
    r"faites moi confiance|" + _DISPARAGED["fr"] + "|"
    # their contentment put down to not knowing better, and our superiority claimed
    r"ne sont (?:[a-z0-9]+ ){0,2}?(?:satisfaits?|contents?) que parce|n (?:ont|avez) (?:jamais|"
    r"pas) compare|(?:nous sommes|sommes nous) (?:(?!pas )[a-z0-9]+ ){0,4}?(?:les moins chers|"
    r"le moins cher|la moins chere|les meilleurs|le meilleur|la meilleure|les plus rapides|"
    r"plus rapides|moins chers?)|"
    r"vous sous estimez|c est ce que (?:tout le monde|tous|beaucoup|la plupart) (?:dit|disent|"
    r"pensent)|(?:tout le monde|beaucoup) (?:dit|disent|pensent) (?:ca|cela)|jusqu a ce qu "
    r"(?:ils|elles|vous) (?:[a-z0-9]+ ){0,3}?(?:voient|voyiez|essaient|testent))\b",
)
LIST_AND = (" und ", " et ")  # besides commas, what joins a list
# What invites the client to tell, without a question mark.
INVITATIONS_TO_TELL = (
    r"(?:erzahlen|beschreiben|schildern|erklaren) sie (?:mir|uns)", r"mich wurde interessieren",
    r"ich bin neugierig", r"(?:racontez|decrivez|dites|expliquez) (?:moi|nous)",
    r"je suis curieux", r"j aimerais (?:comprendre|savoir)",
)
# Who a response speaks of: us, or the client.
US = frozenset("wir uns unser unsere unseren unserem unserer unseres nous notre nos".split())
CLIENT = frozenset("sie ihr ihre ihnen ihren ihrem ihrer ihres vous votre vos".split())
