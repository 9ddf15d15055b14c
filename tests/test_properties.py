"""Property-based tests (hypothesis): any plan the model accepts survives every way it is kept and
printed, and what the model cannot keep faithfully it refuses with a clear message.

Plans are generated with arbitrary Unicode (emoji sequences, right-to-left text and bidi controls,
combining marks, characters no font has, private use, unassigned code points, markup), very long
fields (10,000 to 100,000 characters, with and without spaces), odd dates (leap days, the turn of
the century, 2099/2100, the first and last dates a plan may use) and lists of accounts, personas,
touches, cadences, targets and reps whose references resolve.

Deterministic (``derandomize=True``): CI runs the same examples every time. The figures are printed
for docs/RELIABILITY.md (``tests/reliability_report.py``).
"""

from __future__ import annotations

import json
import string
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from prospector.cli import main
from prospector.errors import PlanFileError
from prospector.model import EARLIEST_DATE, LATEST_DATE, SCHEMA_VERSION, Plan
from prospector.planfile import (
    plan_from_document,
    plan_to_document,
    plan_to_json,
    read_plan_file,
    write_plan_file,
)
from prospector.playbook import render_playbook_pdf
from prospector.resources import sample_plan_path
from prospector.schedule import ScheduleError, build_schedule
from prospector.store import PlanStore

ROUND_TRIP_EXAMPLES = 60
PDF_EXAMPLES = 8
SETTINGS = dict(deadline=None, derandomize=True, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.large_base_example,
                                       HealthCheck.function_scoped_fixture])



@pytest.fixture(autouse=True)
def _same_examples_in_any_run(monkeypatch):
    """Hypothesis mixes constants found in the local modules imported so far (``sys.modules``)
    into what it generates, so the examples changed with the tests that ran before these. An
    empty pool of local constants keeps them the same in every run (a private hook: if a newer
    hypothesis drops it, the tests still run, only less repeatably)."""
    try:
        from hypothesis.internal.conjecture import providers  # noqa: PLC0415 - private: may go
    except ImportError:  # pragma: no cover
        return
    if hasattr(providers, "_get_local_constants") and hasattr(providers, "Constants"):
        monkeypatch.setattr(providers, "_get_local_constants", providers.Constants)
        cache = getattr(getattr(providers, "CONSTANTS_CACHE", None), "cache", None)
        if cache is not None:
            cache.clear()


# --- text -------------------------------------------------------------------------------------
# Pieces a generic character strategy rarely hits on its own.
ODD_PIECES = [
    "👩‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "🇩🇪🇯🇵", "🧑🏿‍🚀",  # ZWJ sequences, modifiers, flags
    "שלום עולם", "مرحبا بالعالم", "\u202eevil\u202c", "\u200f\u200e", "\u2067x\u2069",  # RTL, bidi
    "e\u0301", "Z\u0364\u0311\u0313\u0324\u0354", "\u0928\u094d\u0924\u0947", "ก\u0e34\u0e49",
    "\U000e0001\u0378\U0002fffd", "\ue000\U000f0000\U0010fffd", "\ufffe\uffff\U0001fffe",  # no font
    "𓀀𓁐", "𐀀𐀁", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ﷺ", "ǅİßﬁ", "中文字符", "日本語のテキスト", "한국어",
    "\ufeff", "\u00a0", "\u2028", "\u2029", "\u200b", "\u00ad", "\t", "\n", "\r\n", "\r",
    "<b>bold</b>", "&amp;", "&#0;", "]]>", "{{first_name}}", "\\", '"', "'", "`",
    '<img src="http://127.0.0.1:9/x.png">', "file:///etc/passwd", "url(http://127.0.0.1:9/)",
    "@import 'http://127.0.0.1:9/s.css';",
]
# Everything except what the model refuses (see test_control_characters_and_lone_surrogates...).
_CHARS = st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from("\t\n\r")
_PIECE = _CHARS | st.sampled_from(ODD_PIECES)


def texts(max_pieces: int = 12) -> st.SearchStrategy[str]:
    return st.lists(_PIECE, max_size=max_pieces).map("".join)


def _repeat_to(seed: str, n: int) -> str:
    return (seed * (n // len(seed) + 1))[:n]


# 10,000 to 100,000 characters: a repeated seed, with spaces or as one unbreakable run.
long_texts = st.builds(_repeat_to,
                       texts(8).filter(bool) | st.sampled_from(["word ", "x", "a-b", "中"]),
                       st.integers(10_000, 100_000))



names = st.one_of(
    texts(10),
    st.builds(_repeat_to, texts(6).filter(lambda s: s.strip()), st.just(200)),
).map(str.strip).filter(lambda s: 0 < len(s) <= 200)

_ADDRESS = st.characters(exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp"), exclude_characters="@")
_ADDRESS_PART = st.text(_ADDRESS, min_size=1, max_size=12)
emails = st.one_of(
    st.just(""),
    st.builds(lambda a, b, c: f"{a}@{b}.{c}", _ADDRESS_PART, _ADDRESS_PART,
              st.text(string.ascii_lowercase, min_size=2, max_size=6)),
)

# --- dates ------------------------------------------------------------------------------------
ODD_DATES = [date(2000, 1, 1), date(2000, 2, 29), date(2024, 2, 29), date(2099, 12, 31),
             date(2100, 2, 28), date(2100, 3, 1), date(2199, 12, 31), date(2038, 1, 19),
             EARLIEST_DATE, LATEST_DATE]
plan_dates = st.one_of(st.none(), st.sampled_from(ODD_DATES),
                       st.dates(min_value=EARLIEST_DATE, max_value=LATEST_DATE))
# Ids are short ASCII words since schema 4 (older ones are repaired on reading: test_hostile_input)
ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,11}", fullmatch=True)


# --- plans ------------------------------------------------------------------------------------
@st.composite
def _free_text(draw, long: st.SearchStrategy[str], long_odds: int, budget: list[int]) -> str:
    """Empty, short or a few pieces, or (one time in ``long_odds``, while ``budget`` lasts)
    10,000+ characters."""
    if budget[0] > 0 and draw(st.integers(1, long_odds)) == 1:
        budget[0] -= 1
        return draw(long)
    return draw(st.one_of(st.just(""), texts(), texts(40)))


@st.composite
def plan_documents(draw, max_items: int = 4, long: st.SearchStrategy[str] = long_texts,
                   long_odds: int = 4, max_long: int = 1000, need_rep: bool = False) -> dict:
    """A plan document whose references resolve; free text anywhere may be long and odd."""
    text = _free_text(long, long_odds, [max_long])
    n = lambda hi: draw(st.integers(0, hi))  # noqa: E731 - a one-line helper

    def fresh_ids(count: int) -> list[str]:  # unique within their list, as the model asks
        return draw(st.lists(ids, min_size=count, max_size=count, unique=True))

    personas = [{"id": pid, "role": draw(names), "responsibilities": draw(text),
                 "cares_about": draw(st.lists(texts(6), max_size=3)), "value_means": draw(text)}
                for pid in fresh_ids(n(max_items))]
    persona_ids = [p["id"] for p in personas]
    some_personas = st.lists(st.sampled_from(persona_ids), max_size=3,
                             unique=True) if persona_ids else st.just([])
    accounts = []
    for aid in fresh_ids(n(max_items) + (1 if need_rep else 0)):
        accounts.append({
            "id": aid, "name": draw(names), "tier": draw(st.sampled_from("ABC")),
            "industry": draw(texts()), "employees": draw(st.none() | st.integers(0, 10**12)),
            "annual_revenue": draw(texts()), "website": draw(texts()), "city": draw(texts()),
            "country": draw(texts()), "why": draw(text), "notes": draw(text),
            "contacts": [{"name": draw(names), "title": draw(texts()),
                          "persona_id": draw(st.none() | st.sampled_from(persona_ids))
                          if persona_ids else None,
                          "email": draw(emails), "phone": draw(texts(4)), "notes": draw(texts())}
                         for _ in range(n(2))],
        })
    account_ids = [a["id"] for a in accounts]
    touches = [{"id": tid, "title": draw(names), "channel": draw(st.sampled_from(CHANNELS)),
                "value": draw(text), "persona_ids": draw(some_personas), "asset": draw(texts()),
                "message": draw(text)}
               for tid in fresh_ids(n(max_items))]
    touch_ids = [t["id"] for t in touches]
    cadences = [{"id": cid, "name": draw(names),
                 "tiers": draw(st.lists(st.sampled_from("ABC"), max_size=3, unique=True)),
                 "persona_ids": draw(some_personas),
                 "steps": [{"day": draw(st.integers(0, 730)),
                            "channel": draw(st.sampled_from(CHANNELS)),
                            "touch_id": draw(st.none() | st.sampled_from(touch_ids))
                            if touch_ids else None,
                            "objective": draw(text), "is_ask": draw(st.booleans())}
                           for _ in range(n(max_items))]}
                for cid in fresh_ids(n(2) + (1 if need_rep else 0))]
    if need_rep:  # a cadence for every tier, so the rep's edition has a dated schedule
        cadences[0]["tiers"], cadences[0]["persona_ids"] = [], []
        cadences[0]["steps"].append({"day": 0, "channel": "phone"})
    reps = [{"id": rid, "name": draw(names), "email": draw(emails), "territory": draw(texts()),
             "account_ids": draw(st.lists(st.sampled_from(account_ids), max_size=4, unique=True))
             if account_ids else [],
             "start_date": draw(plan_dates),
             **dict(zip(("holiday_country", "holiday_subdivision"), draw(st.sampled_from(
                 [("", ""), ("DE", "HH"), ("IL", "")])), strict=True))}
            for rid in fresh_ids(n(3) + (1 if need_rep else 0))]
    if need_rep:
        reps[0]["account_ids"] = reps[0]["account_ids"] or account_ids[:1]
    differentiators = [{"id": did, "difference": draw(names), "why_it_matters": draw(text),
                        "proof": draw(text), "alternative": draw(texts()),
                        "talk_track": draw(text)} for did in fresh_ids(n(2))]
    stages = st.sampled_from(["first_call", "first_meeting", "any"])
    objections = [{"id": oid, "says": draw(names), "behind": draw(text), "response": draw(text),
                   "differentiator_id": draw(st.none() | st.sampled_from([d["id"] for d in
                                                                         differentiators]))
                   if differentiators else None,
                   "proof": draw(text), "persona_ids": draw(some_personas), "stage": draw(stages)}
                  for oid in fresh_ids(n(max_items))]
    questions = [{"id": qid, "question": draw(names), "why": draw(text),
                  "good_answer": draw(text), "persona_ids": draw(some_personas),
                  "stage": draw(stages)} for qid in fresh_ids(n(max_items))]
    qualification = {"framework": draw(st.sampled_from(["", "bant", "meddicc", "spiced", "own",
                                                         "pain_impact_timeline_authority"])),
                     "criteria": [{"name": draw(names), "must_show": draw(text)}
                                  for _ in range(n(4))],
                     "notes": draw(text)}
    start, end = draw(plan_dates), draw(plan_dates)
    if start and end and end < start:
        start, end = end, start
    return {
        "format": "prospector-plan", "schema_version": SCHEMA_VERSION, "name": draw(names),
        "id": draw(ids),
        "basics": {"company": draw(texts()), "offering": draw(text), "owner": draw(texts()),
                   "goal": draw(text), "strategy": draw(text), "sales_force": draw(texts()),
                   "roles": draw(text), "start_date": _iso(start), "end_date": _iso(end),
                   "page_size": draw(st.sampled_from(["A4", "Letter"])),
                   "brand_colour": "#" + draw(st.text("0123456789abcdefABCDEF", min_size=6,
                                                      max_size=6)),
                   "logo": None},
        "ideal_client_profile": {
            "industries": draw(st.lists(texts(6), max_size=3)), "company_size": draw(texts()),
            "geography": draw(st.lists(texts(6), max_size=3)),
            "trigger_events": draw(st.lists(texts(6), max_size=3)),
            "disqualifiers": draw(st.lists(texts(6), max_size=3)), "notes": draw(text)},
        "accounts": accounts, "personas": personas, "touches": touches,
        "differentiators": differentiators, "objections": objections, "questions": questions,
        "qualification": qualification, "cadences": cadences,
        "accountability": {
            "targets": [{"metric": draw(names),
                         "kind": draw(st.sampled_from(["activity", "outcome"])),
                         "period": draw(st.sampled_from(["week", "month"])),
                         "per_rep": draw(st.floats(0, 1e9, allow_nan=False, allow_infinity=False)
                                         | st.integers(0, 10**6)),
                         "creates_opportunities": draw(st.booleans())}
                        for _ in range(n(3))],
            "review": draw(text), "daily_touch_capacity": draw(st.integers(1, 500)),
            **dict(zip(("holiday_country", "holiday_subdivision"), draw(st.sampled_from(
                [("", ""), ("DE", ""), ("DE", "BY"), ("US", "CA"), ("NL", ""), ("IL", "")])),
                strict=True)),
        },
        "reps": reps,
    }


CHANNELS = ["phone", "email", "social", "mail", "in_person", "event", "video"]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


# --- (a) store -> plan file -> store ----------------------------------------------------------
def test_any_plan_survives_store_plan_file_store(capsys):
    """save -> load -> write_plan_file -> read_plan_file -> save -> load, equal at every step,
    and the JSON the app hands to its render process reads back as the same plan."""
    stats = {"plans": 0, "differences": 0, "chars": 0}

    @settings(max_examples=ROUND_TRIP_EXAMPLES, **SETTINGS)
    @given(doc=plan_documents())
    def round_trip(doc: dict) -> None:
        plan = Plan.model_validate(doc)
        want = plan_to_document(plan)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            store = PlanStore(folder / "store")
            steps = []
            store.save(plan)
            loaded = store.load(plan.id)
            steps.append(("store.save -> store.load", loaded))
            path = write_plan_file(loaded, folder / "plan.json")
            json.loads(path.read_text("utf-8"), parse_constant=_no_constants)  # strict JSON
            from_file = read_plan_file(path)
            steps.append(("write_plan_file -> read_plan_file", from_file))
            store.save(from_file)
            again = PlanStore(folder / "store").load(plan.id)
            steps.append(("second store.save -> store.load", again))
            steps.append(("store.load_version(1)", store.load_version(plan.id, 1)))
            steps.append(("model_dump_json -> model_validate_json (render jobs)",
                          Plan.model_validate_json(plan.model_dump_json())))
            steps.append(("plan_to_json -> plan_from_document",
                          plan_from_document(json.loads(plan_to_json(plan)), "x")))
        for step, got in steps:
            if got != plan or plan_to_document(got) != want:
                stats["differences"] += 1
                raise AssertionError(f"the plan changed in {step}")
        stats["plans"] += 1
        stats["chars"] += len(plan_to_json(plan))

    try:
        round_trip()
    finally:
        with capsys.disabled():
            print(f"\nhypothesis round trips: {stats['plans']} plans "
                  f"({stats['chars'] / 1e6:.1f} M characters of plan JSON), "
                  f"{stats['differences']} differences")
    assert stats["plans"] >= ROUND_TRIP_EXAMPLES * 0.9 and stats["differences"] == 0


def _no_constants(name: str):
    raise AssertionError(f"the plan file holds {name}, which is not JSON")


# --- what the model refuses -------------------------------------------------------------------
FORBIDDEN = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9f",
             "\ud800", "\udfff"]


@pytest.mark.parametrize("bad", FORBIDDEN, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("where", ["name", "basics.goal", "accounts.0.why", "accounts.0.id",
                                   "reps.0.account_ids.0"])
def test_control_characters_and_lone_surrogates_are_refused_by_name(bad, where):
    """JSON can carry them ("\\u0000", "\\ud800"), but a lone surrogate cannot be written as UTF-8
    (the store and the plan file would fail to save) and control characters are not text a
    playbook can print (XML and PDF text refuse them): refused, naming the field."""
    doc = {"format": "prospector-plan", "schema_version": SCHEMA_VERSION, "name": "Plan",
           "basics": {"goal": "fine"}, "accounts": [{"id": "a1", "name": "Acme", "why": "ok"}],
           "reps": [{"name": "Rep", "account_ids": ["a1"]}]}
    node, *path, last = [doc, *where.split(".")]
    for key in path:
        node = node[int(key)] if key.isdigit() else node[key]
    key = int(last) if last.isdigit() else last
    node[key] = f"a{bad}b"
    if where == "accounts.0.id":
        doc["reps"][0]["account_ids"] = [f"a{bad}b"]
    with pytest.raises(PlanFileError) as caught:
        plan_from_document(doc, "plan.json")
    message = str(caught.value)
    if where.startswith(("accounts.0.id", "reps.0.account_ids")):  # ids: a stricter rule
        assert "is not a usable id (letters, digits" in message, message
    else:
        assert f"U+{ord(bad):04X}" in message, message
    assert message.startswith(f"plan.json: {where.split('.')[0]}"), message


def test_a_plan_file_with_escaped_nul_or_surrogate_is_refused_and_changes_nothing(tmp_path):
    for escaped in ("\\u0000", "\\ud83d"):
        path = tmp_path / "plan.json"
        path.write_text('{"format": "prospector-plan", '
                        f'"schema_version": {SCHEMA_VERSION}, '
                        f'"name": "Plan {escaped}"}}', "utf-8")
        with pytest.raises(PlanFileError, match="plan.json: name: contains"):
            read_plan_file(path)


def test_tabs_and_line_breaks_are_kept():
    text = "line one\nline two\r\nline\tthree\u2028four"
    plan = Plan(name="P", basics={"goal": text})
    assert plan_from_document(json.loads(plan_to_json(plan)), "x").basics.goal == text


@pytest.mark.parametrize("field", ["start_date", "end_date"])
@pytest.mark.parametrize("day", ["1999-12-31", "0001-01-01", "2200-01-01", "9999-12-31"])
def test_dates_outside_what_a_plan_can_use_are_refused(field, day):
    with pytest.raises(PlanFileError, match=f"basics.{field}: must be between 2000-01-01 and "
                                            f"2199-12-31 \\(got {day}\\)"):
        plan_from_document({"format": "prospector-plan", "schema_version": SCHEMA_VERSION,
                            "name": "P", "basics": {field: day}}, "plan.json")
    with pytest.raises(PlanFileError, match="reps\\[0\\] \\(R\\).start_date: must be between"):
        plan_from_document({"format": "prospector-plan", "schema_version": SCHEMA_VERSION,
                            "name": "P", "reps": [{"name": "R", "start_date": day}]}, "plan.json")


@pytest.mark.parametrize("day", ["1999-12-31", "9999-12-30"])
def test_a_schedule_start_outside_the_plan_dates_is_one_clear_line(capsys, tmp_path, day):
    """It used to overflow the calendar (OverflowError: exit code 70, "unexpected problem")."""
    code = main(["schedule", str(sample_plan_path()), "--rep", "Mette Sørensen", "--start", day])
    err = capsys.readouterr().err
    assert code == 1 and err.strip() == (f"prospector: error: --start: must be between 2000-01-01 "
                                         f"and 2199-12-31 (got {day})")
    plan = read_plan_file(sample_plan_path())
    with pytest.raises(ScheduleError, match="start date must be between"):
        build_schedule(plan, plan.reps[0], date.fromisoformat(day))
    with pytest.raises(ScheduleError):
        render_playbook_pdf(plan, tmp_path / "x.pdf", rep_name=plan.reps[0].name,
                            start=date.fromisoformat(day))
    assert not list(tmp_path.iterdir())


@settings(max_examples=30, **SETTINGS)
@given(start=st.dates(EARLIEST_DATE, LATEST_DATE), days=st.integers(1, 3000))
def test_an_end_date_before_the_start_is_refused(start, days):
    end = start - timedelta(days=days)
    assume(end >= EARLIEST_DATE)
    with pytest.raises(PlanFileError, match="end date is before the start date"):
        plan_from_document({"format": "prospector-plan", "name": "P",
                            "basics": {"start_date": start.isoformat(),
                                       "end_date": end.isoformat()}}, "plan.json")
    same_day = plan_from_document({"format": "prospector-plan", "name": "P", "basics": {
        "start_date": start.isoformat(), "end_date": start.isoformat()}}, "plan.json")
    assert same_day.basics.end_date == start


@pytest.mark.parametrize("value", ["Infinity", "-Infinity", "NaN", "1e999"])
def test_targets_must_be_finite_numbers(tmp_path, value):
    """json.loads reads Infinity/NaN; pydantic used to accept an infinite target, which is not
    JSON and came back as null (refused) through the app's render job."""
    path = tmp_path / "plan.json"
    path.write_text(f'{{"format": "prospector-plan", "schema_version": {SCHEMA_VERSION}, '
                    '"name": "P", "accountability": {"targets": '
                    f'[{{"metric": "Meetings", "per_rep": {value}}}]}}}}', "utf-8")
    with pytest.raises(PlanFileError, match=r"accountability.targets\[0\] \(Meetings\).per_rep: "
                                            r"must be"):
        read_plan_file(path)


# --- (b) any plan prints --------------------------------------------------------------------
long_pdf_texts = st.builds(_repeat_to, texts(6).filter(bool) | st.sampled_from(["x", "中"]),
                           st.integers(10_000, 12_000))


def test_any_plan_prints_the_leaders_and_a_reps_playbook(capsys):
    stats = {"plans": 0, "pdfs": 0, "pages": 0, "failures": 0}

    # No shrinking: each example takes seconds; a failure is printed as generated.
    @settings(max_examples=PDF_EXAMPLES, phases=[Phase.explicit, Phase.generate], **SETTINGS)
    @given(doc=plan_documents(max_items=2, long=long_pdf_texts, long_odds=6,
                              max_long=1, need_rep=True))
    def prints(doc: dict) -> None:
        plan = Plan.model_validate(doc)
        rep = plan.reps[0]
        with tempfile.TemporaryDirectory() as tmp:
            start = rep.start_date or plan.basics.start_date or date(2027, 1, 11)
            for out, rep_name, day in ((Path(tmp) / "leader.pdf", None, None),
                                       (Path(tmp) / "rep.pdf", rep.id, start)):
                try:
                    result = render_playbook_pdf(plan, out, rep_name=rep_name, start=day,
                                                 today=date(2027, 1, 4))
                    reader = PdfReader(out)
                    assert len(reader.pages) == result.pages > 0
                    # the title is read back as HTML reads text: CR LF and CR become LF
                    name = plan.name.replace("\r\n", "\n").replace("\r", "\n")
                    assert reader.metadata.title.startswith(name)
                except BaseException:
                    stats["failures"] += 1
                    raise
                stats["pdfs"] += 1
                stats["pages"] += result.pages
        stats["plans"] += 1

    try:
        prints()
    finally:
        with capsys.disabled():
            print(f"\nhypothesis PDFs: {stats['plans']} plans, {stats['pdfs']} PDFs "
                  f"({stats['pages']} pages), {stats['failures']} failures")
    assert stats["plans"] == PDF_EXAMPLES and stats["failures"] == 0
