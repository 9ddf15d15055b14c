"""Where a long text is cut (the long-text plan of the fresh-eyes review, issue 16): after a
sentence or a clause, else between words, never in a phrase's middle ("where your stops actually
wer […]"); never where the marker would be longer than what it stands for; and the notice of
cut texts names each text once, by its first words."""

from __future__ import annotations

from datetime import date

from prospector.model import Criterion, DiscoveryQuestion, Objection, Persona, Plan, Qualification
from prospector.playbook import build_context
from prospector.playbook.limits import Cut, Reductions
from prospector.playbook.translations import N_

TODAY = date(2027, 1, 4)
SENTENCE = "We start with the data your PLCs already record, so the first alert comes in weeks. "


def _card(persona: Persona, objection: dict[str, str] | None = None) -> dict:
    objections = [Objection(says=f"Not now, call me in {month}.", persona_ids=[persona.id],
                            **(objection or {})) for month in ("May", "June", "July")]
    plan = Plan(name="Cuts", personas=[persona], objections=objections,
                questions=[DiscoveryQuestion(question="What stopped your line last month?")],
                qualification=Qualification(criteria=[Criterion(name="Pain")]))
    return build_context(plan, today=TODAY)["call_cards"][0]


def test_a_card_cuts_after_a_sentence_and_a_title_between_words():
    role = "Head of Digital Manufacturing and Operational Technology " * 3
    card = _card(Persona(role=role, cares_about=["Uptime"]),
                 {"behind": SENTENCE * 6, "response": SENTENCE * 9, "proof": SENTENCE * 5})
    title = card["title"]
    assert isinstance(title, Cut) and role.startswith(str(title)) and role[len(title)] == " "
    cut = [(key, str(o[key])) for o in card["objections"] for key in ("behind", "response",
                                                                         "proof")
           if isinstance(o[key], Cut)]
    assert len(cut) >= 3
    assert [(key, text[-20:]) for key, text in cut if not text.endswith("in weeks.")] == []


def test_a_text_over_its_room_by_less_than_its_marker_is_printed_whole():
    role = "Plant " * 23 + "CEO"  # 141 characters: a card's title prints 140, " […]" is 4
    card = _card(Persona(role=role, cares_about=["Uptime"]))
    assert card["title"] == role and not isinstance(card["title"], Cut)
    red = Reductions()
    over = SENTENCE * 2 + "Done."  # a marker of some 90 characters for 5 cut: printed whole
    assert red.text(over, len(over) - 5, N_("the notes")) == over and not red.cuts
    long = SENTENCE * 40
    kept = red.text(long, 1_000, N_("the notes"))
    assert isinstance(kept, Cut) and str(kept).endswith("in weeks.")


def test_the_notice_of_cut_texts_names_each_text_once_by_its_first_words():
    red = Reductions()
    title = "Phone: what one hour of stop costs " * 4
    for _ in range(2):
        red.cut(N_("the asset of %(touch)s"), touch=title)
    red.cut(N_("the asset of %(touch)s"), touch=title + "(copy)")  # the same first words
    notes = " ".join(red.notes())
    assert notes.count("Phone: what one hour of stop costs") == 1, notes
    assert "the asset of Phone: what one hour of stop costs…" in notes


def test_a_cards_title_never_ends_a_line_inside_a_slashed_word(tmp_path):
    """"Head of IT/OT / Digital Manufacturing", four times as long, wrapped as "Head of IT/" and
    "OT" (the long-text plan's card): a line ends at a space, or after a slash between spaces."""
    import subprocess  # noqa: PLC0415 - this test alone reads the PDF's text

    from prospector.playbook import render_playbook_pdf  # noqa: PLC0415

    role = " ".join(["Head of IT/OT / Digital Manufacturing"] * 4)
    plan = Plan(name="Cuts", personas=[Persona(role=role)],
                questions=[DiscoveryQuestion(question="What stopped your line last month?")],
                qualification=Qualification(criteria=[Criterion(name="Pain")]))
    path = render_playbook_pdf(plan, tmp_path / "cards.pdf", section="qualification",
                               today=TODAY).path
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    lines = [line.strip() for line in text.splitlines() if "Head of" in line or "OT" in line]
    assert lines and not [line for line in lines if line.endswith(("IT/", "IT/\u2060"))], lines
    # cut to its room (140 characters of 151), the title ends in the marker of a cut text, as
    # every other cut does: the filter that kept "IT/OT" whole dropped it
    card = text[text.index("CALL CARDS\n"):]
    title = " ".join(card[:card.index("CALL CARD\n")].replace("\u2060", "").split())
    assert title.endswith("Manufacturing Head of IT/OT / Digital […]"), title
