"""The playbook's sales conversations: objections, discovery questions, what counts as an
opportunity and the call cards. Mostly on the context (pure), a few on the HTML and the PDF."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pypdf import PdfReader

from prospector.model import (
    Contact,
    Criterion,
    DiscoveryQuestion,
    Objection,
    Persona,
    Plan,
    Qualification,
    Rep,
    TargetAccount,
)
from prospector.planfile import read_plan_file
from prospector.playbook import build_context, render_playbook_html, render_playbook_pdf
from prospector.playbook.call_cards import CARD_MARK, _height, _Text, fit_card, handle
from prospector.playbook.limits import CARD_HEIGHT, CARD_TEXTS, Cut
from prospector.resources import sample_plan_path

TODAY = date(2027, 1, 4)
CONVERSATION_CHAPTERS = {"objections", "questions", "call_cards", "qualification"}


@pytest.fixture(scope="module")
def sample() -> Plan:
    return read_plan_file(sample_plan_path())


def _says(ctx: dict) -> list[str]:
    return [o["says"] for o in ctx["objections"]]


def _questions(ctx: dict) -> set[str]:
    return {q["question"] for g in ctx["question_groups"] for p in g["personas"]
            for q in p["questions"]}


def _rep_personas(plan: Plan, rep: Rep) -> set[str]:
    accounts = [plan.account(aid) for aid in rep.account_ids]
    return {c.persona_id for a in accounts if a for c in a.contacts if c.persona_id}


# --- who sees what ---------------------------------------------------------------------------
def test_the_leader_sees_every_objection_and_question(sample):
    ctx = build_context(sample, today=TODAY)
    assert _says(ctx) == [o.says for o in sample.objections]
    assert _questions(ctx) == {q.question for q in sample.questions}
    assert CONVERSATION_CHAPTERS <= {c.id for c in ctx["sections"]}


def test_a_rep_sees_the_objections_and_questions_of_their_personas_and_the_general_ones(sample):
    rep = next(r for r in sample.reps if r.name == "Bram Claessens")
    mine = _rep_personas(sample, rep)
    assert mine and mine != {p.id for p in sample.personas}  # the sample's test case
    ctx = build_context(sample, rep_name=rep.name, start=date(2027, 1, 11), today=TODAY)
    expected_objections = [o.says for o in sample.objections
                           if not o.persona_ids or mine & set(o.persona_ids)]
    expected_questions = {q.question for q in sample.questions
                          if not q.persona_ids or mine & set(q.persona_ids)}
    assert _says(ctx) == expected_objections
    assert _questions(ctx) == expected_questions
    left_out = {q.question for q in sample.questions} - expected_questions
    assert left_out  # another persona's questions are not in this rep's edition
    assert any(not q.persona_ids for q in sample.questions
               if q.question in _questions(ctx))  # the general ones are
    personas = {role for g in ctx["question_groups"] for p in g["personas"]
                for role in p["persona"].split(" · ")}  # a question for two: under both
    assert personas <= {sample.persona(pid).role for pid in mine} | {"Any persona"}
    assert {c["id"] for c in ctx["call_cards"]} == mine


def test_a_rep_whose_accounts_name_no_persona_sees_everything(sample):
    plan = sample.model_copy(deep=True)
    account = TargetAccount(name="No contacts AG", tier="A")
    plan.accounts.append(account)
    plan.reps.append(Rep(name="Nora New", account_ids=[account.id]))
    ctx = build_context(plan, rep_name="Nora New", start=date(2027, 1, 11), today=TODAY)
    assert _says(ctx) == [o.says for o in plan.objections]
    assert len(ctx["call_cards"]) == len(plan.personas)


def test_questions_are_grouped_by_stage_in_the_order_conversations_happen(sample):
    ctx = build_context(sample, today=TODAY)
    assert [g["stage"] for g in ctx["question_groups"]] == ["First call", "First meeting"]
    first_meeting = ctx["question_groups"][1]["personas"]
    assert first_meeting[-1]["persona"] == "Any persona"  # questions for everyone come last
    coo = next(p for p in first_meeting if p["persona"] == "COO / VP Operations")
    assert all(q["why"] and q["good_answer"] for q in coo["questions"])


# --- the objection library ---------------------------------------------------------------------
def test_an_objection_linked_to_a_differentiator_refers_to_that_proof(sample):
    """The proof is printed once, on the differentiator's card; the objection names it and
    links to its page."""
    linked = next(o for o in sample.objections if o.differentiator_id)
    diff = sample.differentiator(linked.differentiator_id)
    ctx = build_context(sample, today=TODAY)
    printed = next(o for o in ctx["objections"] if o["says"] == linked.says)
    assert printed["proof"] == "" and printed["proof_of"] == handle(diff.difference)
    assert printed["proof_ref"] == f"#diff-{diff.id}"
    own = next(o for o in sample.objections if not o.differentiator_id and o.proof)
    assert next(o for o in ctx["objections"] if o["says"] == own.says)["proof"] == own.proof
    html = render_playbook_html(sample, today=TODAY)
    chapter = html[html.index('id="sec-objections"'):html.index('id="sec-questions"')]
    assert _escaped(diff.proof) not in chapter and _escaped(linked.says) in chapter
    assert f'href="#diff-{diff.id}"' in chapter and f'id="diff-{diff.id}"' in html
    assert html.count(_escaped(diff.proof)) == 1


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("'", "&#39;").replace('"', "&#34;")


# --- what counts as an opportunity -------------------------------------------------------------
def test_the_targets_that_create_opportunities_name_the_criteria(sample):
    html = render_playbook_html(sample, today=TODAY)
    accountability = html[html.index('id="sec-accountability"'):]
    names = [c.name for c in sample.qualification.criteria]
    assert "Pain, Impact, Timeline and Authority" == ", ".join(names[:-1]) + " and " + names[-1]
    assert "Pain, Impact, Timeline and Authority" in accountability
    assert "“What counts as an opportunity”" in accountability
    assert 'href="#opportunity-criteria"' in accountability
    rep = render_playbook_html(sample, rep_name=sample.reps[0].name, today=TODAY)
    assert "Pain, Impact, Timeline and Authority" in rep[rep.index('id="sec-targets"'):]


def test_the_qualification_chapter_has_the_framework_criteria_and_notes(sample):
    q = build_context(sample, today=TODAY)["qualification"]
    assert q["framework"] == "Pain, impact, timeline, authority"
    assert [c["name"] for c in q["criteria"]] == ["Pain", "Impact", "Timeline", "Authority"]
    assert all(c["must_show"] for c in q["criteria"]) and q["notes"]


def test_a_plan_without_conversations_prints_no_empty_chapter(sample):
    plan = sample.model_copy(update={"objections": [], "questions": [],
                                     "qualification": Qualification()})
    for rep in (None, plan.reps[0].name):
        ctx = build_context(plan, rep_name=rep, start=date(2027, 1, 11), today=TODAY)
        assert not CONVERSATION_CHAPTERS & {c.id for c in ctx["sections"]}
        html = render_playbook_html(plan, rep_name=rep, start=date(2027, 1, 11), today=TODAY)
        for chapter in CONVERSATION_CHAPTERS:
            assert f'id="sec-{chapter}"' not in html
        assert "Objection" not in html and "Call card" not in html
        assert "not defined yet" in html  # the targets say the definition is missing


def test_only_objections_print_their_chapter_and_cards_without_empty_headings(sample):
    plan = sample.model_copy(update={"questions": [], "qualification": Qualification()})
    ctx = build_context(plan, today=TODAY)
    assert {c.id for c in ctx["sections"]} & CONVERSATION_CHAPTERS == {"objections",
                                                                       "call_cards"}
    assert all(card["questions"] == [] for card in ctx["call_cards"])
    html = render_playbook_html(plan, today=TODAY)
    assert "No discovery questions for this persona yet." in html
    assert 'class="stage-head"' not in html


# --- call cards --------------------------------------------------------------------------------
def test_one_call_card_per_persona_with_its_likeliest_questions_and_objections(sample):
    cards = build_context(sample, today=TODAY)["call_cards"]
    assert [c["role"] for c in cards] == [p.role for p in sample.personas]
    for card in cards:
        assert len(card["questions"]) == 3 and len(card["objections"]) == 3
        assert (card["opening"] or card["opening_ref"]) and card["ask"]["text"]
        assert card["differentiator"]
    coo = cards[0]
    # the COO's own first-call question first, then their first-meeting ones: named by their
    # first words, with the page of the questions chapter that prints them
    first = sample.questions[0]
    assert coo["questions"][0] == {"text": handle(first.question), "ref": f"#q-{first.id}"}
    assert handle(first.question) != first.question and len(handle(first.question).split()) == 5
    it = next(c for c in cards if c["role"].startswith("Head of IT/OT"))
    objection = next(o for o in sample.objections if o.persona_ids[:1] == ["per-04"])
    assert it["objections"][0]["says"] == handle(objection.says)  # their own objection first
    assert it["objections"][0]["ref"] == f"#obj-{objection.id}"
    # the differentiator their objections lean on (its proof: a page), and (no phone touch for
    # them) their first touch, whose card in the touches chapter the card refers to
    diff = sample.differentiator(objection.differentiator_id)
    assert it["differentiator"] == {"difference": diff.difference, "ref": f"#diff-{diff.id}"}
    first_touch = next(t for t in sample.touches if "per-04" in t.persona_ids)
    assert it["opening_ref"] == f"#touch-{first_touch.id}" and it["opening"] == ""
    number, ask = next((n, s) for n, s in enumerate(sample.cadences[0].ordered_steps(), 1)
                       if s.is_ask)
    # the close refers to what the rep says: the ask's script in the touches chapter
    assert all(c["ask"] == {"text": handle(sample.touch(ask.touch_id).title, 4),
                            "where": f"step {number} of {sample.cadences[0].name}",
                            "ref": f"#touch-{ask.touch_id}"} for c in cards)


def test_a_card_opens_with_its_phone_touchs_script_by_page_or_in_full_if_not_printed(sample):
    """The script is printed once, in the touches chapter: the card names the touch and its page.
    A touch the edition does not print (not in the rep's cadences) is on the card in full."""
    card = build_context(sample, today=TODAY)["call_cards"][0]
    phone = next(t for t in sample.touches if t.channel.value == "phone"
                 and "per-01" in t.persona_ids)
    assert card["opening_ref"] == f"#touch-{phone.id}" and card["opening"] == ""
    assert card["opening_from"] == phone.title
    plan = sample.model_copy(update={"cadences": []})  # no cadence: no touch in a rep's edition
    rep_card = build_context(plan, rep_name=plan.reps[0].name, today=TODAY)["call_cards"][0]
    assert rep_card["opening_ref"] == ""
    assert rep_card["opening"] == " ".join(phone.message.split("\n\n")[0].split())


def test_long_texts_are_cut_to_fit_the_card_with_a_marker():
    persona = Persona(role="Buyer " * 30, cares_about=["Uptime " * 40] * 6)
    plan = Plan(name="Long", personas=[persona],
                objections=[Objection(says="No. " * 45, response="Well, " * 900,
                                      persona_ids=[persona.id]) for _ in range(4)],
                questions=[DiscoveryQuestion(question="Why " * 45) for _ in range(4)],
                qualification=Qualification(criteria=[Criterion(name="Pain")]))
    card = build_context(plan, today=TODAY)["call_cards"][0]
    assert len(card["objections"]) == 3 and len(card["questions"]) == 3
    for text in (card["title"], card["cares_about"]):
        assert isinstance(text, Cut) and CARD_MARK in text.__html__()
    # what is printed in full elsewhere is named by its first words and its page
    assert all(o["says"] == "No. No. No. No. No…" and "response" not in o
               for o in card["objections"])
    assert all(q["text"] == "Why Why Why Why Why…" for q in card["questions"])
    assert card["cut_from"]  # the chapter's first page says where the full texts are


def test_a_card_of_every_text_at_its_longest_stays_within_the_page():
    texts = [_Text(kind, "Wide words " * 600, "") for kind in CARD_TEXTS]
    texts += [_Text(kind, "全角文字" * 900, "") for kind in ("question", "says", "response") * 2]
    fit_card(texts)
    assert _height(texts) <= CARD_HEIGHT
    assert all(t.room >= CARD_TEXTS[t.kind][2] for t in texts)


def test_a_short_card_is_not_cut(sample):
    cards = build_context(sample, today=TODAY)["call_cards"]
    assert not any(card["cut_from"] for card in cards)


# --- the PDF -----------------------------------------------------------------------------------
def _pages(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def _card_pages(pages: list[str]) -> list[int]:
    return [i for i, text in enumerate(pages) if re.search(r"^CALL CARD$", text, re.M)]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_each_call_card_is_one_page_with_its_questions_and_objections(sample, sample_leader_pdf):
    pages = _pages(sample_leader_pdf[0].path)  # the sample's leader edition, printed on TODAY
    cards = build_context(sample, today=TODAY)["call_cards"]
    at = _card_pages(pages)
    assert len(at) == len(cards) and at == list(range(at[0], at[0] + len(cards)))
    after = _flat(pages[at[-1] + 1])
    assert "Campaign cadence" in after  # the next chapter, not a card's rest
    for page, card in zip(at, cards, strict=True):
        text = _flat(pages[page])
        assert card["role"] in text
        for question in card["questions"]:
            assert _flat(question["text"]) in text
        for objection in card["objections"]:
            assert _flat(objection["says"]) in text
    everything = " ".join(_flat(p) for p in pages)
    linked = next(o for o in sample.objections if o.differentiator_id)
    assert everything.count(_flat(sample.differentiator(linked.differentiator_id).proof)) == 1


def test_how_to_use_a_card_is_on_the_first_cards_page(sample, sample_leader_pdf, sample_rep_pdf):
    """The cards each start a page: "How to use a card" heads the first card's page, so it is
    not left alone on a nearly empty page between the chapter's index and the cards."""
    rep = sample_rep_pdf[1]
    for result, rep_name in ((sample_leader_pdf[0], None), (sample_rep_pdf[0], rep.name)):
        first = build_context(sample, rep_name=rep_name, today=TODAY)["call_cards"][0]
        pages = _pages(result.path)
        page = next(_flat(p) for p in pages if "HOW TO USE A CARD" in p.upper())
        assert re.search(r"CALL CARD\b", page.upper()) and first["role"] in page, result.path.name


def test_cards_of_long_texts_on_letter_paper_are_still_one_page_each(sample, tmp_path):
    plan = sample.model_copy(deep=True)
    plan.basics.page_size = "Letter"
    accounts = plan.accounts[:3]
    plan = plan.model_copy(update={"accounts": accounts, "reps": [
        Rep(name="Lee", account_ids=[a.id for a in accounts])]})
    long = "Downtime maintenance WWW benchmark Wednesday measurement throughput " * 9
    for persona in plan.personas:
        persona.role = long[:200]
        persona.cares_about = [long[:300]] * 5
    for touch in plan.touches:
        touch.message, touch.value = long, long
    for objection in plan.objections:
        objection.says, objection.response = long[:200], long
    for question in plan.questions:
        question.question = long[:200]
    for diff in plan.differentiators:
        diff.difference, diff.proof = long[:200], long
    for account in plan.accounts:  # the rep's accounts name one persona
        account.contacts = [Contact(name="Ann", persona_id=plan.personas[0].id)]
    out = tmp_path / "leader.pdf"
    render_playbook_pdf(plan, out, today=TODAY)
    pages = _pages(out)
    at = _card_pages(pages)
    assert len(at) == len(plan.personas) and at == list(range(at[0], at[0] + len(at)))
    assert "Campaign cadence" in _flat(pages[at[-1] + 1])
    assert "[…]" in _flat(pages[at[0]])  # cut to fit, visibly
    rep_cards = build_context(plan, rep_name="Lee", today=TODAY)["call_cards"]
    assert [c["id"] for c in rep_cards] == [plan.personas[0].id]  # the rep's one persona


def test_a_row_left_as_add_made_it_prints_nothing(sample):
    plan = sample.model_copy(update={"personas": [*sample.personas,
                                                  Persona(id="per-new", role="New persona")]})
    html = render_playbook_html(plan, today=TODAY)
    assert "New persona" not in html
    cards = build_context(plan, today=TODAY)["call_cards"]
    assert len(cards) == len(sample.personas)


def test_a_call_card_prints_what_the_coach_has_nothing_against_first(sample):
    persona = sample.personas[0]
    closed = DiscoveryQuestion(id="qst-closed", question="Are you happy with your supplier?",
                               persona_ids=[persona.id], stage="first_call")
    plan = sample.model_copy(update={"questions": [closed, *sample.questions]})
    card = next(c for c in build_context(plan, today=TODAY)["call_cards"]
                if c["id"] == persona.id)
    assert "Are you happy with your supplier?" not in card["questions"]
    assert len(card["questions"]) == 3
