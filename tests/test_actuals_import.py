"""Importing CRM exports into a plan's actuals: Salesforce and HubSpot, and every bad input."""

from datetime import date

import pytest

from prospector import planfile
from prospector.account_import import CsvFileError
from prospector.actuals.records import Happened
from prospector.actuals_import import (
    FIELD_LABELS,
    DateFormat,
    Export,
    NotReady,
    enter_figure,
    importer,
    preview_actuals,
    read_actuals,
)
from prospector.actuals_import.amounts import read_amount
from prospector.actuals_import.dates import read_date
from prospector.cli import main
from prospector.errors import ProspectorError
from prospector.model import Channel
from prospector.store import PlanStore
from tests.conftest import REPO

DATA = REPO / "tests" / "data"
SF_ACTIVITIES = DATA / "salesforce-activities-report.csv"
SF_OPPORTUNITIES = DATA / "salesforce-opportunities-report.csv"
HS_ACTIVITIES = DATA / "hubspot-activities-export.csv"
HS_DEALS = DATA / "hubspot-deals-export.csv"
BAD = DATA / "actuals-bad-input.csv"


def _by_subject(found):
    return {f.subject: f for f in found.facts}


def test_a_salesforce_activity_report_reads_as_touches_and_meetings(sample_plan):
    found = read_actuals(sample_plan, SF_ACTIVITIES, date_format="mdy")
    assert found.export is Export.SALESFORCE_ACTIVITIES and found.ready
    facts = _by_subject(found)
    call = facts["Call: energy benchmark"]
    assert (call.kind, call.channel, call.rep_id, call.account_id, call.date) == (
        Happened.TOUCH, Channel.PHONE, "rep-01", "acc-01", date(2027, 1, 12))
    assert call.key == "salesforce:00T5g000012aaA1"
    # accents, legal forms and name order ignored; the subtype says more than "Other"
    assert facts["Email: scrap-rate study"].account_id == "acc-02"  # Brückner & Voss ... GmbH
    linkedin = facts["LinkedIn: comment on plant opening"]
    assert (linkedin.channel, linkedin.rep_id, linkedin.account_id) == (
        Channel.SOCIAL, "rep-02", "acc-05")
    assert facts["First meeting: line 3 OEE"].kind is Happened.MEETING
    assert facts["Follow up on pilot"].rep_id == "rep-03"  # "Claessens, Bram"
    assert facts["Letter with the benchmark"].rep_id == "rep-03"  # by e-mail
    assert facts["Letter with the benchmark"].channel is None  # "Other" with no subtype
    outside = facts["Intro call"]
    assert outside.account_id is None and outside.account_name == "Nordic Foods Group AB"
    assert [u.name for u in found.outside_accounts] == ["Nordic Foods Group AB"]
    assert found.footer_rows == [10, 11] and len(found.facts) == 7


def test_a_salesforce_opportunity_report_keeps_stage_and_amount(sample_plan):
    found = read_actuals(sample_plan, SF_OPPORTUNITIES, date_format="mdy")
    assert found.export is Export.SALESFORCE_OPPORTUNITIES
    assert [(f.kind, f.account_id, f.stage, f.amount, f.date) for f in found.facts] == [
        (Happened.OPPORTUNITY, "acc-01", "Qualification", 48_500.0, date(2027, 2, 3)),
        (Happened.OPPORTUNITY, "acc-05", "Discovery", 1_234_000.0, date(2027, 2, 17)),
        (Happened.OPPORTUNITY, "acc-13", "Prospecting", None, date(2027, 3, 2))]


def test_a_hubspot_activity_export_skips_notes_and_replies_and_counts_a_repeated_row_once(
        sample_plan):
    found = read_actuals(sample_plan, HS_ACTIVITIES)
    assert found.export is Export.HUBSPOT_ACTIVITIES and found.ready
    assert [(f.kind, f.channel) for f in found.facts] == [
        (Happened.TOUCH, Channel.PHONE), (Happened.TOUCH, Channel.EMAIL),
        (Happened.MEETING, None), (Happened.TOUCH, Channel.SOCIAL)]
    assert found.duplicates == [(4, 3)]
    assert [(n.row, n.note.split(";")[0]) for n in found.skipped] == [
        (7, "a note, not a touch of the prospect"),
        (8, "an e-mail the prospect sent, not a touch by the rep")]
    assert all(f.key.startswith("hubspot:#") for f in found.facts)  # no row id: a hash


def test_a_hubspot_deal_export_reads_european_amounts_and_reports_an_unreadable_one(
        sample_plan):
    found = read_actuals(sample_plan, HS_DEALS)
    assert found.export is Export.HUBSPOT_DEALS and found.delimiter == ";"
    assert [(f.key, f.amount, f.date) for f in found.facts] == [
        ("hubspot:9001", 1234.5, date(2027, 2, 12)), ("hubspot:9002", 48_500.0,
                                                       date(2027, 2, 19)),
        ("hubspot:9003", 12.5, date(2027, 3, 3)), ("hubspot:9004", None, date(2027, 3, 4))]
    assert [(w.row, w.note.split(":")[0]) for w in found.warnings] == [
        (5, "the amount '1.2.3' cannot be read")]
    assert "imported without an amount" in found.warnings[0].note


@pytest.mark.parametrize("text, amount", [
    ("1,234.50", 1234.5), ("1.234,50", 1234.5), ("1 234,50", 1234.5), ("1'234.50", 1234.5),
    ("EUR 1.234.567", 1_234_567), ("$48,500.00", 48_500), ("12,5", 12.5), ("1234.5", 1234.5),
    ("1.234", 1234), ("48 500 €", 48_500), ("", None)])
def test_amounts_in_either_convention(text, amount):
    assert read_amount(text) == (amount, "")


@pytest.mark.parametrize("text, problem", [
    ("1,23,4.5", "cannot be read"), ("12.34,56.7", "cannot be read"), ("-500", "negative"),
    ("ten", "not a number"), ("9" * 40, "not a number")])
def test_amounts_that_cannot_be_read_say_why(text, problem):
    amount, why = read_amount(text)
    assert amount is None and problem in why


def test_importing_an_overlapping_export_again_adds_nothing_twice(sample_plan, tmp_path):
    plan = read_actuals(sample_plan, HS_ACTIVITIES).apply(sample_plan)
    plan = read_actuals(plan, HS_DEALS).apply(plan)
    again = read_actuals(plan, HS_ACTIVITIES)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 4)
    assert len(again.apply(plan).actuals.facts) == len(plan.actuals.facts) == 8
    moved_on = tmp_path / "deals.csv"
    moved_on.write_text(HS_DEALS.read_text("utf-8").replace("Qualified to buy", "Closed won"),
                        "utf-8")
    later = read_actuals(plan, moved_on)
    assert (later.new, later.updated, later.unchanged) == (0, 1, 3)
    assert [f.stage for f in later.apply(plan).actuals.facts if f.key == "hubspot:9002"] == [
        "Closed won"]


def test_an_unknown_rep_waits_with_the_closest_name_until_mapped_and_the_mapping_is_kept(
        sample_plan):
    found = read_actuals(sample_plan, BAD, date_format="dmy")
    assert [(u.name, u.rows, u.closest) for u in found.unknown_reps] == [
        ("Jonas Albrect", [2], "Jonas Albrecht"), ("Sabine Kurz", [3], None)]
    assert not found.ready
    with pytest.raises(NotReady, match="Jonas Albrect.*closest: Jonas Albrecht"):
        found.apply(sample_plan)
    mapped = read_actuals(sample_plan, BAD, date_format="dmy",
                          rep_map={"Jonas Albrect": "jonas albrecht", "Sabine Kurz": None})
    assert mapped.ready and mapped.left_out_rows == 1
    plan = mapped.apply(sample_plan)
    assert plan.actuals.rep_names == {"Jonas Albrect": "rep-01"}
    later = read_actuals(plan, BAD, date_format="dmy", rep_map={"Sabine Kurz": None})
    assert later.ready and later.unchanged == 4 and not later.unknown_reps


def test_a_rep_mapped_to_no_rep_of_the_plan_is_refused_with_the_reps_named(sample_plan):
    with pytest.raises(Exception, match="no rep named 'Sabine'.*Jonas Albrecht"):
        read_actuals(sample_plan, BAD, rep_map={"Sabine Kurz": "Sabine"})


def test_bad_rows_are_reported_by_row_with_what_to_do(sample_plan):
    found = read_actuals(sample_plan, BAD, date_format="dmy",
                         rep_map={"Jonas Albrect": "Jonas Albrecht", "Sabine Kurz": None})
    skipped = {n.row: n.note for n in found.skipped}
    assert "2026-03-11 is before the plan starts (2027-01-11)" in skipped[6]
    assert "export the plan's period only, or change the plan's dates" in skipped[6]
    assert "'2027-02-30' is no day of the calendar" in skipped[7]
    assert "names no rep" in skipped[8]
    assert found.duplicates == [(10, 9)]
    lines = "\n".join(found.summary_lines())
    assert "row 10 repeats row 9" in lines and "row 6: 2026-03-11" in lines
    german = found.summary_lines(language="de")  # as the app in German shows it
    assert "  Zeile 10 wiederholt Zeile 9" in german
    assert ("1 doppelte Zeile (dieselbe Aktivität zweimal in der Datei; einmal importiert):"
            in german)
    assert german[0].split(" ", 1)[1].startswith(("neue Einträge gefunden", "neuer Eintrag"))


def test_us_and_european_dates_in_one_file_are_never_guessed(sample_plan):
    found = read_actuals(sample_plan, BAD, rep_map={"Jonas Albrect": "Jonas Albrecht",
                                                    "Sabine Kurz": None})
    assert found.ambiguous_dates == [5, 6] and not found.ready
    assert found.date_forms == {DateFormat.DMY: [2, 3], DateFormat.MDY: [4]}
    assert found.suggested_date_format is None
    assert any(line.startswith("check: the file mixes European dates (day first: rows 2, 3) "
                               "and US dates (month first: row 4)")
               for line in found.summary_lines())
    assert "rows 5, 6" in found.to_settle()[0] and "(mdy)" in found.to_settle()[0]
    assert found.to_settle(language="de")[0].startswith(
        "2 Zeilen haben Datumsangaben, die sich zweifach lesen lassen (03/04/2027: 3. April oder "
        "4. März?), Zeilen 5, 6")
    chosen = read_actuals(sample_plan, BAD, date_format="dmy",
                          rep_map={"Jonas Albrect": "Jonas Albrecht", "Sabine Kurz": None})
    assert date(2027, 2, 3) in [f.date for f in chosen.facts]  # 03/02/2027, day first
    assert any(w.row == 4 and "can only be month/day/year (US)" in w.note
               for w in chosen.warnings)


def test_everything_to_settle_is_said_at_once(sample_plan, tmp_path):
    export = tmp_path / "calls.csv"
    export.write_text("Assigned,Date,Type,Subject\nSabine Kurz,03/02/2027,Call,Intro\n", "utf-8")
    found = read_actuals(sample_plan, export)
    assert found.ambiguous_dates == [2] and [u.name for u in found.unknown_reps] == ["Sabine Kurz"]
    assert len(found.to_settle()) == 2


def test_dates_of_one_form_suggest_it_but_still_wait_for_the_choice(sample_plan):
    found = read_actuals(sample_plan, SF_ACTIVITIES)
    assert found.ambiguous_dates == [2, 8] and not found.ready
    assert found.suggested_date_format is DateFormat.MDY
    assert "can only be month/day/year (US)" in found.to_settle()[0]


@pytest.mark.parametrize("text, day, ambiguous", [
    ("2027-01-12 14:30", date(2027, 1, 12), False), ("12.01.2027", date(2027, 1, 12), False),
    ("13/01/2027", date(2027, 1, 13), False), ("01/13/2027", date(2027, 1, 13), False),
    ("1/12/2027, 2:30 PM", None, True), ("5/5/27", date(2027, 5, 5), False),
    ("12 Jan 2027", date(2027, 1, 12), False), ("Jan 12, 2027", date(2027, 1, 12), False)])
def test_dates_as_exports_write_them(text, day, ambiguous):
    read = read_date(text)
    assert (read.day, read.ambiguous) == (day, ambiguous)


def test_two_calls_on_one_day_are_two_facts_and_one_row_written_twice_is_one(sample_plan,
                                                                             tmp_path):
    export = tmp_path / "calls.csv"
    export.write_text("Activity date,Activity type,Activity assigned to,Subject\n"
                      "2027-01-12 09:30,CALL,Jonas Albrecht,Follow-up\n"
                      "2027-01-12 2:30 PM,CALL,Jonas Albrecht,Follow-up\n"
                      "2027-01-12 14:30,CALL,Jonas Albrecht,Follow-up\n", "utf-8")
    found = read_actuals(sample_plan, export)
    assert len(found.facts) == 2 and found.duplicates == [(4, 3)]


def test_a_row_with_more_values_than_the_header_is_not_imported_and_says_why(sample_plan,
                                                                           tmp_path):
    export = tmp_path / "calls.csv"
    export.write_text("Activity date,Activity type,Activity assigned to,Subject\n"
                      "2027-01-12,CALL,Jonas Albrecht,Pricing, and next steps\n"
                      "2027-01-13,CALL,Jonas Albrecht,\"Pricing, and next steps\"\n", "utf-8")
    found = read_actuals(sample_plan, export)
    assert [f.subject for f in found.facts] == ["Pricing, and next steps"]
    assert "row 2: has 5 values but the header has 4 columns" in str(found.skipped[0])


def test_a_cell_of_several_companies_is_the_one_in_the_plan(sample_plan, tmp_path):
    export = tmp_path / "meetings.csv"
    export.write_text("Activity date,Activity type,Assigned to,Associated companies,Record ID\n"
                      "2027-01-12,MEETING,Jonas Albrecht,Nordic Foods; Haldorsen Metallverk,1\n"
                      "2027-01-13,MEETING,Jonas Albrecht,Nordic Foods; Baltic Steel,2\n", "utf-8")
    found = read_actuals(sample_plan, export)
    assert [(f.account_id, f.account_name) for f in found.facts] == [
        ("acc-01", "Haldorsen Metallverk"), (None, "Nordic Foods")]


def test_the_mapping_screen_sees_the_export_its_rows_and_the_columns_found():
    preview = preview_actuals(HS_DEALS)
    assert preview.export is Export.HUBSPOT_DEALS and preview.file.delimiter == ";"
    assert {FIELD_LABELS[f]: preview.file.headers[i] for f, i in preview.columns.items()} == {
        "Rep (name)": "Deal owner", "Date": "Create date", "Stage": "Deal stage",
        "Amount": "Amount", "Subject": "Deal Name", "Account": "Associated Company",
        "Row id (the CRM's id of the row)": "Record ID"}
    assert preview.file.rows[0][1] == "Haldorsen energy pilot"


def test_a_file_that_is_no_known_export_says_which_exports_are(sample_plan, tmp_path):
    other = tmp_path / "contacts.csv"
    other.write_text("First Name,Last Name,Email\nAnna,Berg,anna@x.example\n", "utf-8")
    with pytest.raises(CsvFileError, match="not an export Prospector knows.*Salesforce "
                                           "activity or opportunity report"):
        read_actuals(sample_plan, other)


def test_an_export_longer_than_the_cap_is_refused_before_any_row_is_read(
        sample_plan, monkeypatch):
    monkeypatch.setattr(importer, "MAX_ROWS", 5)
    with pytest.raises(CsvFileError, match="more than 5.*export a shorter period"):
        read_actuals(sample_plan, SF_ACTIVITIES)


def test_the_command_line_dry_run_saves_nothing_and_asks_for_the_date_format(
        sample_plan, tmp_path, capsys):
    plan_file = planfile.write_plan_file(sample_plan, tmp_path / "plan.json")
    before = plan_file.read_bytes()
    assert main(["actuals", str(plan_file), "--import", str(SF_ACTIVITIES)]) == 1
    out, err = capsys.readouterr()
    assert "a Salesforce activity report" in out and "nothing was imported" in err
    assert "--date-format" in err and plan_file.read_bytes() == before
    assert main(["actuals", str(plan_file), "--import", str(SF_ACTIVITIES), "--date-format",
                 "mdy", "--dry-run"]) == 0
    assert "Dry run: nothing was saved." in capsys.readouterr().out
    assert plan_file.read_bytes() == before


def test_the_command_line_imports_into_a_stored_plan_and_remembers_a_mapped_rep(
        sample_plan, capsys):
    store = PlanStore()
    store.save(sample_plan)
    args = ["actuals", sample_plan.name, "--import", str(BAD), "--date-format", "dmy",
            "--map-rep", "Jonas Albrect=Jonas Albrecht", "--map-rep", "Sabine Kurz="]
    assert main(args) == 0
    assert "as version 2" in capsys.readouterr().out
    stored = store.load(sample_plan.id)
    assert len(stored.actuals.facts) == 4
    assert stored.actuals.rep_names == {"Jonas Albrect": "rep-01"}
    assert main(["actuals", sample_plan.id, "--import", str(BAD), "--date-format", "dmy",
                 "--map-rep", "Sabine Kurz="]) == 0
    assert "the plan has every fact of this export already" in capsys.readouterr().out
    assert [v.version for v in store.history(sample_plan.id)][0] == 2


def test_a_figure_entered_by_hand_is_kept_per_rep_week_and_target(sample_plan):
    plan = enter_figure(sample_plan, "mette sorensen", "2027-W05",
                        "new contacts mapped in target accounts", 3)
    plan = enter_figure(plan, "rep-02", "2027-W05", "New contacts mapped in target accounts", 5)
    plan = enter_figure(plan, "Mette Sørensen", "2027-W06", "First meetings held", 1)
    assert [(f.rep_id, f.week, f.metric, f.value) for f in plan.actuals.weekly] == [
        ("rep-02", "2027-W05", "New contacts mapped in target accounts", 5),
        ("rep-02", "2027-W06", "First meetings held", 1)]
    assert sample_plan.actuals.weekly == []


@pytest.mark.parametrize("rep, week, metric, problem", [
    ("Sabine Kurz", "2027-W05", "First meetings held", "no rep named 'Sabine Kurz'"),
    ("Mette Sørensen", "2027-W05", "Deals won", "no target 'Deals won'"),
    ("Mette Sørensen", "2026-W40", "First meetings held", "2026-W40 is outside the plan"),
    ("Mette Sørensen", "week 5", "First meetings held", "is not an ISO week")])
def test_a_figure_for_no_rep_target_or_week_of_the_plan_is_refused(sample_plan, rep, week,
                                                                    metric, problem):
    with pytest.raises(ProspectorError, match=problem):
        enter_figure(sample_plan, rep, week, metric, 1)


def test_half_a_meeting_is_refused_and_a_figure_entered_by_hand_may_have_decimals(sample_plan):
    """"1,5" touches were taken for a week's touches: a target that counts touches, meetings
    or opportunities counts whole ones; one whose figures are entered by hand need not."""
    with pytest.raises(ProspectorError, match="'First meetings held' is a count: enter a whole"):
        enter_figure(sample_plan, "Mette Sørensen", "2027-W05", "First meetings held", 1.5)
    plan = enter_figure(sample_plan, "Mette Sørensen", "2027-W05",
                        "New contacts mapped in target accounts", 2.5)
    assert [f.value for f in plan.actuals.weekly] == [2.5]
    with pytest.raises(ProspectorError, match="finite"):  # not an OverflowError on the way
        enter_figure(sample_plan, "Mette Sørensen", "2027-W05", "First meetings held", 1e999)


def test_a_figure_too_big_is_refused_with_its_limit_as_a_count_reads(sample_plan):
    # "must be at most 1000000.0 (got 99999999.0)" for a number of meetings
    with pytest.raises(ProspectorError, match=r"at most 1000000 \(got 99999999\)$"):
        enter_figure(sample_plan, "Mette Sørensen", "2027-W05", "First meetings held", 99_999_999)


def test_cells_of_hundreds_of_thousands_of_characters_are_reported_not_choked_on(
        sample_plan, tmp_path):
    long = "Ab1,.:/ " * 40_000
    export = tmp_path / "deals.csv"
    export.write_text(
        "Record ID,Deal Name,Deal owner,Create date,Deal stage,Amount,Associated Company\n"
        f'1,Pilot,Jonas Albrecht,"{long}",Open,1,Haldorsen\n'
        f'2,Pilot,"{long}",2027-02-01,Open,1,Haldorsen\n'
        f'3,"{long}",Jonas Albrecht,2027-02-01,"{long}","{long}","{long}"\n', "utf-8")
    found = read_actuals(sample_plan, export)
    assert "is not a date Prospector reads" in found.skipped[0].note
    assert found.unknown_reps[0].closest is None and len(str(found.unknown_reps[0])) < 100
    (fact,) = found.facts
    assert fact.amount is None and 990 < len(fact.subject) <= 1000 and len(fact.account_name) <= 300
    assert "the amount" in found.warnings[0].note
    assert max(len(line) for line in found.summary_lines()) < 300


def test_a_read_that_ends_while_a_newer_one_runs_leaves_the_collector_paused_for_it():
    """The import dialog replaces a read when the leader changes a choice: the older read
    ending must not switch Python's cycle collector back on under the newer one (its full
    collections over the rows read so far held the app's window 0.2-0.8 s each)."""
    import gc  # noqa: PLC0415

    from prospector.collector import collection_paused  # noqa: PLC0415

    assert gc.isenabled()
    older, newer = collection_paused(), collection_paused()
    older.__enter__()
    newer.__enter__()
    older.__exit__(None, None, None)  # the replaced read ends first
    assert not gc.isenabled()
    newer.__exit__(None, None, None)
    assert gc.isenabled()
