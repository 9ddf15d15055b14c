"""The playbook without a PDF: schedule, context, HTML, escaping, fetcher. Fast."""

from __future__ import annotations

import ast
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from prospector.errors import ProspectorError
from prospector.model import Cadence, CadenceStep, Channel, Plan, Rep, TargetAccount
from prospector.planfile import read_plan_file
from prospector.playbook import (
    RepNotFound,
    build_context,
    render_playbook_html,
)
from prospector.playbook.colours import WHITE, contrast
from prospector.playbook.context import brand_palette
from prospector.playbook.fetcher import RefusedURL, SafeFetcher
from prospector.playbook.languages import tag_languages, tag_text
from prospector.playbook.render import keep_last_words, merge_fields, rep_file_names, slugify
from prospector.playbook.timeline import cadence_timeline_svg
from prospector.resources import assets_dir, sample_plan_path, templates_dir
from prospector.schedule import build_schedule

HOSTILE = '<img src="file:///etc/passwd"> http://evil.example/x.png <b>bold</b> & "quotes"'


@pytest.fixture(scope="module")
def sample() -> Plan:
    return read_plan_file(sample_plan_path())


def small_plan(**changes) -> Plan:
    acc = [TargetAccount(name=f"Acc {i}", tier=t) for i, t in enumerate("AABBC")]
    plan = Plan(
        name="Small",
        accounts=acc,
        cadences=[
            Cadence(name="A cadence", tiers=["A"], steps=[
                CadenceStep(day=0, channel=Channel.EMAIL),
                CadenceStep(day=5, channel=Channel.PHONE),  # Friday start + 5 = Wednesday
                CadenceStep(day=1, channel=Channel.MAIL, is_ask=True),
            ]),
            Cadence(name="Rest", steps=[CadenceStep(day=2, channel=Channel.SOCIAL)]),
        ],
        reps=[Rep(name="Ann Åberg", account_ids=[acc[0].id, acc[2].id]),
              Rep(name="Bob", account_ids=[acc[1].id, acc[3].id, acc[4].id])],
    )
    return plan.model_copy(update=changes)


# --- schedule (the shared scheduler feeds the rep edition) ------------------------------------
def test_rep_edition_schedule_skips_weekends_and_holidays(sample):
    plan = sample.model_copy(deep=True)
    plan.accountability.holiday_country = "DE"
    ctx = build_context(plan, rep_name=plan.reps[0].name, start=date(2027, 3, 22),
                        today=date(2027, 1, 4))
    days = [d["date"] for w in ctx["weeks"] for d in w["days"]]
    assert days and all(day.weekday() < 5 for day in days)
    # Good Friday, Easter Monday
    assert date(2027, 3, 26) not in days and date(2027, 3, 29) not in days
    assert any("Good Friday" in h for h in ctx["holidays"])


def test_rep_edition_schedule_holds_only_the_reps_accounts(sample):
    rep = sample.reps[0]
    ctx = build_context(sample, rep_name=rep.name, start=date(2027, 1, 11), today=date(2027, 1, 4))
    names = {a["name"] for w in ctx["weeks"] for d in w["days"] for g in d["groups"]
             for a in g["accounts"]}
    assert names == {sample.account(aid).name for aid in rep.account_ids}


def test_a_reps_long_name_takes_two_lines_on_the_cover_before_the_address_takes_two(sample):
    """The cover cut a long name to one line ("Anna-Lena…") while the address had two."""
    long_name = "Anna-Lena Müller-Lüdenscheidt von Hohenzollern-Sigmaringen"
    plan = sample.model_copy(deep=True)
    plan.reps[0].name = long_name
    plan.reps[0].email = "anna-lena.mueller-luedenscheidt@mueller-praezision.example"
    glance = build_context(plan, rep_name=long_name, start=date(2027, 1, 11))["glance"]
    assert glance["cover_rep"].startswith("Anna-Lena Müller-Lüdenscheidt")  # two lines
    assert glance["cover_contact"].endswith("…")  # the address the one line left
    short = build_context(sample, rep_name=sample.reps[0].name, start=date(2027, 1, 11))
    assert short["glance"]["cover_rep"] == sample.reps[0].name
    assert short["glance"]["cover_contact"] == sample.reps[0].email  # two lines if it needs


# --- context ---------------------------------------------------------------------------------
def test_leader_context_has_every_section_and_all_accounts(sample):
    ctx = build_context(sample, today=date(2027, 1, 4))
    assert [s.id for s in ctx["sections"]] == [
        "goal", "icp", "accounts", "personas", "touches", "differentiation", "objections",
        "questions", "qualification", "call_cards", "cadences", "accountability"]
    assert sum(len(t["accounts"]) for t in ctx["tiers"]) == len(sample.accounts)
    assert [t["tier"] for t in ctx["tiers"]] == ["A", "B", "C"]
    assert len(ctx["cadences"]) == len(sample.cadences)
    assert ctx["meta"]["title"].startswith(sample.name)
    assert ctx["meta"]["author"] == sample.basics.owner
    assert ctx["printed"] == "4 Jan 2027"
    assert ctx["scorecard"]["weeks"] and ctx["scorecard"]["pages"]


def test_rep_context_only_has_that_reps_accounts(sample):
    rep = sample.reps[1]
    ctx = build_context(sample, rep_name=rep.name.upper(), start=date(2027, 1, 11))
    names = {a["name"] for t in ctx["tiers"] for a in t["accounts"]}
    assert names == {sample.account(aid).name for aid in rep.account_ids}
    scheduled = {a["name"] for w in ctx["weeks"] for d in w["days"] for g in d["groups"]
                 for a in g["accounts"]}
    assert scheduled <= names
    assert all(d["date"].weekday() < 5 for w in ctx["weeks"] for d in w["days"])


def test_accounts_are_listed_in_alphabetical_order_whatever_their_accents(sample):
    ctx = build_context(sample, today=date(2027, 1, 4))
    tier_a = [a["name"] for a in ctx["tiers"][0]["accounts"]]
    assert any(name.startswith("Å") for name in tier_a)
    assert tier_a[0].startswith(("A", "Å")) and not tier_a[-1].startswith("Å")
    tier_c = [a["name"] for a in ctx["tiers"][2]["accounts"]]
    assert tier_c.index(next(n for n in tier_c if n.startswith("Š"))) < tier_c.index(
        next(n for n in tier_c if n.startswith("Z")))


def test_cover_title_never_ends_on_one_short_word_and_stays_escaped():
    assert keep_last_words("Europe new business, H1 2027") == "Europe new business, H1&nbsp;2027"
    assert keep_last_words("<b>Q1</b> & more") == "&lt;b&gt;Q1&lt;/b&gt; &amp;&nbsp;more"
    assert keep_last_words("Single") == "Single"
    html = render_playbook_html(small_plan(name="Plan <i>x</i> 2027"))
    # the document's first heading (PDF/UA), out of the bookmarks (tests/test_playbook_pdf.py)
    assert re.search(r'<h1 class="title"[^>]*>Plan &lt;i&gt;x&lt;/i&gt;&nbsp;2027</h1>', html)


def test_rep_schedule_says_which_weeks_have_no_touches(sample):
    rep = sample.reps[0]
    ctx = build_context(sample, rep_name=rep.name, start=date(2027, 1, 11))
    numbers = [w["number"] for w in ctx["weeks"]]
    quiet = sorted(set(range(1, numbers[-1] + 1)) - set(numbers))
    assert quiet  # the sample's cadences leave some weeks without touches
    html = render_playbook_html(sample, rep_name=rep.name, start=date(2027, 1, 11))
    for week in quiet:
        assert f"Week {week}: no touches" in html or f"–{week}: no touches" in html
    assert "a date can fall a few days after its day number" in html


def test_a_schedule_that_ends_weeks_before_the_campaign_says_so(sample):
    """One account starts once: its cadence ends in April, the campaign in June. The schedule
    says why it stops early; the sample's rep, whose waves run to June, is not told."""
    account = next(a for a in sample.accounts if a.tier == "A")
    rep = sample.reps[0].model_copy(update={"account_ids": [account.id]})
    one = sample.model_copy(update={"accounts": [account], "reps": [rep]})
    told = "The campaign runs on to 30 Jun 2027: use the weeks after your last touch"
    assert told in " ".join(render_playbook_html(one, rep_name=rep.name).split())
    assert told not in render_playbook_html(sample, rep_name=sample.reps[0].name)


def test_rep_scorecard_runs_to_the_end_of_the_plan(sample):
    """Targets are weekly for the whole plan, not only while the schedule has touches."""
    rep = sample.reps[0]
    assert sample.basics.end_date == date(2027, 6, 30)
    ctx = build_context(sample, rep_name=rep.name, start=date(2027, 1, 11))
    rows = [r for r in ctx["scorecard"]["rows"] if r["kind"] == "week"]
    assert len(rows) == ctx["scorecard"]["weeks"] == 25  # 11 Jan to 30 Jun 2027
    assert rows[0]["dates"] == "11–15 Jan" and rows[-1]["dates"] == "28–30 Jun"  # not 2 Jul
    short = sample.model_copy(deep=True)
    short.basics.end_date = date(2027, 2, 1)  # ends before the schedule does: the schedule wins
    ctx = build_context(short, rep_name=rep.name, start=date(2027, 1, 11))
    assert ctx["scorecard"]["weeks"] == ctx["weeks"][-1]["number"]


def test_unknown_rep_lists_the_rep_names(sample):
    with pytest.raises(RepNotFound) as info:
        build_context(sample, rep_name="Nobody")
    message = str(info.value)
    assert isinstance(info.value, ProspectorError)
    assert "Nobody" in message
    for rep in sample.reps:
        assert rep.name in message


def test_brand_palette_keeps_text_readable():
    assert brand_palette("#1F4E79")["ink"] == "#1F4E79"
    pale = brand_palette("#FFE066")
    assert pale["colour"] == "#FFE066" and pale["ink"] != "#FFE066"


@pytest.mark.parametrize("white", ["#FFFFFF", "#F7F7F7"])
def test_a_brand_colour_too_close_to_white_still_shows_on_paper(white):
    # the cover's band, the tier badges and bars vanished with a white brand colour
    palette = brand_palette(white)
    fill = tuple(int(palette["colour"][i:i + 2], 16) for i in (1, 3, 5))
    assert contrast(fill, WHITE) >= 1.25 and palette["tint"] != "#FFFFFF"


def test_empty_plan_builds_a_context_and_html():
    plan = Plan(name="Empty")
    html = render_playbook_html(plan)
    assert "No target accounts yet" in html and "No cadence yet" in html


# --- HTML and escaping -----------------------------------------------------------------------
def test_html_has_every_section_metadata_and_timeline(sample):
    html = render_playbook_html(sample)
    for section in ("Goal and strategy", "Ideal client profile", "Target accounts", "Personas",
                    "Value-creating touches", "Differentiation", "Campaign cadence",
                    "Accountability", "Weekly scorecard"):
        assert f'data-title="{section}"' in html or section in html
    assert html.count('<svg class="timeline"') == len(sample.cadences)
    assert '<meta name="author"' in html and '<meta name="description"' in html
    assert "<title>" in html and 'lang="en"' in html
    assert "target-counter" not in html  # it lives in the CSS
    assert html.count('href="#sec-') == 12  # a contents line per chapter


def test_plan_text_is_escaped_everywhere():
    plan = small_plan(name=HOSTILE)
    plan.basics.company = HOSTILE
    plan.accounts[0].why = HOSTILE
    plan.cadences[0].name = HOSTILE
    html = render_playbook_html(plan) + render_playbook_html(plan, rep_name="Ann Åberg")
    assert "<img" not in html and "<b>bold" not in html
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html


def test_merge_fields_escape_then_highlight():
    out = merge_fields('Hi {{first_name}} <script>x</script>')
    assert str(out) == 'Hi <span class="merge">{{first_name}}</span> &lt;script&gt;x&lt;/script&gt;'



def test_a_placeholder_to_replace_is_marked_as_a_merge_field_is(sample):
    """"…might want it: [link]" and "[video thumbnail]" printed as finished copy: a rep could
    read them out or paste them. A short bracket of words is marked as a field to fill; a
    reference ("[1]", "[2024]") or a long aside in brackets is text."""
    assert str(merge_fields("want it: [link]. See [1], [2024] or [one two three four five]")) \
        == ('want it: <span class="merge">[link]</span>. See [1], [2024] or '
            '[one two three four five]')
    html = render_playbook_html(sample)
    assert '<span class="merge">[link]</span>' in html
    assert '<span class="merge">[video thumbnail]</span>' in html


def test_timeline_has_one_mark_per_step_alt_text_and_legend(sample):
    cadence = sample.cadences[0]
    svg = str(cadence_timeline_svg(cadence, sample))
    assert svg.count("<title>") == 1 and f"{len(cadence.steps)} touches" in svg
    assert svg.count('<g class="step">') == len(cadence.steps)
    assert "Meeting ask" in svg
    for channel in {s.channel for s in cadence.steps}:
        assert f">{channel.label}</text>" in svg


def test_rep_file_names_are_safe_and_unique():
    plan = small_plan(reps=[Rep(name="Ann Åberg"), Rep(name="ann aberg"), Rep(name="../../x")])
    names = list(rep_file_names(plan).values())
    assert names == ["small-playbook-ann-aberg.pdf", "small-playbook-ann-aberg-2.pdf",
                     "small-playbook-x.pdf"]
    assert slugify("日本") == "rep"
    assert slugify("Jürgen Groß / Søren Łukasz") == "jurgen-gross-soren-lukasz"


# --- fetcher ---------------------------------------------------------------------------------
@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "http://evil.example/x.png",
    "https://evil.example/x.png",
    "ftp://evil.example/x",
    "data:text/html;base64,PGI+eDwvYj4=",
    "data:image/svg+xml;base64,PHN2Zy8+",
    "file://evil.example/share/x.png",
    (assets_dir() / "fonts" / ".." / ".." / "pyproject.toml").as_uri(),
    templates_dir().as_uri() + "/../prospector/model.py",
])
def test_fetcher_refuses_everything_but_our_files(url):
    fetcher = SafeFetcher()
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert fetcher.refused == [url] and fetcher.served == []


def test_fetcher_serves_our_files_and_image_data():
    fetcher = SafeFetcher()
    css = fetcher.fetch((templates_dir() / "playbook" / "css" / "00-base.css").as_uri())
    assert css.content_type == "text/css" and b"@page" in css.read()
    font = fetcher.fetch((assets_dir() / "fonts" / "NotoSans-Regular.ttf").as_uri())
    assert len(font.read()) > 100_000
    png = fetcher.fetch(TINY_PNG)
    assert png.content_type == "image/png" and png.read().startswith(b"\x89PNG")


# A 1 x 1 PNG.
TINY_PNG = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8Dw"
            "HwAFBQIAX8jx0gAAAABJRU5ErkJggg==")


def test_bundled_fonts_have_their_licence():
    fonts = assets_dir() / "fonts"
    assert (fonts / "OFL.txt").read_text().count("SIL OPEN FONT LICENSE") >= 1
    assert len(list(fonts.glob("*.ttf"))) == 5


def test_playbook_package_never_imports_qt():
    package = Path(__file__).resolve().parent.parent / "prospector" / "playbook"
    for source in package.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.split(".")[0] in ("PySide6", "ui") for n in names), source


def test_readiness_appendix_only_when_asked(sample):
    weak = sample.model_copy(deep=True)
    weak.touches[0].value = "Just checking in to see if you got my email"
    plain = render_playbook_html(weak, today=date(2027, 1, 4))
    with_appendix = render_playbook_html(weak, today=date(2027, 1, 4), readiness=True)
    assert "Plan readiness" not in plain
    assert "Plan readiness" in with_appendix
    assert "leans on “Just checking in”" in with_appendix and "Why it matters" in with_appendix


def test_text_in_another_script_is_wrapped_in_its_language():
    assert tag_text("Office in Αθήνα, Ελλάδα (HQ)") == \
        'Office in <span lang="el">Αθήνα, Ελλάδα</span> (HQ)'
    assert tag_text("Plants: 東京都の工場 in Japan, 北京 in China, Москва and Київ") == (
        'Plants: <span lang="ja">東京都の工場</span> in Japan, <span lang="zh">北京</span> in '
        'China, <span lang="ru">Москва</span> and <span lang="uk">Київ</span>')
    # a run goes on over spaces and punctuation: one language for the run
    assert tag_text("(Σοφία: Съединение, България)") == \
        '(<span lang="el">Σοφία</span>: <span lang="bg">Съединение, България</span>)'
    assert tag_text("Łódź, Ærøskøbing, Zoë – “quoted” · 3 €") == \
        "Łódź, Ærøskøbing, Zoë – “quoted” · 3 €"  # Latin text and punctuation stay as they are
    assert tag_text("Ωμέγα&amp;Co&#39;s") == '<span lang="el">Ωμέγα</span>&amp;Co&#39;s'
    assert tag_text("Αθήνα", base="el") == "Αθήνα"  # the document's own language
    # only the text: tags, attributes, the head and inline SVG are left alone
    html = ('<html lang="en"><head><title>Ελλάδα</title></head><body><p title="Ελλάδα">'
            'Ελλάδα</p><svg><text>Ελλάδα</text></svg></body></html>')
    assert tag_languages(html) == html.replace(
        '">Ελλάδα</p>', '"><span lang="el">Ελλάδα</span></p>')


def test_plan_text_in_other_scripts_reaches_the_html_in_language_spans():
    plan = small_plan(name="Plan Αθήνα 2027")
    plan.accounts[0].notes = "Meet 田中さん at the 大阪 plant."
    html = render_playbook_html(plan)
    assert '<span lang="el">Αθήνα</span>' in html
    assert 'Meet <span lang="ja">田中さん</span> at the <span lang="zh">大阪</span> plant.' in html
    assert "<title>Plan Αθήνα 2027" in html  # metadata stays plain text


def test_the_waves_are_worded_with_the_accounts_real_first_touch_days(sample):
    """Jonas's last wave is the Monday 29 Mar 2027, Easter Monday, a holiday his schedule skips:
    his last account (Oberhauser) starts on the Tuesday, and the text says so."""
    rep = sample.reps[0]
    html = render_playbook_html(sample, rep_name=rep.name, start=date(2027, 1, 11))
    assert "start in 8 waves, from 11 Jan to 30 Mar," in " ".join(html.split())


def test_an_account_with_no_contact_says_whom_to_find(sample):
    """A C account has no contact yet: its entry names the roles the touch is written for, so the
    rep knows whom to look for, in the rep's language."""
    rep = sample.reps[0]
    account = next(a for a in sample.accounts if a.id in rep.account_ids and not a.contacts)
    plan = sample.model_copy(update={"accounts": [account]})
    plan.reps = [rep.model_copy(update={"account_ids": [account.id]})]
    touch = plan.touch(plan.cadence_for(account).ordered_steps()[0].touch_id)
    roles = [plan.persona(p).role for p in touch.persona_ids]
    text = " ".join(render_playbook_html(plan, rep_name=rep.name).split())
    assert f"no {' or '.join(roles)} contact yet: find one" in text
    plan.basics.language = "de"
    german = " ".join(render_playbook_html(plan, rep_name=rep.name).split())
    assert f"noch kein Ansprechpartner als {' oder '.join(roles)}: einen finden" in german


def test_the_schedule_says_its_busiest_day_beside_the_capacity_it_keeps_to():
    # "no day has more than 22 touches" (the capacity) read as a count of the rep's days, whose
    # busiest has 4 (fresh-eyes review): the 22 is the plan's limit, the 4 the rep's own
    plan = read_plan_file(sample_plan_path())  # (the module's sample is changed by others)
    rep = plan.reps[0]
    start = date(2027, 1, 11)
    days = Counter(t.date for t in build_schedule(plan, rep, start).touches)
    text = " ".join(render_playbook_html(plan, rep_name=rep.name, start=start).split())
    busiest = max(days.values())
    assert 1 < busiest < 22 and f"Your busiest day has {busiest} touches." in text
    assert "within the plan’s limit of 22 touches a day." in text and "no day has" not in text


def test_the_schedule_promises_the_campaigns_end_only_when_it_keeps_it(sample):
    """The waves' "so that every cadence ends by the campaign's end" is said when the last touch
    is by the end; a campaign shorter than the cadences gets the truth instead."""
    plan = sample.model_copy(deep=True)
    plan.basics.language = "en"  # the module's sample may have been printed in German before
    rep = plan.reps[0]
    promise = "so that every cadence ends by the campaign’s end on 30 Jun 2027"
    html = " ".join(render_playbook_html(plan, rep_name=rep.name,
                                         start=date(2027, 1, 11)).split())
    assert promise in html
    assert build_schedule(plan, rep, date(2027, 1, 11)).last_day <= date(2027, 6, 30)
    short = plan.model_copy(deep=True)
    short.basics.end_date = date(2027, 3, 1)
    last = build_schedule(short, rep, date(2027, 1, 11)).last_day
    assert last > date(2027, 3, 1)
    html = " ".join(render_playbook_html(short, rep_name=rep.name,
                                         start=date(2027, 1, 11)).split())
    assert "every cadence ends by" not in html
    assert last == date(2027, 4, 13)
    assert ("are longer than the campaign from 11 Jan to 1 Mar 2027: your last touch, on "
            "13 Apr 2027, comes after its end.") in html
