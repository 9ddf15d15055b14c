"""The coach on texts written the way leaders write them (tests/data/coach_labelled_texts.json):
precision and recall of at least 0.9, overall and for each kind of text."""

from collections import Counter

import pytest

from prospector.coach import RULES_BY_ID
from prospector.coach.engine import review
from prospector.coach.labelled import KINDS, LABELLED_PATHS_BY_LANGUAGE, evaluate, judge, load
from prospector.coach.text import EMPTY_PHRASES, GENERIC_CLAIMS
from prospector.model import Plan

ITEMS = load()
MINIMUM = 0.9
VERDICTS, SCORES = evaluate(ITEMS)


def test_the_set_is_large_balanced_and_labelled_with_rules_that_judge_its_kind():
    assert len(ITEMS) >= 60
    counts = Counter((item["kind"], item["expect"]) for item in ITEMS)
    for kind in KINDS:
        flag, fine = counts[(kind, "flag")], counts[(kind, "fine")]
        assert flag >= 10 and fine >= 10, kind
        assert 0.35 <= flag / (flag + fine) <= 0.65, kind  # about half should be flagged
    for item in ITEMS:
        assert item["expect"] in ("flag", "fine") and item["text"].strip()
        if item["expect"] == "flag":
            assert item["rule"] in KINDS[item["kind"]][1] and item["rule"] in RULES_BY_ID
        else:
            assert "rule" not in item
    assert len({item["text"] for item in ITEMS}) == len(ITEMS)
    assert {item["set"] for item in ITEMS} == {"first", "second", "third", "fourth", "fifth",
                                                "sixth"}


@pytest.mark.parametrize("kind", [*KINDS, "all"])
def test_precision_and_recall_are_at_least_0_9(kind):
    score = SCORES[kind]
    wrong = [(v.expect, v.rule, v.fired, v.text) for v in VERDICTS
             if (kind == "all" or v.kind == kind) and (v.false_alarm or v.missed)]
    assert score.precision >= MINIMUM and score.recall >= MINIMUM, wrong


def test_the_issue_s_examples_are_read_for_substance():
    def said(kind, text):
        return judge({"kind": kind, "text": text, "expect": "fine"}).fired

    assert said("touch_value", "Reaching out again to see if you'd be open to a quick chat.") == (
        "touch-asks-for-time",)
    assert said("touch_value", "Offer a 30-minute demo of our features.") == ("touch-about-us",)
    assert said("touch_value", "Send our latest press release about our award.") == (
        "touch-about-us",)
    assert said("touch_value", "Follow up the roundtable with the benchmark of the eight plants "
                               "that attended.") == ()


def test_the_german_false_alarms_of_the_held_out_sets_are_read_by_the_rule_a_leader_names():
    """Each had its own cause (docs/coach-rules.md, the eleventh set): a reminder of our own
    message, a compound noun hiding what we sell, "you'd be surprised" unheard in German; and a
    follow-up bringing a tool the client uses without us is no empty phrase."""
    def said(kind, text, **more):
        return judge({"kind": kind, "text": text, "expect": "fine", **more}).fired

    assert said("touch_value", "Kurze Erinnerung an mein Angebot.") == ("touch-no-value",)
    assert said("question", "Haben Sie schon von unserem Kassensystem gehört?") == (
        "question-about-us",)
    assert said("objection_response", "Sie werden überrascht sein, wie viel besser wir sind. "
                "Wann können wir das zeigen?", says="Wir haben schon einen Lieferanten.") == (
        "objection-response-no-question", "objection-response-argues")
    assert said("touch_value", "Nachfassen nach der Messe: der Rechner, mit dem Ihr Team die "
                               "Energiekosten je Linie selbst ermittelt.") == ()


def _said(kind, text, **more):
    return judge({"kind": kind, "text": text, "expect": "fine", **more}).fired


@pytest.mark.parametrize("value", [
    # how long a resource takes the client is not a meeting (the twelfth set's French false alarm)
    "Après le salon : la grille d'autodiagnostic de 12 questions que vos régleurs peuvent "
    "remplir en 20 minutes.",
    "Der Selbsttest mit 12 Fragen, den Ihre Einrichter in 20 Minuten ausfüllen.",
    "Send the self-assessment their setters can fill in in 20 minutes.",
    # reminding them of a fact is neither calling back nor reminding them of us
    "Appel court : rappeler que la déclaration sur OPERAT est due avant le 30 septembre.",
    "Anruf: daran erinnern, dass die Meldung zum Energieaudit bis 30. Juni fällig ist.",
    # a greeting that brings a finding gives something
    "Meilleurs vœux, avec l'étude des délais de paiement de 40 PME de votre secteur.",
    "Weihnachtsgrüße an das Team, mit dem Vergleich der Energiekosten je Linie von 30 Werken "
    "Ihrer Branche.",
    "Season's greetings with the benchmark of 40 hotels in Tyrol and where theirs stands.",
])
def test_a_touch_that_gives_passes_whatever_minutes_reminders_or_greetings_it_carries(value):
    assert _said("touch_value", value) == ()


@pytest.mark.parametrize(("value", "rule"), [
    ("Je vous rappelle demain pour en discuter.", "touch-asks-for-time"),
    ("Rappeler le DAF la semaine prochaine pour caler un rendez-vous.", "touch-asks-for-time"),
    ("Kurz erinnern, dass wir noch auf eine Antwort warten.", "touch-asks-for-time"),
    ("Une démo de 20 minutes pour faire le tour de notre plateforme.", "touch-about-us"),
    # a greeting with nothing in it, whoever it is addressed to
    ("Frohe Weihnachten an Sie und Ihr Team und einen guten Rutsch!", "touch-no-value"),
    ("Bonne année 2027 à toute l'équipe de {{company}} !", "touch-no-value"),
    ("Happy holidays to the whole team at {{company}}!", "touch-no-value"),
    # picking up our own letter, whatever lies between
    ("Ich komme auf meinen Anruf vom Dienstag zurück. Gibt es etwas Neues?",
     "touch-empty-phrase"),
    ("Je reviens sur mon mail de la semaine dernière : avez-vous du nouveau de votre côté ?",
     "touch-empty-phrase"),
    ("Coming back to my email from last week: any update?", "touch-empty-phrase"),
])
def test_the_twelfth_set_s_misses_are_read_in_other_words_too(value, rule):
    assert rule in _said("touch_value", value)


@pytest.mark.parametrize(("difference", "generic"), [
    ("Plus agiles que les gros cabinets de conseil.", True),
    ("Günstiger als die großen Ketten, bei gleicher Auswahl.", True),
    ("Faster and cheaper than the big agencies.", True),
    # a comparison with a measure behind it is a difference
    ("Schneller als die großen Konzerne: jedes Angebot binnen 24 Stunden.", False),
    ("Other than us, nobody in the region prints 3-metre banners the same day.", False),
])
def test_an_unmeasured_comparison_with_unnamed_competitors_is_generic(difference, generic):
    assert (_said("differentiator", difference) == ("differentiator-generic",)) is generic


@pytest.mark.parametrize(("response", "argues"), [
    ("Viele Anbieter begnügen sich mit dem Nötigsten. Was ist Ihnen bei der Wartung wichtig?",
     True),
    ("Les autres fournisseurs en sont encore au papier. Comment suivez-vous vos tournées ?",
     True),
    ("Most vendors still quote per hour. What do you pay per load today?", True),
    ("Pas forcément. Que payez-vous aujourd'hui par camion ?", True),
    ("Nicht unbedingt: viele Werke sparen 12 %. Was zahlen Sie heute je Linie?", True),
    # praising the client's choice, then asking, does not argue
    ("Ihr jetziger Lieferant ist sicher gut. Was schätzen Sie an ihm am meisten?", False),
    ("Votre prestataire actuel fait sûrement du bon travail. Qu'est-ce qui compte le plus pour "
     "vous ?", False),
])
def test_running_down_the_client_s_supplier_or_softly_contradicting_argues(response, argues):
    fired = _said("objection_response", response, says="Wir haben schon einen Lieferanten.")
    assert ("objection-response-argues" in fired) is argues
    assert "objection-response-no-question" not in fired


@pytest.mark.parametrize(("difference", "generic"), [
    # a named standard with the body that certified it or its year, or counted clients by name,
    # is proof (the thirteenth set's false alarms)
    ("Nach ISO 13485 zertifiziert durch DEKRA (2023), als einziger der drei Bieter.", False),
    ("Certifié ISO 27001 depuis 2021 par le BSI, audit de suivi chaque année.", False),
    ("ISO 9001 certified by Bureau Veritas since 2018; the other bidder is not.", False),
    ("Dans 12 hôpitaux de la région, dont le CHU de Bordeaux.", False),
    ("Im Einsatz bei 35 Stadtwerken, darunter die Stadtwerke Ulm.", False),
    ("Running in 30 hospitals, including Leeds General.", False),
    # near misses: a certificate or clients with neither body, year nor name stay generic
    ("Zertifiziert und flexibel, mit kurzen Wegen.", True),
    ("Plus de 500 clients nous font confiance.", True),
    ("ISO 9001 and a flexible team.", True),
    # speed and devotion promised, not measured (the thirteenth set's miss)
    ("Schnelle Reaktionszeiten und ein motiviertes Service-Team, stets für den Kunden da.", True),
    ("Des délais de réponse courts et une équipe toujours là pour vous.", True),
    ("Short response times and a support team that is always there for you.", True),
    ("Reaktionszeit unter 4 Stunden, sonst erstatten wir die Monatsgebühr.", False),
])
def test_proof_by_a_certifier_or_named_clients_is_concrete_and_promised_speed_is_not(
        difference, generic):
    assert (_said("differentiator", difference) == ("differentiator-generic",)) is generic


@pytest.mark.parametrize(("value", "rule"), [
    # a demo set at a date or a place asks for their time (the thirteenth set's (b))
    ("Anruf bei der Werkleitung: einen Termin für eine Produktvorführung festlegen.",
     "touch-asks-for-time"),
    ("Mail au DSI pour fixer un rendez-vous de démonstration.", "touch-asks-for-time"),
    ("Call the plant manager to book an on-site demo for March.", "touch-asks-for-time"),
    # reminding them of us, building on our own letter (c)
    ("Dritte Mail an Frau Weber: knüpft an meine Nachricht von letzter Woche an.",
     "touch-empty-phrase"),
    ("Relance par courrier pour me rappeler à votre bon souvenir.", "touch-empty-phrase"),
    ("Second email, building on my email of 12 November to keep us top of mind.",
     "touch-empty-phrase"),
    # nothing but the contact itself (e)
    ("Kontaktanfrage auf LinkedIn an den Einkaufsleiter.", "touch-no-value"),
    ("Mail nach dem Kongress: Hat mich gefreut, Sie in Köln zu treffen! Schönes Wochenende.",
     "touch-no-value"),
    ("Visite de courtoisie chez le directeur d'usine, bonne fin de journée.", "touch-no-value"),
    ("LinkedIn connection request to the head of fleet so we are in her network.",
     "touch-no-value"),
    ("Email after the show: great to meet you at Stand B12, have a great weekend!",
     "touch-no-value"),
])
def test_the_thirteenth_set_s_touches_are_read_in_other_words_too(value, rule):
    fired = _said("touch_value", value)
    assert rule in fired
    if rule == "touch-asks-for-time":
        assert "touch-about-us" not in fired


@pytest.mark.parametrize("value", [
    # a demo of our features is about us, not an appointment
    "Offer a 30-minute demo of our features.",
    # contact that brings a finding, or asks for a meeting, is not "nothing but contact"
    "Nach der Messe: schön, dass wir uns gesehen haben, anbei der Vergleich der Ausfallzeiten "
    "von 20 Werken Ihrer Branche.",
    "Ravi d'avoir échangé au salon : voici le comparatif des coûts logistiques de 15 PME de "
    "votre secteur.",
])
def test_a_touch_with_a_finding_or_a_demo_of_our_features_is_not_contact_only(value):
    assert "touch-no-value" not in _said("touch_value", value)
    assert "touch-asks-for-time" not in _said("touch_value", value)


@pytest.mark.parametrize(("response", "argues"), [
    # running down the other vendor (the thirteenth set's (d))
    ("Bei Ihrem jetzigen Dienstleister werden Sie auf Dauer nicht zufrieden sein, dessen "
     "Service ist langsam. Was zahlen Sie heute?", True),
    ("Avec l'autre prestataire vous ne serez jamais satisfait, leur support est connu pour être "
     "médiocre.", True),
    ("You will never be happy with the other vendor; their support is notoriously poor.", True),
    # asking what the client values in them does not argue
    ("Was schätzen Sie an Ihrem Anbieter am meisten, und wo hakt es?", False),
    ("Their support answered in an hour, you said: what would make you look elsewhere?", False),
])
def test_running_down_the_other_vendor_argues(response, argues):
    fired = _said("objection_response", response, says="Wir haben schon einen Anbieter.")
    assert ("objection-response-argues" in fired) is argues


def test_every_english_set_reads_at_least_as_well_as_at_first_look():
    """Each set was measured once as written (its first look) before it changed anything; the
    fifth is kept out of the tuning, so a change that reads it, or any set, worse than its first
    look is a change that generalises worse."""
    from prospector.coach.docs import FIRST_LOOKS  # noqa: PLC0415 - only this test needs it

    worse = []
    for name, texts, precision, recall in FIRST_LOOKS:
        _, scores = evaluate(item for item in ITEMS if item["set"] == name)
        now = scores["all"]
        assert now.texts == texts, name
        if now.precision < precision - 0.005 or now.recall < recall - 0.005:
            worse.append((name, now.precision, now.recall, precision, recall))
    assert worse == []


@pytest.mark.parametrize("language", sorted(LABELLED_PATHS_BY_LANGUAGE))
def test_german_and_french_texts_are_read_as_well_as_english(language):
    items = load(LABELLED_PATHS_BY_LANGUAGE[language])
    assert all(sum(item["kind"] == kind for item in items) >= 30 for kind in KINDS)
    assert 0.35 <= sum(item["expect"] == "flag" for item in items) / len(items) <= 0.65
    verdicts, scores = evaluate(items)
    wrong = [(v.expect, v.rule, v.fired, v.text) for v in verdicts if v.false_alarm or v.missed]
    assert scores["all"].precision >= MINIMUM and scores["all"].recall >= MINIMUM, wrong


@pytest.mark.parametrize("language", sorted(LABELLED_PATHS_BY_LANGUAGE))
def test_every_german_and_french_set_reads_at_least_as_well_as_at_first_look(language):
    """Each set's first look (measured once, as written, before it changed the lists) is a floor:
    a change that reads any set worse than it was read before it tuned anything generalises
    worse. The fourteenth set is the newest such measure (docs/coach-rules.md)."""
    from prospector.coach.docs import (  # noqa: PLC0415 - only here
        FIRST_LOOKS_BY_LANGUAGE,
        LANGUAGE_SETS,
    )

    items = load(LABELLED_PATHS_BY_LANGUAGE[language])
    assert {item["set"] for item in items} == set(LANGUAGE_SETS)
    assert sum(item["set"] == "eleventh" for item in items) >= 40
    worse = []
    for name, texts, precision, recall in FIRST_LOOKS_BY_LANGUAGE[language]:
        _, scores = evaluate(item for item in items if item["set"] == name)
        now = scores["all"]
        assert now.texts == texts, name
        if now.precision < precision - 0.005 or now.recall < recall - 0.005:
            worse.append((name, now.precision, now.recall, precision, recall))
    assert worse == []


def test_a_plan_mixing_languages_reads_each_text_in_its_own():
    plan = Plan.model_validate({"name": "DACH and France", "touches": [
        {"id": "de", "title": "Nachfassen", "channel": "email",
         "value": "Ich wollte nur mal kurz nachhaken, ob Sie unsere Broschüre gelesen haben."},
        {"id": "fr", "title": "Relance", "channel": "email",
         "value": "Je me permets de vous relancer au sujet de notre offre de maintenance."},
        {"id": "en", "title": "Benchmark", "channel": "email",
         "value": "Send the scrap-rate benchmark of the eight plants in Bavaria."},
        {"id": "de-fine", "title": "Vergleich", "channel": "email",
         "value": "Der Vergleich der Ausschussquote von acht Werken in Bayern, mit den zwei "
                  "Hebeln, die dort gewirkt haben."},
    ], "differentiators": [
        {"id": "d-de", "difference": "Wir sind Marktführer mit einem erfahrenen Team."},
        {"id": "d-fr", "difference": "Une solution innovante et clé en main."},
    ]})
    fired = {(f.item_id, f.rule_id) for f in review(plan).findings}
    assert ("de", "touch-empty-phrase") in fired and ("fr", "touch-empty-phrase") in fired
    assert ("d-de", "differentiator-generic") in fired
    assert ("d-fr", "differentiator-generic") in fired
    assert not {rule for item, rule in fired if item in ("en", "de-fine")} & set(
        KINDS["touch_value"][1])


def test_german_and_french_phrases_are_quoted_as_written_and_near_misses_pass():
    # "nach" alone (not "nachhaken") is an everyday German word
    relance = "Je me permets de vous relancer"
    assert EMPTY_PHRASES.find(relance + ".") == (relance,)
    assert EMPTY_PHRASES.find("Wir nehmen die Anlage nach dem Umbau wieder in Betrieb.") == ()
    assert GENERIC_CLAIMS.find("Les clients choisissent notre solution innovante.") == (
        "innovante",)


def test_each_labelled_text_is_told_to_be_in_its_language():
    from prospector.coach.language import detect  # noqa: PLC0415 - only this test needs it

    sets = {"en": ITEMS} | {language: load(path)
                            for language, path in LABELLED_PATHS_BY_LANGUAGE.items()}
    told = {language: [i["text"] for i in items if detect(i["text"]) != language]
            for language, items in sets.items()}
    assert told == {language: [] for language in sets}


# --- the fourteenth set's principles, in texts of their own (docs/coach-rules.md) --------------
@pytest.mark.parametrize("value", [
    # nothing but the contact: a card with good wishes, a call to say hello, a connection asked,
    # a post liked or a promotion congratulated on
    "Handgeschriebene Zeilen an die Geschäftsführerin mit guten Wünschen zum Jahresende.",
    "Anruf beim neuen Werkleiter, nur um Hallo zu sagen.",
    "Den LinkedIn-Beitrag der Einkaufsleiterin liken und zur Beförderung gratulieren.",
    "Invitation LinkedIn au directeur logistique : ravi de vous ajouter parmi mes contacts.",
    "Coup de fil au nouveau DAF, juste pour dire bonjour et mettre un visage sur un nom.",
    "Commenter la publication de la DRH pour la féliciter de sa nomination.",
    "Quick call to the new CFO just to say hello.",
    "Comment on the COO's post to congratulate her on the promotion.",
    "Thank-you card after the trade fair: nice meeting you, all the best for 2027.",
])
def test_a_touch_that_holds_only_the_contact_gives_nothing(value):
    assert "touch-no-value" in _said("touch_value", value)


@pytest.mark.parametrize(("value", "rule"), [
    # near misses: the same contact with a finding in it, or with an ask for their time
    ("Karte zum Jahreswechsel mit dem Vergleich der Energiekosten von 30 Werken Ihrer Branche.",
     None),
    ("Juste pour dire bonjour et partager le comparatif des délais de paiement de 40 PME de votre "
     "secteur.", None),
    ("Congratulate her on the promotion with the benchmark of agency spend in 30 hospitals.",
     None),
    ("Quick call just to say hello and ask if she has 15 minutes next week.",
     "touch-asks-for-time"),
])
def test_contact_with_a_finding_or_an_ask_is_not_contact_only(value, rule):
    fired = _said("touch_value", value)
    assert "touch-no-value" not in fired
    assert fired == ((rule,) if rule else ())


@pytest.mark.parametrize(("value", "rule"), [
    # stock phrases: keeping a conversation warm, landing in the inbox again, a little follow-up
    ("Popping back into your inbox in case this got buried.", "touch-empty-phrase"),
    ("Email to the buyer to keep things warm before the budget round.", "touch-empty-phrase"),
    ("Mail an den Einkauf, um den Draht warm zu halten.", "touch-empty-phrase"),
    ("Petit suivi de mon message de lundi, au plaisir !", "touch-empty-phrase"),
    ("Message pour garder le lien avec la directrice achats.", "touch-empty-phrase"),
    # asking what they thought, and being at their disposal, asks for their time
    ("SMS après le congrès : qu'en pensez-vous de votre côté ? Je reste à votre écoute.",
     "touch-asks-for-time"),
    ("Mail nach dem Workshop: Was halten Sie davon?", "touch-asks-for-time"),
    ("Text after the fair: what did you think?", "touch-asks-for-time"),
    # who we are: our founding year, an overview of our lines of business
    ("Letter introducing Kestrel: founded in 1998, with offices in Leeds and Bristol.",
     "touch-about-us"),
    ("Mail an die Einkaufsleitung mit einem Überblick über unsere Geschäftsbereiche.",
     "touch-about-us"),
    ("Courriel de présentation : société fondée en 1998, avec un aperçu de nos métiers.",
     "touch-about-us"),
])
def test_the_fourteenth_set_s_touches_are_read_in_other_words_too(value, rule):
    assert rule in _said("touch_value", value)


@pytest.mark.parametrize("value", [
    # a follow-up of our own message that brings a finding in the same sentence
    "Suite à mon message : le comparatif des coûts logistiques de 15 PME de votre secteur.",
    "Coming back to my email with the benchmark of 40 hotels in Tyrol and where their occupancy "
    "stands.",
    "Ich komme auf meine Mail zurück: anbei der Vergleich der Ausfallzeiten von 20 Werken "
    "Ihrer Branche.",
    # an obligation, or what something costs them, with a next step proposed after it
    "Die neue Lieferkettenpflicht gilt ab Januar; wenn Sie mögen, gehe ich die Punkte in 15 "
    "Minuten mit Ihnen durch.",
    "Video für die Werkleitung: was die Stillstände sie je Schicht beim heutigen Strompreis "
    "kosten.",
    "Les nouvelles obligations de reporting s'appliquent dès 2026 ; si vous le souhaitez, je "
    "vous les présente en 15 minutes.",
    "The new reporting obligations apply from 2026; happy to take them through it in 15 "
    "minutes.",
    "Voici le comparatif de 12 usines de votre secteur ; je reste à votre écoute.",
])
def test_a_touch_that_brings_a_finding_is_not_flagged_for_the_step_it_proposes(value):
    assert _said("touch_value", value) == ()


@pytest.mark.parametrize(("difference", "generic"), [
    # a commitment in the contract, with a measure, is concrete; without one it is not
    ("Engagiertes Team, vertraglich auf 98 % Liefertreue im Monat verpflichtet.", False),
    ("Une équipe engagée, et contractuellement 98 % de commandes complètes chaque mois.", False),
    ("A committed team, contractually held to 98% on-time delivery each month.", False),
    ("Vertraglich abgesichert und flexibel.", True),
    ("Un engagement contractuel fort et une équipe réactive.", True),
    ("A contractual commitment to excellence.", True),
    # devotion claimed: a culture, every request taken seriously, their business as ours
    ("Chez nous, chaque client est pris au sérieux, avec une vraie culture du service.", True),
    ("Bei uns wird jede Anfrage ernst genommen, gelebte Servicekultur seit Tag eins.", True),
    ("Every client is taken seriously: a real service culture.", True),
    ("Unlike the big firms, we run every project as if it were our own.", True),
    ("Wir behandeln Ihr Projekt, als wäre es unser eigenes.", True),
    ("Nous traitons chaque dossier comme si c'était le nôtre.", True),
    # near miss: a mechanism every item goes through stays concrete
    ("Reliable: every pallet is scanned at the dock before it leaves.", False),
])
def test_a_measured_contract_is_concrete_and_devotion_is_self_praise(difference, generic):
    assert (_said("differentiator", difference) == ("differentiator-generic",)) is generic


def test_committing_to_something_in_a_contract_is_not_praising_ourselves():
    from prospector.coach.substance import self_praise  # noqa: PLC0415 - only this test needs it

    assert self_praise("Votre fournisseur actuel ne s'engage sur aucun délai.") is None
    assert self_praise("Une équipe engagée à vos côtés.") == "engagée"


@pytest.mark.parametrize(("response", "rule"), [
    # a response that only proposes a date asks the client nothing
    ("Verstehe, gerade ist viel los. Passt euch der 9. Februar um 14 Uhr?",
     "objection-response-no-question"),
    ("Je comprends. On se cale le jeudi 12 à 9 h, ça vous irait ?",
     "objection-response-no-question"),
    ("Totally understand. Does Tuesday the 9th at 10am work for you?",
     "objection-response-no-question"),
    # their contentment put down to not knowing better, our superiority claimed, a price that
    # lists what it includes: all argue
    ("Most teams are only happy because they have never compared. What do you pay per load?",
     "objection-response-argues"),
    ("La plupart ne sont satisfaits que parce qu'ils n'ont jamais comparé. Combien payez-vous par "
     "palette ?", "objection-response-argues"),
    ("Viele sind nur zufrieden, weil ihnen der Vergleich fehlt. Was zahlen Sie je Palette?",
     "objection-response-argues"),
    ("Wir sind im Schnitt deutlich günstiger. Was zahlen Sie heute?",
     "objection-response-argues"),
    ("Notre abonnement comprend la formation, l'hébergement, les mises à jour et le support. "
     "Qu'est-ce qui vous semble cher ?", "objection-response-argues"),
    ("Our subscription includes training, hosting, updates and support. What feels expensive?",
     "objection-response-argues"),
    # the objection quoted first: the response is what follows it
    ("Objection: “We already have a vendor.” – Response: “Actually, most of our clients did "
     "too.”", "objection-response-argues"),
])
def test_the_fourteenth_set_s_responses_are_read_in_other_words_too(response, rule):
    assert rule in _said("objection_response", response, says="Zu teuer.")


@pytest.mark.parametrize("response", [
    # near misses: a clock time that asks about them, a concession, and an objection quoted
    # first that speaks of the client's own team and tools
    "Verstehe. Was passiert bei euch am 14. um 10 Uhr, wenn die Schicht wechselt?",
    # asking what they think of something, or whether a way of paying suits them, is a question
    "Verstehe. Was halten Sie von einer Abrechnung je Palette statt je Stellplatz?",
    "Je comprends. Un paiement en trois fois vous conviendrait-il mieux ?",
    "Understood. Would Monday's delivery window work for your drivers?",
    "Wir sind nicht die Günstigsten. Womit vergleichen Sie gerade?",
    "We are not the cheapest, fair. What are you comparing against?",
    "Objection: “We have our own team and our own tools, we do it ourselves.” – Response: “Makes "
    "sense. What does your team spend most of its week on?”",
    "Einwand: „Wir haben unser eigenes Team und unsere eigene Software.“ – Antwort: „Verstehe. "
    "Woran arbeitet Ihr Team gerade am meisten?“",
])
def test_a_response_that_asks_about_them_neither_argues_nor_asks_only_for_a_meeting(response):
    assert _said("objection_response", response, says="Zu teuer.") == ()


@pytest.mark.parametrize(("question", "about_us"), [
    # what they took from our presentation, how well they know what a company named does
    ("Qu'avez-vous pensé de notre intervention au congrès ?", True),
    ("Was ist Ihnen von unserem Vortrag in Hannover in Erinnerung geblieben?", True),
    ("What stuck with you from our keynote in Lyon?", True),
    ("How familiar is your team with what Kestrel sells to hospitals?", True),
    ("Wie vertraut sind Sie mit dem, was Kestrel für Kliniken macht?", True),
    ("Connaissez-vous ce que fait Kestrel pour les hôpitaux ?", True),
    # near misses: what their own people do
    ("How familiar are you with what your night shift does when a line stops?", False),
    ("Wie vertraut ist Ihr Team mit dem, was die Leitstelle nachts macht?", False),
    ("Dans quelle mesure connaissez-vous ce que fait votre équipe de nuit quand une ligne "
     "s'arrête ?", False),
])
def test_a_question_about_our_presentation_or_what_a_company_does_is_about_us(question,
                                                                               about_us):
    assert ("question-about-us" in _said("question", question)) is about_us
