"""The coach in German, French and Spanish: every finding worded in the plan's language (the
``coach`` gettext catalogs of prospector/locale/), none left in English."""

import json
import re
from datetime import date
from pathlib import Path

import pytest
from babel.messages.extract import extract
from babel.messages.pofile import read_po
from pypdf import PdfReader

from prospector.cli import main
from prospector.coach import RULES, review
from prospector.coach.actuals_rules import ACTUALS_RULES
from prospector.coach.language import detect
from prospector.coach.report import review_text
from prospector.coach.wording import LOCALE_DIR, translations
from prospector.model import Plan

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("de", "fr")  # the languages the coach also reads texts in
CATALOGS = ("de", "fr", "es")  # the languages its findings are worded in
# The markers babel.cfg extracts the coach's catalog with.
KEYWORDS = {"T_": None, "TN_": (1, 2), "say": None, "say_n": (1, 2), "worded": (2,),
            "worded_n": (2, 3), "Section": (2,)}
RULES_TITLES = {rule.id: rule.title for rule in RULES}
_PLACEHOLDERS = re.compile(r"\{\{\w+\}\}|(?<!\{)\{\w*(?::[^{}]*)?\}(?!\})")


def _catalog(language: str):
    with open(LOCALE_DIR / language / "LC_MESSAGES" / "coach.po", "rb") as po:
        return read_po(po)


def _placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDERS.findall(text))


def _marked_in_code() -> set[str]:
    """Every text the code marks for the coach's catalog (as ``pybabel extract`` finds them)."""
    found: set[str] = set()
    coach = REPO / "prospector" / "coach"
    for path in [*coach.glob("*.py"), REPO / "prospector" / "sections.py",
                 REPO / "prospector" / "review" / "coach.py"]:
        with open(path, "rb") as source:
            for _, message, _, _ in extract("python", source, keywords=KEYWORDS):
                found.add(message[0] if isinstance(message, tuple) else message)
    return found


@pytest.mark.parametrize("language", CATALOGS)
def test_every_coach_text_is_worded_with_its_placeholders(language):
    catalog = _catalog(language)
    marked = _marked_in_code()
    rule_texts = {text for rule in (*RULES, *ACTUALS_RULES)
                  for text in (rule.title, rule.why, rule.fix)}
    ids = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog if m.id}
    assert marked - ids == set() and rule_texts - ids == set()
    compiled = translations(language)
    for message in catalog:
        if not message.id:
            continue
        ids_ = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{language}: no wording for {ids_[0]!r}"
        # a singular may name its one thing ("once", "eine Woche"): the plural keeps them all
        assert _placeholders(strings[0]) <= _placeholders(ids_[0]), strings[0]
        for string in strings[1:]:
            assert _placeholders(string) == _placeholders(ids_[-1]), string
        if not isinstance(message.id, tuple):
            assert compiled.gettext(message.id) == message.string  # the .mo is compiled from it


def _plan(language: str) -> Plan:
    text = (DATA / f"coach_plan_{language}.json").read_text("utf-8")
    return Plan.model_validate(json.loads(text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_plan_reviewed_in_its_language_reads_in_it_from_every_check(language):
    plan = _plan(language)
    assert plan.basics.language == language
    local, english = review(plan), review(plan, language="en")  # the plan's own, then English
    assert [f.rule_id for f in local.findings] == [f.rule_id for f in english.findings]
    sections = {f.section for f in local.findings}
    assert {"basics", "accounts", "touches", "differentiators", "objections", "cadences",
            "accountability"} <= sections
    for mine, theirs in zip(local.findings, english.findings, strict=True):
        assert mine.message != theirs.message and mine.why != theirs.why, mine.rule_id
        assert mine.fix != theirs.fix, mine.rule_id
        assert detect(mine.why + " " + mine.fix) == language, mine.rule_id
    assert local.verdict != english.verdict
    assert all(h.title != RULES_TITLES[h.rule_id] for h in local.raise_score_hints)


def test_the_german_review_reads_as_a_german_sales_leader_would_write_it():
    plan = _plan("de")
    text = review_text(review(plan), plan)
    for line in (
            "„A-Kunden Frühjahr“ bittet nie um einen Termin (2 Schritte, keine Terminanfrage).",
            "Alle 5 Zielkunden sind A-Kunden: Wenn jeder ein Traumkunde ist, ist es keiner.",
            "„A-Kunden Frühjahr“ ist nach 1 Tag vorbei.",
            "„Kurz nachhaken“ verkauft mit „Marktführer“.",
            "Kein Verkäufer ist für Lindner Fördertechnik verantwortlich."):
        assert line in text
    assert re.search(r"\. [0-9]+ Blocker, [0-9]+ Warnungen, [0-9]+ Tipps\.\n", text)
    assert "„Kurz nachhaken“ handelt von uns („Broschüre“)" in text  # quoted as written
    assert "Warum: " in text
    assert not re.search(r"\b(?:Why|Fix|blockers?|warnings?|tips?|the|and)\b", text)


def test_the_french_review_keeps_french_typography_and_plurals():
    plan = _plan("fr")
    text = review_text(review(plan), plan)
    nbsp = "\u00a0"
    for line in (
            f"«{nbsp}Comptes A printemps{nbsp}» ne demande jamais de rendez-vous (2 étapes, "
            "aucune demande).",
            f"«{nbsp}Comptes A printemps{nbsp}» est terminée en 1 jour.",
            f"«{nbsp}Relance{nbsp}» vend avec «{nbsp}leader du marché{nbsp}».",
            "Aucun commercial n'est responsable de Fonderie Marchal."):
        assert line in text
    assert f"Pourquoi{nbsp}: " in text and "points bloquants" in text
    assert not re.search(r"\b(?:Why|Fix|blockers?|warnings?|tips?|the|and)\b", text)


def test_a_spanish_plan_s_review_reads_as_a_spanish_sales_leader_would_write_it():
    """Spanish findings, "tú" and the playbook's words ("impactos", "cuentas clave"), though the
    coach reads Spanish texts with its English phrase lists."""
    plan = _plan("es")
    assert plan.basics.language == "es"
    local, english = review(plan), review(plan, language="en")
    assert local.language == "es"
    for mine, theirs in zip(local.findings, english.findings, strict=True):
        assert mine.message != theirs.message and mine.why != theirs.why, mine.rule_id
        assert mine.fix != theirs.fix, mine.rule_id
    text = review_text(local, plan)
    assert text.startswith("Revisión del coach de «Nuevos clientes España, S1 2027»\n")
    for line in (
            "«Cuentas A primavera» nunca pide una reunión (2 pasos, ninguna petición).",
            "«Cuentas A primavera» vuelve a enviar «Seguimiento» al cabo de 1 día (días 1 y 2).",
            "Las 5 cuentas son de nivel A: cuando todas son cuentas clave, ninguna lo es.",
            "Ningún comercial es responsable de Transportadores Lemos.",
            "Solución: Asigna la cuenta a un solo comercial."):
        assert line in " ".join(text.split()), line
    assert re.search(r"\. 2 bloqueos, [0-9]+ advertencias, [0-9]+ consejos\.\n", text)
    assert "Por qué: " in text and re.search(r"\n  1\. \+[0-9]+ puntos – cadencia que nunca", text)
    assert "\n  4. +1 punto – el objetivo no tiene cifra" in text
    words = re.sub(r"\([a-z]+(?:-[a-z]+)+\)", "", text)  # without the rules' ids
    assert not re.search(r"\b(?:Why|Fix|blockers?|warnings?|tips?|touch(?:es)?|the|and)\b", words)


def test_a_language_the_coach_has_no_wording_for_reads_english():
    plan = _plan("de")
    italian = review(plan, language="it")
    assert italian.language == "en"  # its figures formatted as English too ("14%")
    assert [f.message for f in italian.findings] == [
        f.message for f in review(plan, language="en").findings]


def test_check_prints_the_findings_in_the_plan_s_language_or_the_one_asked_for(capsys):
    plan = str(DATA / "coach_plan_fr.json")
    assert main(["check", plan]) == 0
    assert capsys.readouterr().out.startswith(
        "Revue du coach pour «\u00a0Nouveaux clients France, S1 2027\u00a0»")
    assert main(["check", plan, "--language", "de", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["language"] == "de" and document["verdict"].startswith("nicht bereit")
    assert main(["check", plan, "--language", "xx"]) == 2
    assert "choose one of en, de, es, fr" in capsys.readouterr().err


def test_the_coach_on_a_rep_s_actuals_speaks_the_language_asked_for():
    from prospector.coach import THRESHOLDS  # noqa: PLC0415 - only this test
    from prospector.review.coach import RepWeeks, coach_rep  # noqa: PLC0415
    from prospector.review.result import ColdAccount  # noqa: PLC0415

    rep = RepWeeks("rep-1", "Jana Vogt", window_weeks=4, window_touches=1204, window_meetings=0,
                   planned_to_date=300, logged_to_date=40,
                   cold=(ColdAccount("acc-1", "Brenner Antriebe GmbH", ("Jana Vogt",), None),),
                   unqualified=("Keller Präzisionsteile", "Maurer Gießerei"))
    assert THRESHOLDS.cold_weeks == 3  # the message names it in words
    english = coach_rep(rep, THRESHOLDS)
    german = coach_rep(rep, THRESHOLDS, "de")
    assert [f.rule_id for f in german] == [f.rule_id for f in english] and len(german) == 4
    assert [f.message for f in german] == [
        "1.204 Touches, kein Ersttermin in vier Wochen: Schauen Sie auf den Nutzen der Touches, "
        "nicht auf ihre Zahl.",
        "Ein Traumkunde seit drei Wochen ohne Touch: Brenner Antriebe GmbH.",
        "40 Touches erfasst von den 300, die der Plan bisher vorsah (13\u00a0%): weit "
        "hinter dem Tempo der Kadenz.",
        f"Zwei Verkaufschancen diese Woche angelegt, ohne erfassten Termin in den "
        f"{THRESHOLDS.opportunity_meeting_days} Tagen davor (Keller Präzisionsteile, Maurer "
        "Gießerei): Prüfen Sie sie gegen die Qualifizierungskriterien des Plans."]
    assert all(detect(f.why + " " + f.fix) == "de" for f in german)
    assert english[0].message.startswith("1,204 touches, no first meeting in four weeks")


@pytest.mark.parametrize(("language", "says"), [
    ("de", ["Schicken Sie mir erst mal Unterlagen.", "Wir sind mit unserem Dienstleister sehr "
            "zufrieden.", "Dafür haben wir kein Budget.", "Nicht jetzt, melden Sie sich im "
            "Herbst.", "Schreiben Sie mir einfach eine E-Mail."]),
    ("fr", ["Envoyez-moi d'abord une documentation.", "Nous avons déjà un prestataire.",
            "Pas de budget cette année.", "Pas maintenant, rappelez-moi l'année prochaine.",
            "Écrivez-moi plutôt un e-mail."]),
])
def test_a_german_or_french_library_answering_every_reflex_is_told_so(language, says):
    plan = _plan(language)
    objections = [{"id": f"obj-{n}", "says": text, "response": ""} for n, text in enumerate(says)]
    complete = Plan.model_validate({**plan.model_dump(mode="json"), "objections": objections})
    partial = Plan.model_validate({**plan.model_dump(mode="json"), "objections": objections[1:]})
    assert "objections-reflexes-missing" not in {f.rule_id for f in review(complete).findings}
    (missing,) = [f for f in review(partial).findings
                  if f.rule_id == "objections-reflexes-missing"]
    assert missing.message == {
        "de": "Die Bibliothek hat keine Antwort auf „schicken Sie mir Unterlagen“: Jede "
              "Akquisekampagne trifft darauf.",
        "fr": "La bibliothèque n'a pas de réponse à «\u00a0envoyez-moi de la documentation"
              "\u00a0»\u00a0: toute campagne de prospection la rencontre."}[language]


def test_a_text_too_short_to_tell_its_language_is_read_in_the_plan_s():
    """"Relancer" has no word that tells its language: in a French plan it is French."""
    french = _plan("fr")
    english = Plan.model_validate(
        {**french.model_dump(mode="json"), "basics": {**french.basics.model_dump(mode="json"),
                                                      "language": "en"}})

    def objectives(plan: Plan) -> str:
        (found,) = [f for f in review(plan, language="en").findings
                    if f.rule_id == "cadence-step-empty-phrase"]
        return found.message

    assert objectives(french) == ("In “Comptes A printemps”, the objective on days 1 and 2 is "
                                  "“Relancer”.")
    assert objectives(english) == ("In “Comptes A printemps”, the objective on day 2 is “Faire un "
                                   "point”.")


def test_the_weekly_review_sheet_gives_the_coach_s_findings_in_its_language(tmp_path):
    from prospector.playbook.review_sheet import render_review_pdf  # noqa: PLC0415
    from tests.review_plans import busy_without_meetings  # noqa: PLC0415

    german = busy_without_meetings("de")
    render_review_pdf(german, tmp_path / "review.pdf", week="2027-W05", today=date(2027, 2, 8))
    text = " ".join(PdfReader(tmp_path / "review.pdf").pages[0].extract_text().split())
    assert "75 Touches, kein Ersttermin in drei Wochen" in text


def test_review_prints_the_coach_on_actuals_in_the_plan_s_language_or_the_one_asked_for(
        tmp_path, capsys):
    from prospector.planfile import write_plan_file  # noqa: PLC0415 - only this test
    from tests.review_plans import busy_without_meetings  # noqa: PLC0415

    spanish = busy_without_meetings("es")
    write_plan_file(spanish, tmp_path / "plan.json")
    path = str(tmp_path / "plan.json")
    assert main(["review", path, "--week", "2027-W05"]) == 0
    assert ("Coach: 75 impactos, ninguna primera reunión en tres semanas: mira el valor de los "
            "impactos, no su número.") in capsys.readouterr().out
    assert main(["review", path, "--week", "2027-W05", "--language", "de"]) == 0
    assert "Coach: 75 Touches, kein Ersttermin in drei Wochen" in capsys.readouterr().out
    assert main(["review", path, "--week", "2027-W05", "--language", "xx"]) == 2
    assert "choose one of en, de, es, fr" in capsys.readouterr().err
