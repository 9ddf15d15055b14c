"""One section of the playbook printed alone (`prospector pdf PLAN --section cadences`, the
preview of the step being edited), and a renderer kept for many renders."""

from __future__ import annotations

import gc
import re
from datetime import date

import pytest
from pypdf import PdfReader

from prospector.cli import main
from prospector.planfile import read_plan_file
from prospector.playbook import context, glance
from prospector.playbook.item_pages import item_pages
from prospector.playbook.render import PlaybookError, RenderCancelled, Renderer
from prospector.resources import sample_plan_path
from prospector.sections import LEADER_CHAPTERS, REP_CHAPTERS

TODAY = date(2027, 1, 4)


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


def _text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _cover(path) -> str:
    return PdfReader(path).pages[0].extract_text().lower()


def test_the_cadence_section_prints_its_chapter_alone_with_its_number(renderer, sample_plan,
                                                                      tmp_path):
    result = renderer.render(sample_plan, tmp_path / "cadences.pdf", section="cadences",
                             today=TODAY, tagged=False)
    text = _text(result.path)
    number = [c.id for c in LEADER_CHAPTERS].index("cadences") + 1
    assert f"{number:02d}\nCampaign cadence" in text  # numbered as in the whole playbook
    assert sample_plan.cadences[0].name in text
    assert text.startswith(f"{number:02d}")  # no cover, no contents first
    for absent in ("contents", "target accounts", "objection library"):
        assert absent not in text.lower()
    assert result.anchors["sec-cadences"][0] == 0 and "sec-accounts" not in result.anchors
    # the steps' references to scripts in a chapter not printed say "–", not a bare "p."
    assert "p.\xa0–" in text and "p.\xa0\n" not in text


def test_a_questions_reference_to_a_card_not_printed_says_so_and_closes_its_bracket(
        renderer, sample_plan, tmp_path):
    """The discovery questions alone (the preview of their step): "(also on their call card,
    p." ended there, no number and no bracket; it says "p. –)" as the other references do."""
    result = renderer.render(sample_plan, tmp_path / "questions.pdf", section="questions",
                             today=TODAY, tagged=False)
    text = " ".join(_text(result.path).split())
    assert text.count("call card, p.\xa0–)") + text.count("call card, p. –)") >= 5, text[:400]
    assert not re.search(r"call card, p\.\s*(?!\s*–\))", text)


def test_the_cover_is_printed_only_when_asked_for(renderer, sample_plan, tmp_path):
    result = renderer.render(sample_plan, tmp_path / "cover.pdf", section=["cover", "basics"],
                             today=TODAY, tagged=False)
    text = _text(result.path).lower()
    assert "plan owner" in _cover(result.path) and "goal and strategy" in text
    assert "contents" not in text and "campaign cadence" not in text


def test_a_step_with_nothing_written_yet_previews_its_chapters_and_what_to_write(renderer,
                                                                                 tmp_path):
    """A new plan's sales conversations previewed a blank page with a footer: the chapters
    with nothing to print are left out of the playbook, and the step printed only them."""
    from prospector.model import Plan  # noqa: PLC0415

    result = renderer.render(Plan(name="New"), tmp_path / "talk.pdf",
                             section=["objections", "questions"], today=TODAY, tagged=False)
    text = _text(result.path)
    assert result.pages == 1 and "Objection library" in text and "Discovery questions" in text
    assert "No objections yet: write the reflexes the campaign meets" in text
    assert "No discovery questions yet" in text
    whole = renderer.render(Plan(name="New"), tmp_path / "all.pdf", today=TODAY, tagged=False)
    assert "No objections yet" not in _text(whole.path)  # the playbook still leaves them out


def test_a_reps_long_name_stays_on_one_line_of_the_scorecard(renderer, sample_plan, tmp_path):
    """The scorecard's "Rep ____" field was 38 mm wide: a long name stood in four lines above
    its line."""
    long_name = "Anna-Lena Müller-Lüdenscheidt von Hohenzollern-Sigmaringen"
    plan = sample_plan.model_copy(deep=True)
    plan.reps[0].name = long_name
    result = renderer.render(plan, tmp_path / "targets.pdf", section="accountability",
                             rep_name=long_name, start=date(2027, 1, 11), today=TODAY,
                             tagged=False)
    assert any(long_name in line for line in _text(result.path).splitlines())


def test_a_long_owner_line_wraps_beside_an_account_name_left_room_for_its_words(
        renderer, sample_plan, tmp_path):
    """A rep's name of 60 characters took 137 mm of the card's head: the account's name had
    30 mm left and broke inside its words ("Werkzeugmas|chinen")."""
    plan = sample_plan.model_copy(deep=True)
    rep = plan.reps[0]
    rep.name = "Anna-Lena Müller-Lüdenscheidt von Hohenzollern-Sigmaringen"
    account = plan.account(rep.account_ids[0])
    account.name = "Brückner-Hydraulik Werkzeugmaschinen und Präzisionsantriebe AG"
    account.tier = "A"
    plan.cadence_for(account).name = "Tier A — Dream clients in Bavaria and Baden-Württemberg"
    result = renderer.render(plan, tmp_path / "accounts.pdf", section="accounts", today=TODAY,
                             tagged=False)
    words = re.findall(r"\w+", _text(result.path))
    # its overview row and its card, each with the name's words whole
    assert words.count("Werkzeugmaschinen") == 2 and words.count("Präzisionsantriebe") == 2


def test_a_stale_render_stops_and_writes_nothing(renderer, sample_plan, tmp_path):
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3  # a newer edit arrives while WeasyPrint is at work

    with pytest.raises(RenderCancelled):
        renderer.render(sample_plan, tmp_path / "stale.pdf", today=TODAY, cancelled=cancelled)
    assert not (tmp_path / "stale.pdf").exists()
    assert gc.isenabled()  # paused for WeasyPrint's work only: the app's memory is still freed
    # the renderer is still good for the next render
    again = renderer.render(sample_plan, tmp_path / "next.pdf", section="personas",
                            today=TODAY, tagged=False)
    assert again.pages >= 1 and sample_plan.personas[0].role in _text(again.path)


def test_a_section_the_edition_does_not_print_is_refused_with_the_choices(renderer,
                                                                          sample_plan,
                                                                          tmp_path):
    with pytest.raises(PlaybookError, match="choose from: cover, contents, basics"):
        renderer.render(sample_plan, tmp_path / "x.pdf", section="personas",
                        rep_name=sample_plan.reps[0].name)  # a rep's edition has no personas


def test_the_command_line_prints_one_section(capsys, tmp_path):
    out = tmp_path / "cadences.pdf"
    code = main(["pdf", str(sample_plan_path()), "--section", "cadences", "-o", str(out)])
    assert code == 0 and "Campaign cadence" in _text(out) and "Contents" not in _text(out)
    code = main(["pdf", str(sample_plan_path()), "--section", "cadense", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and "no section 'cadense'" in err and "cadences, accountability" in err


def _many_accounts(count: int):
    """The sample with ``count`` generated accounts, a third in each tier."""
    from prospector.model import TargetAccount  # noqa: PLC0415 - this test's only
    plan = read_plan_file(sample_plan_path())
    for rep in plan.reps:
        rep.account_ids = []
    plan.accounts = [TargetAccount(id=f"acc-{i:04d}", name=f"Generated Works {i:04d}",
                                   tier="ABC"[i % 3], city="Linz", country="Austria")
                     for i in range(count)]
    return plan


def test_the_preview_of_a_long_account_list_prints_the_accounts_around_the_edited_one(
        renderer, tmp_path, monkeypatch):
    for module in (context, glance):  # one line each, as above 400 accounts in use
        monkeypatch.setattr(module, "CARD_LIMIT", 40)
    plan = _many_accounts(120)
    edited = "acc-0061"  # tier B (61 % 3 == 1): the 61st account in print order
    preview = renderer.render(plan, tmp_path / "preview.pdf", section="accounts", today=TODAY,
                              tagged=False, excerpt=True, focus=edited)
    text = _text(preview.path).replace("\n", " ")
    assert preview.pages <= 2
    assert "Accounts 46–76 of 120" in text and "the whole list prints with the playbook" in text
    assert "Generated Works 0061" in text and "Generated Works 0000" not in text
    assert "Tier B" in text and "40 accounts." in text  # the tier still counts all of it
    assert preview.anchors[f"acc-{edited}"][0] == item_pages(plan, preview.path,
                                                             preview.anchors)[edited][0]
    whole = renderer.render(plan, tmp_path / "whole.pdf", section="accounts", today=TODAY,
                            tagged=False, focus=edited)  # the export: every account
    text = _text(whole.path)
    assert all(f"Generated Works {i:04d}" in text for i in range(120))
    assert "Accounts 46" not in text and whole.pages > preview.pages


def _page_texts(path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


@pytest.mark.parametrize("edition", ["leader", "rep"])
def test_each_chapter_call_card_and_account_is_placed_on_the_page_printing_its_title(
        edition, sample_leader_pdf, sample_rep_pdf, sample_plan):
    """Where the contents, the "p. N" references and the preview find an item: the page that
    prints its title (its id is on its heading: an id on a whole card or chapter gave every
    element in it a style of its own)."""
    result = sample_leader_pdf[0] if edition == "leader" else sample_rep_pdf[0]
    chapters = LEADER_CHAPTERS if edition == "leader" else REP_CHAPTERS
    texts = _page_texts(result.path)
    contents = next(t for t in texts if t.startswith("Contents"))
    for chapter in chapters:
        page = result.anchors[f"sec-{chapter.id}"][0]
        assert chapter.title in texts[page]
        assert f"{chapter.title} {page + 1}" in contents
    cards = [p for p in sample_plan.personas if f"card-{p.id}" in result.anchors]
    assert cards
    for persona in cards:
        assert persona.role in texts[result.anchors[f"card-{persona.id}"][0]]
    accounts = [a for a in sample_plan.accounts if f"acc-{a.id}" in result.anchors]
    assert accounts
    for account in accounts:
        assert account.name in texts[result.anchors[f"acc-{account.id}"][0]]


def test_a_reference_outside_the_part_looks_like_text_not_a_link(renderer, sample_plan,
                                                                 tmp_path):
    """The cadence alone: its "p. –" to scripts not printed was bold brand blue, as a link."""
    import pypdfium2  # noqa: PLC0415 - test extra

    result = renderer.render(sample_plan, tmp_path / "cad.pdf", section="cadences",
                             today=TODAY, tagged=False)
    pdf = pypdfium2.PdfDocument(str(result.path))
    page = pdf[0]
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    dash = text.index("p.\xa0–") + 3
    scale = 4
    image = page.render(scale=scale).to_pil().convert("RGB")
    left, bottom, right, top = textpage.get_charbox(dash)
    height = page.get_height()
    box = (round(left * scale), round((height - top) * scale),
           round(right * scale) + 1, round((height - bottom) * scale) + 1)
    darkest = min((colour for _count, colour in image.crop(box).getcolors(1 << 16)), key=sum)
    assert sum(darkest) < 500 and max(darkest) - min(darkest) < 40, darkest  # grey, not #1F4E79
    pdf.close()
