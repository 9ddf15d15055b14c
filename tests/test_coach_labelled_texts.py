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
    assert {item["set"] for item in ITEMS} == {"first", "second", "third", "fourth", "fifth"}


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


def test_the_set_never_used_to_change_the_detectors_reads_at_least_as_well_as_at_first_look():
    """The fifth set was written last and measured once; it is kept out of the tuning, so a
    change that reads it worse is a change that generalises worse."""
    from prospector.coach.docs import FIRST_LOOKS  # noqa: PLC0415 - only this test needs it

    (_, texts, precision, recall), = [look for look in FIRST_LOOKS if look[0] == "fifth"]
    _, scores = evaluate(item for item in ITEMS if item["set"] == "fifth")
    assert scores["all"].texts == texts
    assert scores["all"].precision >= precision - 0.005 and scores["all"].recall >= recall - 0.005


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
    worse. The twelfth set is the newest such measure (docs/coach-rules.md)."""
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
