"""The playbook's sales conversations: objections, discovery questions, what counts as an
opportunity and the call cards. Mostly on the context (pure), a few on the HTML and the PDF."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest
from pypdf import PdfReader

from prospector.model import (
    CadenceStep,
    Channel,
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
from prospector.playbook.call_cards import (
    CARD_MARK,
    _height,
    _ref_line,
    _Text,
    fit_card,
    handle,
)
from prospector.playbook.limits import CARD_PAGES, CARD_TEXTS, Cut
from prospector.resources import sample_plan_path
from prospector.wording import unbroken_amounts
from tests.test_playbook_typeset import call_log_rows

TODAY = date(2027, 1, 4)
CONVERSATION_CHAPTERS = {"objections", "questions", "call_cards", "qualification"}


@pytest.fixture(scope="module")
def sample() -> Plan:
    return read_plan_file(sample_plan_path())


def _says(ctx: dict) -> list[str]:
    """The objections of an edition's chapter (by id: a chapter names by its first words the
    ones a call card holds)."""
    return [o["id"] for o in ctx["objections"]]


def _questions(ctx: dict) -> set[str]:
    return {q["id"] for g in ctx["question_groups"] for p in g["personas"]
            for q in p["questions"]}


def _rep_personas(plan: Plan, rep: Rep) -> set[str]:
    accounts = [plan.account(aid) for aid in rep.account_ids]
    return {c.persona_id for a in accounts if a for c in a.contacts if c.persona_id}


# --- who sees what ---------------------------------------------------------------------------
def test_the_leader_sees_every_objection_and_question(sample):
    ctx = build_context(sample, today=TODAY)
    assert _says(ctx) == [o.id for o in sample.objections]
    assert _questions(ctx) == {q.id for q in sample.questions}
    assert CONVERSATION_CHAPTERS <= {c.id for c in ctx["sections"]}


def test_a_rep_sees_the_objections_and_questions_of_their_personas_and_the_general_ones(sample):
    rep = next(r for r in sample.reps if r.name == "Bram Claessens")
    mine = _rep_personas(sample, rep)
    assert mine and mine != {p.id for p in sample.personas}  # the sample's test case
    ctx = build_context(sample, rep_name=rep.name, start=date(2027, 1, 11), today=TODAY)
    expected_objections = [o.id for o in sample.objections
                           if not o.persona_ids or mine & set(o.persona_ids)]
    expected_questions = {q.id for q in sample.questions
                          if not q.persona_ids or mine & set(q.persona_ids)}
    assert _says(ctx) == expected_objections
    assert _questions(ctx) == expected_questions
    left_out = {q.id for q in sample.questions} - expected_questions
    assert left_out  # another persona's questions are not in this rep's edition
    assert any(not q.persona_ids for q in sample.questions
               if q.id in _questions(ctx))  # the general ones are
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
    assert _says(ctx) == [o.id for o in plan.objections]
    assert len(ctx["call_cards"]) == len(plan.personas)


def test_questions_are_grouped_by_stage_in_the_order_conversations_happen(sample):
    ctx = build_context(sample, today=TODAY)
    assert [g["stage"] for g in ctx["question_groups"]] == ["First call", "First meeting"]
    first_meeting = ctx["question_groups"][1]["personas"]
    assert first_meeting[-1]["persona"] == "Any persona"  # questions for everyone come last
    coo = next(p for p in first_meeting if p["persona"] == "COO / VP Operations")
    assert all(q["why"] and q["good_answer"] for q in coo["questions"])


# --- the objection library ---------------------------------------------------------------------
def _unlikely(sample: Plan, **fields) -> Objection:
    """An objection of the COO's raised in any conversation: after their three own ones of the
    first call and meeting, so on no card."""
    return Objection(id="obj-late", persona_ids=[sample.personas[0].id], stage="any", **fields)


def test_an_objection_on_no_card_is_printed_in_full_and_refers_to_its_differentiators_proof(
        sample):
    """The proof is printed once, on the differentiator's card; the objection names it and
    links to its page."""
    diff = sample.differentiators[0]
    late = _unlikely(sample, says="We only buy from suppliers on our approved vendor list.",
                     behind="A purchasing rule, sometimes a way to end the call.",
                     response="Which supplier did you add to it last, and how long did it take?",
                     differentiator_id=diff.id)
    own = _unlikely(sample, says="Our plant is too small for this.",
                    response="How many hours did your smallest line stop last year?",
                    proof="Van Houten Kabel runs two lines and saved 140 hours in a year.")
    own.id = "obj-own"
    plan = sample.model_copy(update={"objections": [*sample.objections, late, own]})
    ctx = build_context(plan, today=TODAY)
    assert not any(o["id"] in ("obj-late", "obj-own") for c in ctx["call_cards"]
                   for o in c["objections"])
    printed = next(o for o in ctx["objections"] if o["id"] == "obj-late")
    assert printed["says"] == late.says and printed["response"] == late.response
    assert printed["card"] is None and printed["behind"] == late.behind
    assert printed["proof"] == "" and printed["proof_of"] == handle(diff.difference)
    assert printed["proof_ref"] == f"#diff-{diff.id}"
    assert next(o for o in ctx["objections"] if o["id"] == "obj-own")["proof"] == own.proof
    html = render_playbook_html(plan, today=TODAY)
    chapter = html[html.index('id="sec-objections"'):html.index('id="sec-questions"')]
    assert _escaped(diff.proof) not in chapter and _escaped(late.response) in chapter
    assert f'href="#diff-{diff.id}"' in chapter and f'id="diff-{diff.id}"' in html
    assert html.count(_escaped(diff.proof)) == 1
    # named by its words, not by a chapter's name: the rep's edition calls the differentiation
    # "What makes us different" (the reference said "in the differentiation" in both)
    rep = render_playbook_html(plan, rep_name=plan.reps[0].name, today=TODAY)
    for edition in (html, rep):
        proof = re.search(r'<p class="proof"><b>Proof: </b>([^<]*)<a class="page-ref" href="#diff-'
                          + re.escape(diff.id), edition)
        assert proof and proof[1] == f"under “{_escaped(handle(diff.difference))}”, ", proof


def test_an_objection_on_a_card_is_named_in_its_chapter_with_the_cards_page(sample):
    """The card holds it in full (what they say, what is behind it, the response, the proof);
    the objection library names it by its words and refers to the first card holding it,
    with a link that prints the page."""
    ctx = build_context(sample, today=TODAY)
    shared = sample.objections[0]  # on the COO's and the plant manager's cards
    holding = [c for c in ctx["call_cards"] if shared.id in {o["id"] for o in c["objections"]}]
    assert [c["role"] for c in holding] == ["COO / VP Operations", "Plant Manager"]
    on_card = next(o for o in holding[0]["objections"] if o["id"] == shared.id)
    assert (on_card["says"], on_card["behind"], on_card["response"], on_card["proof"]) == (
        shared.says, shared.behind, " ".join(shared.response.split()), shared.proof)
    printed = next(o for o in ctx["objections"] if o["id"] == shared.id)
    assert printed["card"] == {"ref": "#card-per-01", "role": "COO / VP Operations"}
    assert printed["says"] == shared.says and "response" not in printed  # whole: its name
    html = render_playbook_html(sample, today=TODAY)
    chapter = html[html.index('id="sec-objections"'):html.index('id="sec-questions"')]
    assert _escaped(shared.behind) not in chapter
    assert chapter.count('class="on-card"') == len(sample.objections)  # one reference each
    assert 'The response is on the call card for COO / VP Operations, <a class="page-ref" ' \
           'href="#card-per-01">' in chapter


def test_a_card_with_no_opening_is_a_note_to_the_leader_never_printed_for_a_rep(sample):
    """With no call in the cadences, the IT head (no call of their own) has no opening: the
    leader's card says what to write, as a to-do before printing, not in the opening's place as
    a line to say; the rep's prints no Open."""
    plan = sample.model_copy(deep=True)
    for cadence in plan.cadences:
        cadence.steps = [s for s in cadence.steps if s.channel not in (Channel.PHONE,
                                                                       Channel.IN_PERSON)]
    leader = render_playbook_html(plan, today=TODAY)
    assert '<p class="cc-todo"><b>To do before printing for reps:</b> No spoken opening yet' \
        in leader
    rep = render_playbook_html(plan, rep_name="Jonas Albrecht", today=TODAY)
    card = rep[rep.index('id="card-per-04"'):]
    card = card[:card.index("</article>")]
    assert "No spoken opening" not in rep and "To do before printing" not in rep
    assert "<h4>Open" not in card and "<h4>Ask</h4>" in card


def test_every_question_is_printed_whole_in_its_chapter_and_one_on_a_card_names_the_card(sample):
    """A rep reads the questions from the chapter: each whole (it was cut to its first seven
    words when a call card held it), why we ask it and what a good answer tells us beside it."""
    ctx = build_context(sample, today=TODAY)
    printed = {q["id"]: q for g in ctx["question_groups"] for p in g["personas"]
               for q in p["questions"]}
    first = sample.questions[0]
    assert printed[first.id]["card"]["ref"] == "#card-per-01"  # a call card holds it
    assert printed[first.id]["why"] == first.why  # not on the card: printed here
    assert any(q["card"] is None for q in printed.values())  # a persona's fourth question
    html = render_playbook_html(sample, today=TODAY)
    chapter = html[html.index('id="sec-questions"'):html.index('id="sec-qualification"')]
    for q in sample.questions:
        assert f'<td class="q"><div>{_escaped(q.question)}' in chapter
    assert chapter.count('class="on-card"') == sum(q["card"] is not None
                                                   for q in printed.values())


def _escaped(text: str) -> str:
    """``text`` as the HTML prints it: escaped, its amounts unbroken ("EUR\u00a0180,000")."""
    return unbroken_amounts(text.replace("&", "&amp;").replace("'", "&#39;")
                            .replace('"', "&#34;"))


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
        assert card["ask"]["text"] and card["differentiator"]
        assert all(q["whole"] for q in card["questions"])  # the sample fits: nothing cut
        # in full on this card, or on an earlier one it refers to (each text once)
        assert all(o["whole"] != bool(o["ref"]) for o in card["objections"])
    coo = cards[0]
    # the COO's own first-call question first, then their first-meeting ones, in full
    first = sample.questions[0]
    assert coo["questions"][0] == {"id": first.id, "text": first.question, "whole": True}
    it = next(c for c in cards if c["role"].startswith("Head of IT/OT"))
    objection = next(o for o in sample.objections if o.persona_ids[:1] == ["per-04"])
    assert it["objections"][0]["says"] == objection.says  # their own objection first
    # its response is on the COO's card, before it: named here with its page
    assert it["objections"][0]["ref"]["ref"] == "#card-per-01"
    on_coo = next(o for o in coo["objections"] if o["id"] == objection.id)
    assert on_coo["response"] == " ".join(objection.response.split())
    # the differentiator their objections lean on (its proof: a page), its proof named in the
    # objection ("see “Our difference” below")
    diff = sample.differentiator(objection.differentiator_id)
    assert it["differentiator"] == {"difference": diff.difference, "ref": f"#diff-{diff.id}"}
    assert sum(bool(o["proof_of"] and o["proof_of"]["below"]) for o in coo["objections"]) == 1
    # every card opens: the first with the opening, the others refer to it
    assert all(c["opening"] for c in cards)  # each its own: what a rep says first
    assert not any(c["opening_missing"] for c in cards)
    number, ask = next((n, s) for n, s in enumerate(sample.cadences[0].ordered_steps(), 1)
                       if s.is_ask)
    # the close refers to what the rep says: the ask's script in the touches chapter
    assert all(c["ask"] == {"text": handle(sample.touch(ask.touch_id).title, 4),
                            "where": f"step {number} of {sample.cadences[0].name}",
                            "ref": f"#script-{ask.touch_id}"} for c in cards)


def test_a_card_opens_with_its_phone_touchs_first_lines_which_the_script_then_refers_to(
        sample):
    """The opening is printed once, on the card where the rep reads it on a call: the touch's
    script in the touches chapter starts with a reference to the card, then goes on."""
    card = build_context(sample, today=TODAY)["call_cards"][0]
    phone = next(t for t in sample.touches if t.channel.value == "phone"
                 and "per-01" in t.persona_ids)
    opening, rest = phone.message.split("\n\n", 1)
    assert card["opening"] == " ".join(opening.split()) and card["opening_from"] == phone.title
    assert card["opening_of"] == {"touch": phone.id, "part": "message", "paragraphs": 1}
    html = render_playbook_html(sample, today=TODAY)
    script = html[html.index(f'id="touch-{phone.id}"'):]
    script = script[:script.index('class="card-end"')]
    assert 'Its opening is on the call card for COO / VP Operations, <a class="page-ref" ' \
           'href="#card-per-01">' in script
    words = _flat(unescape(re.sub(r"<[^>]+>", "", script)))
    assert _flat(opening) not in words and _flat(rest.split("\n")[0]) in words
    plan = sample.model_copy(update={"cadences": []})  # no cadence: no touch in a rep's edition
    rep_card = build_context(plan, rep_name=plan.reps[0].name, today=TODAY)["call_cards"][0]
    assert rep_card["opening"] == card["opening"] and rep_card["opening_of"] is None


def test_every_card_opens_with_a_call_and_says_where_the_opening_is_from(sample):
    """A card opens with the first call written for its persona that does not ask for the
    meeting; the maintenance head's own calls all ask (an ask is no opening) and the IT head has
    no call: both open with their cadence's first call, and say so. Each card lists the calls a
    rep makes with it, on which days of the cadence, with a link to each script."""
    cards = {c["id"]: c for c in build_context(sample, today=TODAY)["call_cards"]}
    first_call = sample.touch("tch-03")  # the cadences' day-3 phone call, for COO and plant
    opening = " ".join(first_call.message.split("\n\n")[0].split())
    for persona_id in ("per-01", "per-02", "per-03", "per-04"):  # each card alone holds it
        assert cards[persona_id]["opening"] == opening, persona_id
    ask = sample.touch("tch-10")
    assert all(ask.message.split()[1] not in c["opening"] for c in cards.values())
    assert cards["per-01"]["opening_source"] == f"from the touch “{first_call.title}”"
    assert cards["per-04"]["opening_source"] == (
        f"from the touch “{first_call.title}”, the cadence’s first call (written for another "
        "persona)")
    assert [c["opening_from"] for c in cards.values()] == [first_call.title] * 4  # the index
    # the calls made with the maintenance head's card: the ask, on days 31 and 88 of the dream
    # clients' cadence and 28 and 74 of the others', then the Linz visit: it asks too, but the
    # card's ask is the first (two calls marked "(the ask)" left a rep asking which one is)
    calls = cards["per-03"]["calls"]["calls"]
    assert calls[0] == {"touch": f"{ask.title} (the ask)",
                        "days": "days 31, 88 (Tier A); days 28, 74 (Tier B, C)",
                        "ref": f"#script-{ask.id}"}
    assert calls[1]["touch"] == sample.touch("tch-09").title
    assert calls[1]["days"] == "day 54 (Tier A)"  # in the dream clients' cadence only
    assert cards["per-04"]["calls"]["calls"] == []  # no call is written for IT
    html = render_playbook_html(sample, today=TODAY)
    card = html[html.index('id="card-per-01"'):]
    card = card[:card.index("</article>")]
    assert ('<b>Your calls:</b><ul><li>Phone: what one hour of stop costs, day 3, '
            '<a class="page-ref" href="#script-tch-03">script, p.&nbsp;</a></li>') in card


def _index_rows(html: str) -> dict[str, str]:
    """The rows of the index of cards, by persona (as a reader sees it: "IT/OT" holds a word
    joiner after its slash, which prints nothing)."""
    index = html[html.index('class="cc-index'):]
    index = index[:index.index("</table>")].replace("\u2060", "")
    return {re.sub(r"<[^>]+>", "", r.split("</td>")[0]): r for r in index.split("<tr>")[2:]}


def test_what_every_card_says_alike_is_said_once_under_the_index(sample):
    """The sample's four cards open with the same call and close with the same ask: the index
    lists the personas and their pages only, and says the call and the ask once (in four rows
    they were the same words eight times)."""
    html = render_playbook_html(sample, today=TODAY)
    index = html[html.index('class="cc-index'):]
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", index[:index.index("</thead>")])
    assert heads == ["Persona", "Page"]
    opening, ask = sample.touch("tch-03").title, sample.touch("tch-10").title
    rows = _index_rows(html)
    assert list(rows) == [p.role for p in sample.personas]
    assert not any(opening in row or ask in row for row in rows.values())
    assert html.count(f"<p class=\"cc-every\">Every card opens with “{opening}” and closes with "
                      f"“{ask}”.</p>") == 1


def test_a_card_that_opens_with_its_ask_names_the_call_once_in_the_index(sample):
    """With no talk track written for any call but the ones that ask, and the B and C cadence
    (the only one for the COO, the plant and maintenance heads) asking first with the Linz
    visit, their cards open with their ask: the index prints that call once, across "Open
    with" and "The ask"; the IT head's card (no opening, the dream clients' cadence's ask)
    keeps both cells."""
    plan = sample.model_copy(deep=True)
    plan.cadences[0].persona_ids = ["per-04"]
    next(s for s in plan.cadences[1].steps if s.is_ask).touch_id = "tch-09"
    asks = {s.touch_id for c in plan.cadences for s in c.steps if s.is_ask}
    for touch in plan.touches:
        if touch.channel in (Channel.PHONE, Channel.IN_PERSON) and touch.id not in asks:
            touch.message = ""
    cards = {c["id"]: c for c in build_context(plan, today=TODAY)["call_cards"]}
    visit = plan.touch("tch-09")
    rows = _index_rows(render_playbook_html(plan, today=TODAY))
    for persona_id in ("per-01", "per-02", "per-03"):
        assert cards[persona_id]["opening_from"] == visit.title, persona_id
        row = rows[sample.persona(persona_id).role]
        assert '<td colspan="2">' in row and row.count(visit.title) == 1, persona_id
    it = rows[sample.persona("per-04").role]
    assert "colspan" not in it and "<td>–</td>" in it and plan.touch("tch-10").title in it


def test_calls_beyond_a_cards_four_lines_are_counted_not_dropped(sample):
    """A card lists its calls one a line, on four lines at most: with three follow-up calls
    more, the plant manager's card (in French) lists the first whole and says how many others
    are in the cadences, on a line of its own."""
    plan = sample.model_copy(deep=True)
    plan.basics.language = "fr"
    phone = plan.touch("tch-03")
    for k, day in enumerate((60, 66, 72)):
        extra = phone.model_copy(update={"id": f"tch-call{k}",
                                         "title": f"Follow-up call {k + 1} on the stop costs"})
        plan.touches.append(extra)
        for cadence in plan.cadences:
            cadence.steps.append(CadenceStep(day=day, channel=phone.channel, touch_id=extra.id))
    html = render_playbook_html(plan, rep_name="Jonas Albrecht", today=TODAY)
    card = html[html.index('id="card-per-02"'):]
    calls = card[card.index('<div class="cc-calls">'):]
    calls = calls[:calls.index("</ul>")]
    listed = calls.count('class="page-ref" href="#script-')  # each call listed, whole
    assert 0 < listed == calls.count("<li>") - 1
    assert calls.endswith(f"<li>{6 - listed} autres appels : voir les cadences</li>")


def test_a_label_before_a_talk_track_is_no_opening(sample):
    """"Talk track (in person or on the phone):" is a label: the card opens with the paragraph
    after it, and the touches chapter leaves both out (the opening is printed once)."""
    plan = sample.model_copy(deep=True)
    for touch in plan.touches:  # the Linz visit is the COO's only call, and asks for nothing
        if touch.id in ("tch-03", "tch-10"):
            touch.persona_ids = ["per-02"]
    for step in (s for c in plan.cadences for s in c.steps if s.touch_id == "tch-09"):
        step.is_ask = False
    visit = plan.touch("tch-09")
    label, said = visit.message.split("\n\n")[:2]
    card = build_context(plan, today=TODAY)["call_cards"][0]
    assert card["opening"] == said.strip() and card["opening_of"]["paragraphs"] == 2
    html = render_playbook_html(plan, today=TODAY)
    script = html[html.index(f'id="touch-{visit.id}"'):]
    script = script[:script.index('class="card-end"')]
    assert label not in script and "rather than another presentation" not in script


def test_long_texts_are_cut_to_fit_the_card_with_a_marker_and_printed_in_full_in_the_chapter():
    persona = Persona(role="Buyer " * 30, cares_about=["Uptime " * 40] * 6)
    plan = Plan(name="Long", personas=[persona],
                objections=[Objection(says="No. " * 45, behind="Budget. " * 80,
                                      response="Well, " * 150, proof="Case. " * 90,
                                      persona_ids=[persona.id]) for _ in range(4)],
                questions=[DiscoveryQuestion(question="Why " * 45) for _ in range(4)],
                qualification=Qualification(criteria=[Criterion(name="Pain")]))
    ctx = build_context(plan, today=TODAY)
    card = ctx["call_cards"][0]
    assert len(card["objections"]) == 3 and len(card["questions"]) == 3
    for text in (card["title"], card["cares_about"]):
        assert isinstance(text, Cut) and CARD_MARK in text.__html__()
    for o in card["objections"]:
        # what is behind it and the proof are cut first, each to a line; the rest fits
        assert isinstance(o["behind"], Cut) and isinstance(o["proof"], Cut)
        assert isinstance(o["response"], Cut) and not o["whole"]
        assert len(o["behind"]) < len(o["proof"]) < len(o["response"]) < 520
    assert card["cut_from"]  # the chapter's first page says where the full texts are
    # an item cut on its card is printed in full in its chapter, with no reference to the card
    assert all(o["card"] is None and o["response"] == ("Well, " * 150).strip()
               for o in ctx["objections"])


@pytest.mark.parametrize("page_size", CARD_PAGES)
def test_a_card_of_every_text_at_its_longest_stays_within_the_page(page_size):
    texts = [_Text(kind, "Wide words " * 600, "") for kind in CARD_TEXTS]
    texts += [_Text(kind, "全角文字" * 900, "")
              for kind in ("question", "says", "behind", "response", "proof") * 2]
    fit_card(texts, page_size)
    assert _height(texts) <= CARD_PAGES[page_size][0]
    assert all(t.lines() >= CARD_TEXTS[t.kind][4] for t in texts)


def test_a_short_card_is_not_cut(sample):
    cards = build_context(sample, today=TODAY)["call_cards"]
    assert not any(card["cut_from"] for card in cards)


# --- the PDF -----------------------------------------------------------------------------------
def _pages(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def _card_pages(pages: list[str]) -> list[int]:
    return [i for i, text in enumerate(pages) if re.search(r"^CALL LOG$", text, re.M)]


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
        for objection in card["objections"]:  # in full: the rep cannot turn pages on a call
            assert _flat(objection["says"]) in text and _flat(objection["response"]) in text
    everything = " ".join(_flat(p) for p in pages)
    linked = next(o for o in sample.objections if o.differentiator_id)
    assert everything.count(_flat(sample.differentiator(linked.differentiator_id).proof)) == 1


def test_each_card_opens_in_full_and_no_card_reprints_a_long_response(
        sample, sample_leader_pdf, sample_rep_pdf):
    """Issue 16, no text twice: the response to an objection on several cards is printed on
    the first of them; the other cards name the objection and give the page. (Two cards printed
    the same responses.) The opening stays on each card: a rep sent from one card to another in
    the middle of a call lost the card's point (fresh-eyes review, stop 35)."""
    opening = _flat(sample.touch("tch-03").message.split("\n\n")[0])[:90]
    shared = sample.objections[0]  # on the COO's and the plant manager's cards
    for result in (sample_leader_pdf[0], sample_rep_pdf[0]):
        pages = [_flat(p) for p in _pages(result.path)]
        for text in [o.response for o in sample.objections]:
            words = _flat(text)[:90]  # the start of a paragraph: one line or so
            at = [i + 1 for i, p in enumerate(pages) if words in p]
            assert len(at) <= 1, (result.path.name, words, at)
        cards = [p for p in pages if " Cares about:" in p and "CALL CARD" in p.upper()]
        assert len(cards) == 4 and all(opening in p for p in cards), result.path.name
        plant = next(p for p in pages if "Plant Manager Cares about:" in p)
        assert f"“{shared.says}” Response: on the call card for COO / VP Operations, p. " \
            in plant, result.path.name


def test_a_short_response_stays_whole_on_every_card_its_objection_is_on(sample):
    """A rep answers from the card: a response of two lines or so is printed on each card that
    has its objection; what is behind it and its proof, on the first only."""
    shared = sample.objections[0]  # on the COO's and the plant manager's cards
    short = shared.model_copy(update={"response": "Happy to. Which line hurts most when it "
                                                  "stops? I'll send that benchmark."})
    plan = sample.model_copy(update={"objections": [short, *sample.objections[1:]]})
    cards = build_context(plan, today=TODAY)["call_cards"]
    coo, plant = ([o for o in c["objections"] if o["id"] == short.id][0] for c in cards[:2])
    assert coo["response"] == plant["response"] == short.response
    assert coo["behind"] == short.behind and plant["behind"] == "" and plant["proof"] == ""
    assert plant["ref"] == {"text": "Behind it and proof: on the call card for COO / VP "
                                    "Operations,", "ref": "#card-per-01"}
    # with nothing behind it and no proof, the response is all there is: no line to it
    bare = short.model_copy(update={"behind": "", "proof": "", "differentiator_id": None})
    coo = {"ref": "#card-per-01", "role": "COO / VP Operations"}
    assert _ref_line(bare, coo, diff_proof=False) == ""
    assert _ref_line(bare, coo, diff_proof=True).startswith("Behind it and proof:")


def test_how_to_use_a_card_is_on_the_page_of_the_cards_index(sample_leader_pdf, sample_rep_pdf):
    """The cards each start a page: "How to use a card" closes the chapter's opening, on the
    page of the index of cards, so it is neither alone on a nearly empty page nor taking a
    card's room."""
    for result in (sample_leader_pdf[0], sample_rep_pdf[0]):
        page = next(_flat(p) for p in _pages(result.path) if "HOW TO USE A CARD" in p.upper())
        assert "OPEN WITH" in page.upper() and "THE ASK" in page.upper(), result.path.name
        assert not re.search(r"CALL CARD\b", page.upper()), result.path.name


@pytest.mark.parametrize("page_size", ["Letter", "A4"])
def test_cards_of_texts_at_their_longest_are_one_page_each_with_nothing_dropped(
        sample, tmp_path, page_size):
    """What passes a card's foot is dropped (the call log's rows are cut there): the call log's
    head and three of its rows, under every text, are printed on each card, on both paper
    sizes."""
    plan = sample.model_copy(deep=True)
    plan.basics.page_size = page_size
    accounts = plan.accounts[:3]
    plan = plan.model_copy(update={"accounts": accounts, "reps": [
        Rep(name="Lee", account_ids=[a.id for a in accounts])]})
    long = "Downtime maintenance WWW benchmark Wednesday measurement throughput " * 9
    for persona in plan.personas:
        persona.role = long[:200]
        persona.cares_about = [long[:300]] * 5
    for touch in plan.touches:
        touch.message, touch.value = long, long
    for i, objection in enumerate(plan.objections):  # the model's longest "says": 200
        objection.says, objection.response = long[:200], long
        objection.behind, objection.proof = long, long
        if i % 2:  # its own proof, not its differentiator's
            objection.differentiator_id = None
    for question in plan.questions:
        question.question = long[:200]
    for diff in plan.differentiators:
        diff.difference, diff.proof = long[:200], long
    for account in plan.accounts:  # the rep's accounts name one persona
        account.contacts = [Contact(name="Ann", persona_id=plan.personas[0].id)]
    out = tmp_path / "leader.pdf"
    render_playbook_pdf(plan, out, today=TODAY, section=("qualification", "cadences"))
    pages = _pages(out)
    at = _card_pages(pages)
    assert len(at) == len(plan.personas) and at == list(range(at[0], at[0] + len(at)))
    assert "Campaign cadence" in _flat(pages[at[-1] + 1])
    assert "[…]" in _flat(pages[at[0]])  # cut to fit, visibly
    assert all("CALL LOG" in pages[i] for i in at)  # the call log's head still on the card
    rows = call_log_rows(out)  # and three rows of 7 mm to write in, under the longest texts
    assert len(rows) == len(at) and all(sum(r >= 7 for r in card) >= 3 for card in rows), rows
    if page_size == "Letter":
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
