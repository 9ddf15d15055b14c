"""Reading for substance in German and French: the word families ``substance`` reads a text with
when ``language.detect`` says it is written in one of them (beside the English ones: German and
French reps write "Benchmark", "Demo", "KPI" too).

Matched like the English families on ``words_of(text)``: folded (lower case, accents dropped, so
"Gespräch" is ``gesprach``, "créneau" ``creneau``, "ß" ``ss``), apostrophes and hyphens read as
spaces ("d'un rendez-vous" is ``d un rendez vous``). Written with the labelled sets
``tests/data/coach_labelled_texts_{de,fr}.json`` in view (see docs/coach-rules.md).
"""

from __future__ import annotations

_W = "[a-z0-9]+ "  # one word and its space
_NUMBER_WORDS = {
    "de": "(?:ein|eine|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|zwolf|zwanzig|dreissig|"
          "hundert|halb|doppelt)",
    "fr": "(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|"
          "cent|moitie|double)",
}
_NUMBER = {language: rf"(?:[0-9]+|{words})" for language, words in _NUMBER_WORDS.items()}

# --- giving: what the client learns about their business ---------------------------------------
GIVING: dict[str, tuple[str, ...]] = {
    "de": (
        r"vergleich(?:e|s|en)?", r"verglichen", r"vergleichbare[nrms]?", r"auswertung(?:en)?",
        r"analyse(?:n)?", r"studie(?:n)?", r"umfrage(?:n)?", r"checkliste(?:n)?",
        r"leitfaden", r"vorlage(?:n)?", r"kennzahl(?:en)?", r"median", r"durchschnitt",
        r"schnitt der", r"(?:ausschuss|fehler|ausfall|quoten?)quote", r"ursachen?",
        r"risik(?:o|en)", r"erkenntnis(?:se)?", r"befund(?:e)?", r"fristen?", r"verordnung(?:en)?",
        r"vorschrift(?:en)?", r"daten (?:von|zu|uber|aus|ihrer|ihres)", r"kostenbasis",
        r"(?:ausfall|stillstands|energie)?kosten (?:je|pro|einer|eines|ihrer|ihres|der|des)",
        rf"was (?:es|sie|das|ein|eine) (?:{_W}){{0,4}}?kost(?:et|en)",
        # an obligation and the road to meet it ("die E-Rechnungspflicht", "ein Fahrplan")
        r"[a-z]*pflicht(?:en)?", r"fahrplan",
        rf"(?:sank|sanken|sinkt|stieg|stiegen|senkte|senkten|halbierte|halbierten|reduzierte|"
        rf"reduzierten|verringerte|verringerten|gesunken|gestiegen|reduziert|gesenkt|halbiert|"
        rf"verkurzt|verkurzte|sparte|sparten|gespart|vermieden) (?:{_W}){{0,6}}?um "
        rf"{_NUMBER['de']}",
        rf"um {_NUMBER['de']} (?:prozent|minuten|stunden|tage|tagen|wochen|punkte|euro|eur) "
        r"(?:kurzer|weniger|mehr|schneller|niedriger|hoher|gesenkt|verkurzt|reduziert|gesunken|"
        r"gestiegen|verringert|gesteigert|erhoht)",
        r"[0-9]+ (?:je|pro) (?:stunde|tag|woche|monat|jahr|tonne|patient|bett|werk|linie|"
        r"schicht|auftrag|filiale|zimmer|lkw)",
        r"gegenuber (?:dem|den|der|ihren|ihrem)", r"(?:unter|uber) dem (?:schnitt|durchschnitt|"
        r"median)", rf"wo (?:sie|ihre|ihr) (?:{_W}){{0,4}}?stehen",
        # a tool they use without us (the English "calculator", "worksheet")
        r"(?:kosten|energie|roi)?rechner", r"rechenblatt", r"kalkulationstabelle",
        r"selbst (?:berechnen|ausrechnen|ermitteln|bewerten|einschatzen|nachrechnen)",
        # a self-assessment they fill in without us (the English "diagnostic", "scorecard")
        r"selbst ?(?:test|check|diagnose|bewertung|einschatzung|audit)s?",
    ),
    "fr": (
        r"compar(?:e|es|ee|ees|aison|aisons|atif|atifs|able|ables)", r"analyse(?:s)?",
        r"etude(?:s)?", r"enquete(?:s)?", r"liste de controle", r"guide", r"modele(?:s)?",
        r"indicateur(?:s)?", r"mediane", r"moyenne", r"taux de", r"causes?", r"risques?",
        r"constats?", r"echeances?", r"reglement(?:ation)?s?", r"obligations?",
        r"donnees (?:de|du|des|sur)",
        r"base de couts?", r"couts? (?:d|de|des|du|par)\b", r"ce que (?:cela|ca) (?:leur |vous )?"
        r"coute", r"pairs\b",
        rf"(?:baisse|baisser|baissent|reduit|reduite|reduits|reduites|diminue|diminuee|diminues|"
        rf"divise|divises|economise|economises|evite|evites|gagne|recule|chute) (?:{_W}){{0,6}}?"
        rf"(?:de|d|par) {_NUMBER['fr']}",
        r"[0-9]+ par (?:heure|jour|semaine|mois|an|tonne|patient|lit|usine|ligne|equipe|commande|"
        r"magasin|site|chambre|camion)",
        r"(?:face|par rapport) (?:a|au|aux)", r"(?:sous|au dessus de|au dessous de) la "
        r"(?:moyenne|mediane)",
        rf"ou (?:vos|votre|leurs|leur|ils|elles) (?:{_W}){{0,3}}?(?:se situe|se situent|en est|"
        r"en sont)",
        # a tool they use without us (the English "calculator", "worksheet")
        r"calculateurs?", r"simulateurs?", r"tableurs?",
        # a self-assessment they fill in without us (the English "diagnostic", "scorecard")
        r"(?:auto ?)?(?:diagnostic|evaluation|controle)s?",
    ),
}
# Words that tie a resource to the client (theirs, their peers', their sector's), and the "our"
# that makes a resource ours ("our satisfaction survey").
CLIENT_WORDS: dict[str, tuple[str, ...]] = {
    "de": (r"ihr", r"ihre", r"ihren", r"ihrer", r"ihrem", r"ihres", r"branche", r"vergleichbare"
           r"[nrms]?"),
    "fr": (r"votre", r"vos", r"leur", r"leurs", r"secteur", r"comparables?", r"pairs"),
}
OURS = {"de": ("unser", "unsere", "unseren", "unserem", "unserer", "unseres", "mein", "meine"),
        "fr": ("notre", "nos", "mon", "ma", "mes")}
NEGATIONS = ("nicht", "nie", "niemals", "kein", "keine", "keinen", "keiner", "ohne", "statt",
             "anstatt", "pas", "jamais", "sans", "aucun", "aucune", "plutot que", "au lieu d")

# Pointing back at what we sent ("ob Sie mein Angebot gelesen haben", "avez-vous lu"), as
# opposed to bringing something new.
POINTS_BACK: dict[str, tuple[str, ...]] = {
    "de": (r"(?:ich|wir) (?:ihnen )?(?:[a-z0-9]+ ){0,4}?(?:geschickt|gesendet|zugeschickt|"
           r"ubermittelt|geschrieben|erwahnt)",
           r"(?:gelesen|gesehen|erhalten|angeschaut|angesehen|bekommen|gepruft|durchgesehen)\b"),
    "fr": (r"(?:j ai|nous avons|je vous ai|nous vous avons) (?:[a-z0-9]+ ){0,2}?(?:envoye|transmis|"
           r"adresse|partage|mentionne)", r"(?:lu|recu|consulte|parcouru|regarde|pris connaissance)"
           r"\b"),
}

# --- asking for time: our wish to talk ---------------------------------------------------------
_TALK = {
    "de": r"(?:gesprach|gesprache|telefonat|austausch|kennenlernen|termin|treffen|call|"
          r"videocall|video call|kaffee|besuch|telefontermin|meeting|videokonferenz|"
          r"online termin|teams call|zoom call)",
    "fr": r"(?:echange|appel|entretien|rendez vous|rdv|cafe|point|reunion|visio|visite|"
          r"rencontre|visioconference|entrevue|rendez vous telephonique|call|meeting)",
}
ASKS: dict[str, tuple[str, ...]] = {
    "de": (
        r"[0-9]+ (?:minuten|min)\b", rf"{_NUMBER_WORDS['de']} minuten", r"(?:einige|paar|wenige) "
        r"minuten", rf"(?:kurze[snmr]?|erste[snmr]?|unverbindliche[snmr]?|personliche[snmr]?) "
        rf"{_TALK['de']}",
        rf"{_TALK['de']} (?:{_W}){{0,2}}?(?:vereinbaren|ausmachen|finden|abstimmen|einplanen)",
        r"(?:zeit|gelegenheit) (?:fur|zu) (?:ein|einen|eine|einem)",
        rf"(?:hatten|haben) sie (?:{_W}){{0,4}}?zeit", r"passt (?:es )?(?:ihnen|dir|euch)",
        r"wann (?:hatten|haben|passt|konnten|konnen|durfen|darf)",
        r"(?:ihr|ihre|ihren|ihrem) (?:kalender|terminkalender)", r"ruckmeldung", r"ruckruf",
        # reminding them of us; "daran erinnern, dass die Frist …" reminds them of a fact
        r"melden sie sich", rf"erinner(?:n|t|e|ung)(?! (?:{_W}){{0,2}}?dass\b)",
        rf"(?:warte|warten) (?:{_W}){{0,2}}?auf (?:eine |ihre )?(?:antwort|ruckmeldung)",
        r"auf (?:eine |ihre )?(?:antwort|ruckmeldung) (?:von ihnen )?(?:warte|warten)\b",
        r"noch einmal", r"erneut",
        r"auf einen kaffee", r"vorbei(?:kommen|schauen)",
        rf"(?:darf|durfen|kann|konnen|konnte|konnten) (?:ich|wir) (?:sie )?(?:{_W}){{0,4}}?"
        r"(?:anrufen|besuchen|vorbeikommen|treffen|sprechen)",
        rf"(?:wir uns|ich sie|ich ihnen|wir ihnen) (?:{_W}){{0,6}}?(?:austauschen|treffen|"
        r"sprechen|kennenlernen|unterhalten|anrufen|besuchen)\b",
        r"(?:eine|einer) (?:halbe|viertel) stunde",
        r"(?:mochte|mochten|wurde|wurden) (?:ich |wir )?"
        rf"(?:{_W}){{0,4}}?(?:sprechen|telefonieren|treffen|kennenlernen|austauschen|besuchen|"
        r"anrufen|vorbeikommen)",
        rf"(?:bin|sind) (?:{_W}){{0,3}}?in ihrer (?:region|nahe|gegend|stadt)",
        r"(?:lassen sie uns|lass uns|lasst uns|wollen wir) (?:doch )?(?:einfach )?(?:mal )?"
        r"(?:telefonieren|sprechen|treffen)",
        rf"interesse an (?:einem|einer|einen) (?:{_W}){{0,1}}?{_TALK['de']}",
        rf"(?:rufe|rufen) (?:ich |wir )?sie (?:{_W}){{0,5}}?an\b",
        # the same asks said otherwise (synonyms of the families above)
        rf"(?:kleine[snmr]?|kurze[snmr]?) (?:{_W}){{0,1}}?(?:{_TALK['de']})",
        rf"freue mich (?:{_W}){{0,3}}?(?:auf|uber) (?:ein|einen|eine|ihren|ihre) (?:{_W}){{0,2}}?"
        rf"(?:{_TALK['de']}|ruckruf|ruckmeldung|antwort)",
        r"(?:stehe|stehen) (?:ihnen )?(?:gerne |gern )?(?:fur (?:ein|einen|eine) "
        rf"(?:{_W}){{0,2}}?(?:{_TALK['de']})|zur verfugung)",
        rf"(?:wann|wie) (?:ware|waren|ist|sind) (?:ihnen|sie) (?:{_W}){{0,2}}?(?:recht|verfugbar|"
        r"erreichbar)",
        rf"(?:konnten|konnen|durfte) wir (?:uns )?(?:{_W}){{0,4}}?(?:sprechen|telefonieren|treffen|"
        r"austauschen|zusammensetzen)",
        # asking for news (the English "any update")
        rf"(?:gibt es|gab es) (?:{_W}){{0,3}}?(?:etwas )?neues", r"(?:stand der dinge|neuigkeiten) "
        r"(?:bei|von) ihnen",
    ),
    "fr": (
        rf"(?:quelques|{_NUMBER_WORDS['fr']}) minutes", rf"(?:court|courte|bref|breve|petit|"
        rf"premier|premiere|rapide) {_TALK['fr']}",
        rf"(?:convenir|fixer|prendre|caler|planifier|organiser|trouver|proposer|prevoir) "
        rf"(?:{_W}){{0,2}}?"
        rf"(?:{_TALK['fr']}|creneau|moment|date)",
        r"creneau", r"disponibles? (?:pour|le|la|ce|cette|lundi|mardi|mercredi|jeudi|vendredi)",
        r"disponibilites?", r"(?:votre|vos) (?:agenda|disponibilites?|avis|retour)",
        r"faire connaissance", r"un cafe", r"(?:passer|venir) vous voir",
        r"(?:je|nous) (?:souhaiterais|souhaiterions|souhaite|souhaitons|aimerais|aimerions|"
        rf"voudrais|voudrions) (?:{_W}){{0,3}}?(?:echanger|rencontrer|parler|appeler|convenir|"
        r"vous voir|faire)",
        rf"(?:auriez|avez|aurez) vous (?:{_W}){{0,3}}?(?:minutes|temps|creneau|moment|fenetre)",
        r"quand (?:auriez|pourrions|pourriez|pourrait|seriez|pouvons|puis je)",
        # calling back; "rappeler que …", "rappeler aux équipes que …" is reminding them of a fact,
        # and "se rappeler" is remembering
        rf"(?<![a-z0-9]se )(?<![a-z0-9]s )(?:vous )?rappel(?:er|le|lerai|lerons|lons)\b(?! "
        rf"(?:(?:a|au|aux) (?:{_W}){{0,3}}?)?que?\b)", r"(?:de|a) nouveau",
        r"(?:attends|attendons) (?:toujours |encore )?(?:votre |une |vos )?(?:reponse|retour)",
        r"(?:une )?demi heure", r"quelques instants",
        rf"(?:puis|pourrais|pourrions|peux) je (?:vous )?(?:{_W}){{0,3}}?(?:appeler|rencontrer|"
        r"voir|passer|joindre)", r"ravie? d (?:echanger|vous rencontrer|en parler|en discuter)",
        r"echanger avec vous", r"(?:etes|serez|seriez) vous disponibles?",
        r"(?:prendre|prenons|trouvons|trouver) un moment", r"dans votre region",
        # the same asks said otherwise (synonyms of the families above)
        r"(?:je reste|je me tiens|nous restons|nous nous tenons) a votre (?:entiere )?disposition "
        rf"pour (?:{_W}){{0,2}}?(?:{_TALK['fr']})",
        # a slot proposed ("le mardi 3 à 14 h vous conviendrait-il ?", "qu'on se voie en février")
        rf"(?:lundi|mardi|mercredi|jeudi|vendredi|[0-9]+ h|[0-9]+ heures|matin|apres midi|date|"
        rf"creneau) (?:{_W}){{0,4}}?(?:vous|te) (?:conviendrait|conviendraient|arrangerait|"
        r"arrangeraient|irait)\b", r"qu on se (?:voie|voit|rencontre|parle|appelle|cale)\b",
        rf"(?:pourrions|pourrait|pouvons|pourriez) (?:nous |on |vous )?(?:{_W}){{0,3}}?"
        r"(?:echanger|rencontrer|parler|nous voir|nous appeler|en discuter|vous rencontrer)",
        rf"(?:heureux|heureuse|plaisir) (?:de |d )?(?:{_W}){{0,2}}?(?:echanger|vous rencontrer|"
        r"vous appeler|en discuter|en parler|vous voir)",
        r"(?:quand|quel jour|quel moment) (?:vous )?(?:conviendrait|conviendra|arrangerait|"
        r"serait le plus pratique)",
        # asking for news (the English "any update")
        r"(?:du nouveau|des nouvelles|quoi de neuf|avance) (?:de votre cote|chez vous|"
        r"concernant|sur (?:ce|le|la|votre))",
    ),
}

# In a touch (not in a question a response asks), asking what they thought of it and staying at
# their disposal asks for their attention (the English "any thoughts?"): "Qu'en avez-vous pensé ?
# Je reste à votre écoute", "Was halten Sie davon?". A response's "Was halten Sie von einem
# Modell je Palette?" asks about them.
ASKS_FOR_OPINION: dict[str, tuple[str, ...]] = {
    "de": (r"was (?:halten|hielten) sie (?:davon|von)", r"wie (?:fanden|finden) sie"),
    "fr": (r"(?:je reste|nous restons) a votre (?:entiere )?(?:ecoute|disposition)\b",
           r"qu en (?:avez vous pense|pensez vous|dites vous)"),
}

# A duration that says how long a resource takes the client, not a meeting ("que leurs régleurs
# peuvent remplir en 20 minutes", "in 20 Minuten ausgefüllt"): the minutes are theirs, spent
# without us.
TASK_DURATIONS: dict[str, tuple[str, ...]] = {
    "de": (
        rf"(?:in|innerhalb von|binnen|unter) (?:nur |knapp |gut |weniger als |unter )?"
        rf"(?:[0-9]+|{_NUMBER_WORDS['de']}) (?:minuten|min) (?:{_W}){{0,3}}?(?:ausfullen|"
        r"ausgefullt|"
        r"ausfullt|lesen|gelesen|liest|durchgehen|durchgegangen|erledigen|erledigt|beantworten|"
        r"beantwortet|durchfuhren|durchgefuhrt|berechnen|berechnet|prufen|gepruft|bewerten|"
        r"bewertet|ermitteln|ermittelt)\b",
    ),
    "fr": (
        r"(?:remplir|remplit|remplissent|rempli|remplie|completer|complete|completee|lire|lit|lu|"
        r"lue|parcourir|faire|fait|realiser|realise|repondre|repond|passer|passe|calculer|calcule|"
        rf"evaluer|evalue|verifier|verifie) (?:{_W}){{0,3}}?(?:en|en moins de|sous|en a peine) "
        rf"(?:[0-9]+|{_NUMBER_WORDS['fr']}) minutes\b",
    ),
}

# A demo set at a date or a place (an appointment: "Termin für eine Vor-Ort-Demo im Januar",
# "proposer une démonstration sur site en février") asks for their time; a demo of our features
# is about us.
_WHEN = {
    "de": r"(?:im|ab|bis|anfang|ende|mitte) (?:januar|februar|marz|april|mai|juni|juli|august|"
          r"september|oktober|november|dezember)|(?:am|nachsten|kommenden|diesen) (?:montag|"
          r"dienstag|mittwoch|donnerstag|freitag)|(?:nachste|kommende|diese) woche|bei ihnen",
    "fr": r"(?:en|debut|fin|mi) (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|"
          r"octobre|novembre|decembre)|(?:ce|le|prochain) (?:lundi|mardi|mercredi|jeudi|"
          r"vendredi)|la semaine prochaine|chez (?:vous|eux|lui|elle)",
}
DEMO_BOOKED: dict[str, tuple[str, ...]] = {
    "de": (rf"termin (?:{_W}){{0,4}}?(?:produkt|live)?(?:demo|vorfuhrung|vorstellung|"
           r"prasentation)\w*",
           r"vor ort (?:demo|vorfuhrung|prasentation)\w*",
           rf"(?:demo|vorfuhrung)\w* (?:{_W}){{0,3}}?(?:{_WHEN['de']})\b"),
    "fr": (rf"(?:rendez vous|date|creneau) (?:{_W}){{0,3}}?(?:demonstration|demo)s?\b",
           rf"(?:demonstration|demo)s? (?:{_W}){{0,3}}?(?:sur site|{_WHEN['fr']})\b"),
}

# A touch with nothing in it but the contact itself: a connection request, a greeting after
# meeting at a fair, a courtesy call ("damit wir in ihrem Netzwerk sind", "ravi d'avoir échangé
# avec toi au salon", "Appel de courtoisie … pour garder le contact").
CONTACT_ONLY: dict[str, tuple[str, ...]] = {
    "de": (r"(?:vernetzungs|kontakt)anfrage",
           r"(?:vernetzen|verbinden) (?:uns |sich )?auf linkedin",
           r"in (?:ihrem|seinem|deren|ihr) netzwerk",
           rf"schon,? (?:dass wir uns|sie) (?:{_W}){{0,5}}?(?:gesehen|getroffen|kennengelernt|"
           r"gesprochen)", rf"(?:hat mich )?(?:sehr )?gefreut,? (?:sie|dich) (?:{_W}){{0,4}}?"
           r"(?:sehen|treffen|kennenzulernen|getroffen|gesehen)",
           r"(?:hoflichkeits|kontaktpflege)(?:anruf|besuch|mail)", r"viele grusse",
           r"(?:ein )?schones wochenende",
           # a card with good wishes, a call to say hello, a post liked or congratulated on
           r"(?:gruss|gluckwunsch|dankes|neujahrs)karten?",
           rf"(?:handgeschrieben\w*|personliche[rn]?) (?:{_W}){{0,1}}?(?:karten?|gruss|zeilen)",
           r"karten? zum (?:jahreswechsel|jahresende|neuen jahr|fest)",
           r"(?:mit )?(?:guten|besten|herzlichen) wunschen", r"gruss (?:vom|von|des|der)\b",
           r"um (?:kurz |mal |einfach |nur )?hallo zu sagen", r"beziehungspflege",
           r"(?:der stimme|dem namen) ein gesicht",
           rf"(?:beitrag|post|posting) (?:{_W}){{0,2}}?(?:liken|kommentieren)",
           rf"(?:gluckwunsch\w*|gratulation\w*|gratulier\w*) (?:{_W}){{0,4}}?(?:beforderung|"
           r"neuen (?:position|rolle|stelle|aufgabe|job))"),
    "fr": (r"demande de (?:mise en relation|connexion|contact)", r"dans (?:son|leur|votre) reseau",
           rf"ravie?s? d avoir (?:{_W}){{0,1}}?(?:echange|rencontre|discute|vu|croise)",
           rf"(?:content|heureux|plaisir)e?s? (?:de|d) (?:vous |t )?avoir (?:{_W}){{0,1}}?"
           r"(?:vu|rencontre|croise|echange)", r"(?:appel|visite|mail|message) de courtoisie",
           r"(?:bonne|belle|excellente) (?:fin de )?(?:semaine|journee|soiree)", r"bon week end",
           # a connection asked, a card, a hello, a post liked or congratulated on
           r"(?:compter|ajouter|accueillir) parmi (?:mes|nos) (?:relations|contacts)",
           r"(?:rejoindre|integrer) (?:mon|notre) reseau",
           r"cartes? (?:de remerciement|manuscrite|de voeux)",
           r"ravie?s? de (?:notre|cet|cette) (?:echange|rencontre|discussion)",
           r"pour (?:vous |te )?(?:dire|passer dire) bonjour", r"mettre un visage sur",
           rf"(?:liker|aimer|commenter) (?:{_W}){{0,2}}?(?:publication|post)",
           rf"felicit\w* (?:{_W}){{0,3}}?(?:promotion|nomination|nouveau poste|nouvelles "
           r"fonctions)"),
}

# --- about us: our news, our product, our company ----------------------------------------------
NEWS: dict[str, tuple[str, ...]] = {
    "de": (
        r"vorfuhrung(?:en)?", r"produktvorstellung", r"pressemitteilung(?:en)?",
        r"auszeichnung(?:en)?", r"ausgezeichnet", r"eroffnung", r"broschure(?:n)?", r"katalog",
        r"preisliste", r"imagefilm", r"jubilaum", r"firmengeschichte", r"(?:wir )?feiern",
        r"(?:produkt)?neuheit(?:en)?", r"hausmesse", r"tag der offenen tur", r"roadshow",
        r"markteinfuhrung", r"(?:wir )?(?:haben|hat) (?:gerade |soeben |kurzlich )?"
        r"(?:veroffentlicht|gelauncht|eroffnet|vorgestellt)",
        r"(?:firmen|unternehmens)prasentation",
        r"(?:neue[snmr]?) (?:standort|niederlassung|version|release|update|funktion|funktionen|"
        r"produkt|produkte|website|webseite|broschure|katalog|buro|filiale|app|modul|partnerschaft)",
        rf"(?:unser|unsere|unseren|unserem|unserer|unseres) (?:{_W}){{0,2}}?(?:funktionen|"
        r"produkt|produkte|plattform|losung|losungen|leistungen|dienstleistungen|angebot|"
        r"portfolio|sortiment|standort|standorts|niederlassung|neuigkeiten|webinar|newsletter|"
        r"software|referenzen|messestand|stand|geschaftsbereiche|sparten)\b",
    ),
    "fr": (
        r"demonstrations?", r"communiques? de presse", r"recompenses?", r"trophees?",
        r"plaquettes?", r"levee de fonds", r"anniversaire", r"(?:nous )?fetons", r"lancement",
        r"nouveautes?", r"portes ouvertes", r"inauguration", r"roadshow",
        r"(?:nous )?(?:venons|avons) (?:tout juste |recemment )?(?:de lancer|d inaugurer|d ouvrir|"
        r"lance|inaugure|ouvert)",
        r"ouverture de (?:notre|nos)",
        r"(?:nouvelle|nouveau|nouvel|nouvelles|nouveaux) (?:agence|agences|site|version|"
        r"fonctionnalite|fonctionnalites|produit|produits|bureau|bureaux|gamme|catalogue|"
        r"brochure|application|module|locaux|partenariat)",
        rf"(?:notre|nos) (?:{_W}){{0,2}}?(?:fonctionnalites|produit|produits|plateforme|solution|"
        r"solutions|services|offre|offres|gamme|agence|agences|actualites|webinaire|newsletter|"
        r"logiciel|references|stand|metiers|poles)\b",
    ),
}
SELF: dict[str, tuple[str, ...]] = {
    "de": (r"uber uns", r"was wir (?:tun|machen|anbieten|bieten)",
           rf"(?:unser|unsere|unseren|unserem|unserer) (?:{_W}){{0,2}}?(?:unternehmen|firma|team|"
           r"geschichte|erfahrung|expertise|mitarbeiter)\b", r"(?:uns|unser \w+) vorstellen",
           r"gegrundet (?:im jahr |in )?(?:19|20)[0-9][0-9]", r"uberblick uber (?:unser\w*|uns)"),
    "fr": (r"qui nous sommes", r"ce que nous (?:faisons|proposons|vendons|offrons)",
           rf"(?:notre|nos) (?:{_W}){{0,2}}?(?:entreprise|societe|equipe|histoire|experience|"
           r"expertise|savoir faire)\b", r"(?:nous )?presenter (?:notre|nos|l entreprise)",
           r"(?:fondee?|creee?) en (?:19|20)[0-9][0-9]", r"apercu de (?:nos|notre)"),
}

# --- differentiators: self-praise any competitor could say, or something concrete --------------
# Unnamed competitors: the big groups, the others, the incumbents ("die großen Konzerne",
# "les grands groupes", "la plupart des prestataires en place").
_COMPETITORS = {
    "de": r"(?:die |andere |viele |alle |grosse |herkommliche |klassische |ihr |ihre |ihren )?"
          r"(?:meisten |grossen |anderen |grosseren |klassischen |herkommlichen |etablierten |"
          r"traditionellen |ublichen |ubrigen |bisherigen |jetzigen |aktuellen )?"
          r"(?:konzerne|konzernen|anbieter[ns]?|wettbewerb|wettbewerber[ns]?|konkurrenz|"
          r"konkurrenten|mitbewerber[ns]?|agenturen|dienstleister[ns]?|lieferanten?|player|"
          r"ketten|gruppen|marktbegleiter[ns]?|hersteller[ns]?)\b",
    "fr": r"(?:les |la plupart des |nos |vos |votre |d autres |beaucoup de |de nombreux |"
          r"nombre de |"
          r"des )?(?:grands |gros |autres |principaux |grandes |concurrents )?(?:groupes|acteurs|"
          r"concurrents?|concurrence|prestataires?|fournisseurs?|agences|cabinets|editeurs|"
          r"enseignes|generalistes|multinationales|majors|integrateurs|constructeurs)\b"
          r"(?: (?:en place|actuels?|historiques|traditionnels|classiques|du marche))?",
}
SELF_PRAISE: dict[str, tuple[str, ...]] = {
    "de": (
        r"extrameile", r"(?:uber|mehr als|fast|knapp|seit uber|seit mehr als) [0-9]+ jahr(?:e|en)?",
        r"[0-9]+ jahre (?:erfahrung|expertise|know how|tradition)", r"jahrzehnte",
        r"seit (?:1[89]|20)[0-9][0-9]", r"familienunternehmen", r"zertifiziert",
        r"flexib(?:el|le|len|ilitat)", r"zuverlassig", r"schnell und", r"personlich\w*",
        r"im mittelpunkt", r"dynamisch\w*", r"junge[sn]? team", r"frische[n]? ideen",
        r"made in germany", r"sie sich verlassen konnen",
        r"(?:motiviert|engagiert|kompetent|erfahren)\w* (?:[a-z]+ )?(?:mitarbeiter|team|"
        r"kollegen|experten)", r"(?:ihr|sein|unser) bestes",
        r"(?:immer|jederzeit|stets) (?:fur (?:sie|den kunden|unsere kunden|ihre kunden) )?da\b",
        # speed promised, not measured ("kurze Reaktionszeiten")
        r"(?:kurze[n]?|schnelle[n]?|rasche[n]?) (?:reaktions|antwort|liefer|durchlauf)"
        r"zeit(?:en)?", rf"horen (?:{_W}){{0,3}}?zu",
        r"hochste[rnm]? (?:sorgfalt|qualitat|anspruch|standards?)", r"leidenschaft",
        r"engagiert", r"partnerschaftlich", r"auf augenhohe", r"alles aus einer hand",
        r"ganzheitlich", r"individuell(?:e|en)? (?:losung|losungen|beratung|betreuung)",
        r"kompetent", r"weltweit", r"bundesweit", r"deutschlandweit", r"vertrauen",
        r"zufriedenheit", r"zufriedene kunden", r"(?:mehr als|uber) [0-9]+ (?:kunden|"
        r"unternehmen|projekte|installationen)", r"reaktionsschnell", r"kurze wege",
        r"know how",
        # the same praise said otherwise (synonyms of the families above)
        r"langjahrige[nr]? (?:erfahrung|expertise|tradition)", r"jahrzehntelange[nr]?",
        r"(?:sie|kunden) (?:konnen|durfen) sich (?:auf uns |darauf )?verlassen",
        r"(?:mit|voller) herzblut", r"(?:hochste|hohe) kundenzufriedenheit",
        r"(?:erfahren|bewahrt|etabliert)\w* (?:partner|anbieter|dienstleister)",
        r"fur jeden (?:kunden|bedarf|anspruch|einsatz)", r"(?:mit|von) erfahrung",
        r"wie (?:kaum |kein |sonst kein )?(?:ein )?anderer", r"zugeschnitten", r"passgenau",
        rf"(?:kennen|verstehen) (?:{_W}){{0,2}}?(?:branche|bedurfnisse|geschaft|markt|"
        r"anforderungen|herausforderungen)", r"hoch ?(?:qualifiziert|spezialisiert|motiviert)\w*",
        r"(?:bestens|top|hervorragend) (?:ausgebildet|geschult)\w*",
        r"(?:standig|laufend|regelmassig|kontinuierlich) (?:weiter|geschult|fortgebildet)\w*",
        r"(?:ist|sind) unser (?:anspruch|versprechen|antrieb|markenzeichen)",
        # devotion claimed: a culture, every request taken seriously, their business as ours
        r"(?:kunden|service)kultur", r"ernst genommen", r"(?:echte|wirkliche)[rn]? partner\w*",
        r"als (?:ware|waren) (?:es|sie) (?:unser|unsere)", r"wie (?:unser|unsere) eigene[ns]?",
        # better than unnamed others, with nothing measured ("schneller als die großen Konzerne")
        rf"(?!(?:aber|oder|immer|wieder|unter|uber|der|jeder|weder|hier|er|ihrer|unserer) )"
        rf"(?:[a-z]+er|mehr [a-z]+) als {_COMPETITORS['de']}",
    ),
    "fr": (
        r"(?:plus de|pres de|depuis plus de|depuis pres de) [0-9]+ ans",
        r"[0-9]+ ans d (?:experience|expertise)", r"savoir faire", r"depuis (?:1[89]|20)[0-9][0-9]",
        r"entreprise familiale", r"certifie(?:s|e|es)?", r"(?:le|la) plus grand(?:e)? soin",
        r"toujours plus loin", r"a votre ecoute", r"dynamiques?", r"idees nouvelles",
        r"made in france", r"qualite francaise", r"(?:vous pouvez|pouvez vous) compter",
        r"au coeur de", r"personnalise(?:e|s|es)?",
        r"(?:collaborateurs|equipes?|experts|techniciens) (?:motives|engages|passionnes|"
        r"qualifies|competents)", r"le meilleur d (?:eux|elles|nous)", r"a l ecoute",
        r"reactif(?:s|ve|ves)?", r"(?:temps|delais?) de (?:reponse|reaction|livraison|"
        r"traitement) (?:courts?|rapides?|reduits?)", r"toujours (?:la|present|disponible)s? pour",
        r"reactivite", r"flexib(?:le|les|ilite)", r"proches? de (?:nos|ses|vos) clients",
        # "engagé", not the verb "s'engager sur" (to commit to, in a contract)
        r"proximite", r"fiab(?:le|les|ilite)", r"passion",
        r"(?<!\bs )(?<!\bse )engage(?:s|e|es|ment)?",
        r"excellence", r"satisfaction", r"(?:plus de|pres de) [0-9]+ (?:clients|entreprises|"
        r"projets|installations)", r"partout en (?:france|europe)", r"dans le monde entier",
        r"expertise", r"accompagnement (?:personnalise|sur mesure)",
        r"solutions? globales?", r"interlocuteur unique", r"de a a z",
        # the same praise said otherwise (synonyms of the families above)
        r"(?:longue|solide) experience", r"(?:des|plusieurs) decennies",
        r"(?:faire|faites|accorder) (?:nous )?confiance", r"clients? (?:satisfaits|fideles)",
        r"(?:le|la|du|de la) serieux", r"rigueur", r"(?:avec|de) (?:passion|coeur)",
        r"(?:acteur|prestataire|partenaire) (?:reconnu|etabli|experimente)",
        r"(?:pour|a) chaque (?:client|besoin|projet|demande)",
        r"comme (?:personne|nul autre|aucun autre)", r"adapte(?:e|s|es)? a (?:vos|chaque|tous)",
        rf"(?:connaissons|comprenons|maitrisons) (?:{_W}){{0,2}}?(?:metier|secteur|besoins|"
        r"enjeux|marche|contraintes)",
        r"(?:est|sont) (?:notre|nos) (?:exigence|promesse|adn|engagement|marque de fabrique)",
        # devotion claimed: a culture, every request taken seriously, their business as ours
        r"culture (?:client|du client|de service|du service)", r"(?:vraie|veritable) culture",
        r"pris(?:e|es)? au serieux", r"(?:vrais?|veritables?) partenaires?",
        r"comme (?:si c etait |s il s agissait de )?(?:la|le) notre",
        # better than unnamed others, with nothing measured ("plus agile que les grands groupes")
        rf"(?:plus (?:{_W}){{1,2}}?|mieux |moins (?:chers?|cheres?) )que {_COMPETITORS['fr']}",
        r"(?:a|de) taille humaine",
    ),
}
CONCRETE: dict[str, tuple[str, ...]] = {
    "de": (
        rf"{_NUMBER['de']} (?:prozent|stunden|stunde|tagen|tage|tag|wochen|woche|monaten|monate|"
        r"minuten|sekunden|tonnen|kwh|mwh)\b", r"[0-9]+ eur\b", r"[0-9]+ euro\b",
        r"(?:innerhalb|binnen) (?:von )?[0-9a-z]+ (?:stunden|tagen|wochen)",
        r"am nachsten (?:werktag|tag|morgen)", r"zahlen sie nichts", r"erstatt\w*",
        r"garanti(?:e|ert)", r"vertragsstrafe", r"sonst (?:zahlen|erstatten|tragen)",
        # a mechanism every item goes through, not devotion ("jede Anfrage wird ernst genommen")
        r"jede[rsn]? (?:[a-z0-9]+ ){1,2}(?:wird|werden|ist|bekommt|geht|landet)\b(?! (?:ernst|mit "
        r"(?:sorgfalt|liebe|hingabe)|wichtig|individuell|personlich)\b)",
        # a commitment in the contract, with a measure
        rf"(?:vertraglich|im vertrag|per vertrag) (?:{_W}){{0,8}}?[0-9]+",
        r"ohne neue", r"der einzige", r"die einzige",
        rf"{_NUMBER['de']} (?:{_W}){{0,2}}?(?:kunden|kliniken|krankenhauser|hauser|stadtwerke|"
        r"werke|"
        rf"standorte|unternehmen|banken|kommunen|betriebe|einrichtungen) (?:{_W}){{0,5}}?"
        r"(?:darunter|unter anderem|u a) [a-z]",
    ),
    "fr": (
        rf"{_NUMBER['fr']} (?:heures|heure|jours|jour|semaines|semaine|mois|minutes|secondes|"
        r"tonnes|kwh|mwh)\b", r"[0-9]+ eur\b", r"[0-9]+ euros\b",
        r"(?:sous|en moins de) [0-9a-z]+ (?:heures|jours|semaines)",
        r"le jour ouvre suivant", r"le lendemain", r"vous ne payez (?:rien|pas)", r"rembours\w*",
        r"garanti(?:e|s|es)?\b", r"penalites?", r"sinon nous",
        # a mechanism every item goes through, not devotion ("chaque demande est prise au sérieux")
        r"(?:chaque|toute|tout) (?:[a-z0-9]+ ){1,2}(?:est|sont|recoit|part|passe)\b(?! (?:pris|"
        r"prise|prises|traitee?s? avec|importante?s?|unique|precieu\w*|ecoutee?s?|choyee?s?)\b)",
        # a commitment in the contract, with a measure
        rf"(?:par contrat|contractuel\w*|au contrat|dans le contrat) (?:{_W}){{0,8}}?[0-9]+",
        r"sans nouveaux?", r"le seul", r"la seule",
        rf"{_NUMBER['fr']} (?:{_W}){{0,2}}?(?:clients|etablissements|hopitaux|cliniques|sites|"
        r"usines|"
        rf"collectivites|banques|entreprises|communes|magasins|enseignes) (?:{_W}){{0,5}}?"
        r"(?:dont|parmi lesquels|notamment|comme) [a-z]",
    ),
}

# --- the reflex objections (text.REFLEX_OBJECTIONS), as German and French prospects say them ---
_G = "(?:[a-z0-9]+ ){0,4}?"  # a few words between
REFLEXES: dict[str, tuple[str, ...]] = {
    "information": (
        rf"(?:schicken|senden|mailen|geben|lassen) sie (?:mir|uns) {_G}(?:unterlagen|"
        r"informationen|infos|broschure|prospekt|material|prasentation|katalog|preisliste|was)\b",
        r"(?:unterlagen|informationen|infos|broschure|material) (?:zu|zukommen|schicken|senden|"
        r"zusenden|durch)", rf"(?:schaue|schauen|sehe|sehen) (?:mir|uns) {_G}(?:website|homepage|"
        r"internetseite|webseite)",
        rf"(?:envoyez|envoyer|transmettez|adressez|faites parvenir) (?:moi|nous) {_G}"
        r"(?:documentation|doc|brochure|plaquette|informations|infos|presentation|catalogue|"
        r"tarifs|quelque chose)\b", r"(?:une|de la|votre) documentation",
        rf"(?:regarder|voir|consulter|regarde|regardons) {_G}(?:votre|le) site",
    ),
    "supplier": (
        rf"(?:haben|hat|nutzen|arbeiten mit) (?:schon|bereits) {_G}(?:lieferant|lieferanten|"
        r"dienstleister|anbieter|partner|losung|system|jemanden)\b",
        r"(?:zufrieden|gut versorgt|gut aufgestellt) mit",
        rf"mit (?:unserem|unserer|unseren|dem|der|den|ihm|ihr|ihnen) {_G}(?:sehr |voll |ganz )?"
        r"zufrieden", r"(?:arbeiten|arbeitet) (?:schon |"
        r"bereits )?seit (?:jahren|langem)", r"rahmenvertrag|vertraglich gebunden",
        r"machen (?:wir|das) (?:alles )?(?:selbst|intern|inhouse)",
        rf"(?:avons|a|utilisons) deja {_G}(?:fournisseur|prestataire|partenaire|solution|"
        r"systeme|outil|quelqu un)\b", r"(?:satisfaits?|contents?) (?:de|du|des|avec) ",
        r"(?:travaillons|travaille) (?:deja |depuis )", r"sous contrat|contrat cadre",
        r"(?:faisons|fait|gerons|gere) (?:ca|cela|tout) en interne",
    ),
    "budget": (
        r"(?:kein|keine|null) (?:budget|geld|mittel)\b",
        r"budget (?:ist )?(?:ausgeschopft|verplant|aufgebraucht|weg|gestrichen|eingefroren)",
        r"zu teuer|(?:konnen|koennen) wir uns nicht leisten",
        r"pas (?:de|d) (?:budget|argent|moyens)\b",
        r"budget (?:est )?(?:epuise|consomme|gele|deja (?:alloue|engage|depense))", r"trop cher",
    ),
    "timing": (
        r"(?:nicht|gerade nicht) (?:jetzt|im moment|gerade)\b|gerade nicht\b",
        r"(?:kein|keine) zeit\b", r"(?:melden|rufen) sie (?:sich |mich )?(?:im|in|nach) ",
        r"(?:nachstes|nachsten|im nachsten|ende des) (?:jahr|jahres|quartal|quartals|monat)",
        r"spater (?:wieder|nochmal|noch einmal)", r"passt (?:gerade|im moment|jetzt) nicht",
        r"pas (?:maintenant|pour le moment|en ce moment|le moment)\b",
        rf"(?:rappelez|recontactez|revenez vers) (?:moi|nous) {_G}(?:annee|trimestre|mois|plus "
        r"tard|dans|apres)", r"(?:l annee|le trimestre|le mois) prochain", r"plus tard\b",
        r"pas le temps\b",
    ),
    "email": (
        rf"(?:schreiben|schicken|senden) sie mir {_G}(?:email|mail|nachricht)\b",
        r"per (?:email|mail)\b", r"(?:email|mail) (?:ist|reicht|genugt|ware) ",
        rf"(?:envoyez|ecrivez|adressez) (?:moi|nous) {_G}(?:email|mail|courriel|message)\b",
        r"par (?:email|mail|courriel|ecrit)\b",
    ),
}

# Roles that say who prospects ("Account Executives akquirieren und gewinnen Neukunden", "les
# chargés d'affaires prospectent"): the coach flagged its own suggested sentence in German.
PROSPECTS: dict[str, tuple[str, ...]] = {
    "de": (r"akquise", r"[a-z]*akquise", r"akquirier(?:e|en|t|te|ten|end)?", r"akquiriert",
           r"neukunden[a-z]*", r"neue(?:n|r)? (?:kunden|geschafte?|auftraggeber)",
           r"neugeschaft[a-z]*", r"(?:gewinn|gewinnen|gewinnt|gewonnen)[a-z]* (?:neue|neukunden)",
           r"(?:er)?offn(?:en|et|ete|eten)", r"erst(?:gesprach|termin)[a-z]*",
           r"erste(?:n)? (?:termine?|gesprache?)", r"termine (?:vereinbaren|vereinbart|legen)",
           r"jag(?:en|t|er|d)", r"hunter", r"vertriebsentwicklung", r"leads? generier[a-z]*",
           r"(?:verkaufs|vertriebs)?chancen (?:schaffen|erzeugen|generieren)"),
    "fr": (r"prospect(?:e|ent|er|ion|ons|ez|eurs?)", r"nouveaux clients", r"nouvelles affaires",
           r"(?:gagn|conqu)(?:e|ent|er|ierent|iert)[a-z]* (?:de )?nouveaux",
           r"ouvr(?:e|ent|ir)", r"premiers? rendez vous", r"chass(?:e|ent|er|eurs?)",
           r"developpement commercial", r"acquisition"),
}

