"""Each edition prints in its reader's language: a rep's in the rep's (else the plan's), the
leader's in the plan's, and ``--language`` overrides both (schema 8)."""

from __future__ import annotations

import re

import pytest

from prospector.errors import PlanFileError
from prospector.model import Plan, PlanBasics, Rep, TargetAccount
from prospector.planfile import plan_from_document
from prospector.playbook.render import render_playbook_html


def _lang(html: str) -> str:
    found = re.search(r'<html[^>]* lang="([^"]+)"', html)
    assert found
    return found.group(1)


@pytest.fixture(scope="module")
def team() -> Plan:
    """A German plan: Lea reads French, Jonas has no language of his own."""
    accounts = [TargetAccount(id=f"acc-{i}", name=f"Konto {i}", tier="A") for i in range(2)]
    return Plan(name="DACH", basics=PlanBasics(language="de"), accounts=accounts,
                reps=[Rep(name="Lea Martin", language="fr", account_ids=["acc-0"]),
                      Rep(name="Jonas Albrecht", account_ids=["acc-1"])])


def test_a_rep_reads_their_own_language_else_the_plans_and_the_leader_the_plans(team):
    assert _lang(render_playbook_html(team, rep_name="Lea Martin")) == "fr"
    assert _lang(render_playbook_html(team, rep_name="Jonas Albrecht")) == "de"
    leader = render_playbook_html(team)
    assert _lang(leader) == "de" and "Inhalt" in leader


def test_the_language_asked_for_overrides_the_reps_and_the_plans(team):
    html = render_playbook_html(team, rep_name="Lea Martin", language="en")
    assert _lang(html) == "en" and "Contents" in html


def test_a_version_7_plan_prints_in_english(sample_doc):
    doc = {**sample_doc, "schema_version": 7,
           "basics": {k: v for k, v in sample_doc["basics"].items() if k != "language"},
           "reps": [{k: v for k, v in r.items() if k != "language"} for r in sample_doc["reps"]]}
    repairs: list[str] = []
    plan = plan_from_document(doc, "v7.json", repairs)
    assert repairs == [] and plan.basics.language == "en"
    assert {r.language for r in plan.reps} == {""}


def test_a_language_the_playbook_does_not_print_is_refused_with_its_field(sample_doc):
    doc = {**sample_doc, "reps": [{**sample_doc["reps"][0], "language": "it"}]}
    with pytest.raises(PlanFileError, match=r"reps\[0\].*language"):
        plan_from_document(doc, "it.json")
