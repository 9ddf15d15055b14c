"""The domain's messages in the app's language: what an import says of each row, the errors of a
file that cannot be read and the problems of a value a leader types read German in a German app
("messages" catalog), with the file, the row and the field kept; the command line keeps English."""

import json
import pickle
import string
from datetime import date

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from pydantic import ValidationError

from prospector.account_import import import_accounts
from prospector.account_import.csv_source import CsvFileError
from prospector.actuals_import import read_actuals
from prospector.cli import main
from prospector.errors import PlanFileError, ProspectorError, describe_validation_error
from prospector.messages import ENGLISH, LOCALE_DIR, Note, Say, error_said, said
from prospector.model import Plan, PlanBasics, Rep
from prospector.planfile import (
    STORED_REPAIRED,
    plan_from_document,
    plan_to_document,
    read_plan_file,
    read_plan_file_noting,
    write_plan_file,
)
from tests.conftest import REPO

GERMAN = Say("de")
CATALOG = LOCALE_DIR / "de" / "LC_MESSAGES" / "messages.po"


def _fields(text: str) -> list[str]:
    return sorted(f for _t, f, _s, _c in string.Formatter().parse(text) if f is not None)


def test_every_message_of_the_domain_is_in_the_catalog_and_has_its_german():
    """A message marked since the last extraction, or left untranslated, would reach a German
    user in English; each German keeps the English's placeholders (the row, the file)."""
    keywords = {"M_": None, "MN_": (1, 2), "Note": None}
    marked = {message if isinstance(message, str) else message[0]
              for _f, _l, message, *_rest
              in extract_from_dir(str(REPO / "prospector"), [("**.py", "python")],
                                  keywords=keywords)}
    with (LOCALE_DIR / "messages.pot").open("rb") as handle:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    assert marked - template == set()
    with CATALOG.open("rb") as handle:
        german = read_po(handle)
    for message in german:
        if not message.id:
            continue
        forms = [message.string] if isinstance(message.string, str) else list(message.string)
        english = [message.id] if isinstance(message.id, str) else list(message.id)
        assert all(forms), f"no German for {message.id!r}"
        assert all(_fields(f) == _fields(english[-1]) for f in forms), message.id
        if isinstance(message.id, str):  # the committed .mo is compiled from this .po
            assert GERMAN(message.id) == message.string, message.id
    assert {m.id if isinstance(m.id, str) else m.id[0] for m in german if m.id} == template


def test_an_account_import_says_each_rows_problem_in_german_and_keeps_english_for_the_cli(
        sample_plan, tmp_path):
    path = tmp_path / "accounts.csv"
    path.write_text("Account Name,Employees,Tier,Website\n"
                    "Nordlicht Logistik GmbH,1200,A,nordlicht.de\n"
                    ",50,B,\n"
                    "Kranich Werke AG,500-1000,Tier 9,kranich.de\n"
                    "Zeta AG,10,A,zeta.de,extra\n", encoding="utf-8")
    result = import_accounts(sample_plan, path)
    german = "\n".join(result.summary_lines(language="de"))
    assert "  Zeile 3: kein Kundenname" in german
    assert ("  Zeile 5: hat 5 Werte, die Kopfzeile aber 4 Spalten (fehlen einem Wert mit Komma "
            "darin die Anführungszeichen?)") in german
    assert ("  Zeile 4: Mitarbeiterzahl „500-1000“ ist eine Spanne, keine Zahl; leer gelassen"
            in german)
    assert "  Zeile 4: Stufe „Tier 9“ ist weder A, B noch C; B verwendet" in german
    english = "\n".join(result.summary_lines())
    assert "  row 3: no account name" in english
    assert "  row 4: employees '500-1000' is a range, not a number; left empty" in english
    assert [str(s) for s in result.skipped][0] == "row 3: no account name"


def test_an_actuals_import_says_each_rows_problem_in_german_with_german_dates(sample_plan):
    found = read_actuals(sample_plan, REPO / "tests" / "data" / "actuals-bad-input.csv",
                         date_format="dmy")
    german = found.summary_lines(language="de")
    assert ("  Zeile 6: 11.03.2026 liegt vor dem Planbeginn (11.01.2027); nicht importiert "
            "(exportieren Sie nur den Zeitraum des Plans oder ändern Sie die Daten des Plans)"
            in german)
    assert ("  Zeile 7: das Datum „2027-02-30“ ist kein Tag des Kalenders; nicht importiert"
            in german)
    assert ("  Zeile 4: „01/18/2027“ kann nur Monat/Tag/Jahr (USA) sein; als 18.01.2027 gelesen, "
            "obwohl Tag/Monat/Jahr (europäisch) gewählt wurde" in german)
    assert "  „Jonas Albrect“ (Zeile 2; am ähnlichsten: Jonas Albrecht)" in german
    assert any(line.startswith("prüfen: die Datei mischt europäische Daten (Tag zuerst: "
                               "Zeilen 2, 3)") for line in german)
    english = found.summary_lines()
    assert ("  row 6: 2026-03-11 is before the plan starts (2027-01-11); not imported (export the "
            "plan's period only, or change the plan's dates)" in english)


def test_a_file_that_is_no_csv_and_a_plan_file_that_does_not_validate_say_so_in_german(
        sample_plan, tmp_path):
    workbook = tmp_path / "Kunden.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    with pytest.raises(CsvFileError) as caught:
        import_accounts(sample_plan, workbook)
    assert error_said(caught.value, GERMAN) == (
        f"{workbook}: ist eine Excel-Arbeitsmappe (.xlsx) oder eine andere ZIP-Datei, keine "
        "CSV-Datei (exportieren Sie sie aus Ihrem CRM als CSV oder speichern Sie sie in Excel "
        "über Datei > Speichern unter > CSV UTF-8 und importieren Sie diese Datei)")
    assert str(caught.value).startswith(f"{workbook}: is an Excel workbook (.xlsx)")
    plan = tmp_path / "plan.json"
    doc = plan_to_document(sample_plan)
    doc["reps"][0]["email"] = "jonas at northwind"
    doc["basics"]["brand_colour"] = "blue"
    plan.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(PlanFileError) as refused:
        read_plan_file(plan)
    rep = doc["reps"][0]["name"]
    assert error_said(refused.value, GERMAN) == (
        f"{plan}: basics.brand_colour: muss eine Farbe der Form #RRGGBB sein, zum Beispiel "
        f"#1F4E79; reps[0] ({rep}).email: ist keine E-Mail-Adresse (erwartet: name@firma.de) "
        "(korrigieren Sie dieses Feld und versuchen Sie es erneut)")
    assert "reps[0] (" in str(refused.value) and "is not an email address" in str(refused.value)


@pytest.mark.parametrize(("make", "german"), [
    (lambda: Rep(name="Jonas", email="jonas at northwind"),
     "email: ist keine E-Mail-Adresse (erwartet: name@firma.de)"),
    (lambda: PlanBasics(start_date=date(2027, 6, 1), end_date=date(2027, 1, 1)),
     "das Enddatum liegt vor dem Startdatum"),
    (lambda: PlanBasics(start_date=date(1999, 1, 1)),
     "start_date: muss zwischen 01.01.2000 und 31.12.2199 liegen (erhalten: 01.01.1999)"),
    (lambda: Rep(name=""), "name: darf nicht leer sein"),
])
def test_a_value_the_model_refuses_is_said_in_german(make, german):
    with pytest.raises(ValidationError) as refused:
        make()
    problem = describe_validation_error(refused.value)
    assert said(problem, GERMAN) == german
    assert said(problem, ENGLISH) == str(problem)  # the CLI's English, as before


def test_a_note_keeps_its_message_through_a_copy_and_a_pickle():
    """Reading an export runs in a worker: its notes come back whole, to be said in German."""
    note = Note("row {row}: {problem}", row=7, problem=Note("no date"))
    assert pickle.loads(pickle.dumps(note)).said(GERMAN) == "Zeile 7: kein Datum"
    assert str(note) == "row 7: no date"


def test_the_command_line_says_an_error_in_english_unless_asked_for_german(tmp_path, capsys):
    from prospector.cli import main  # noqa: PLC0415
    from prospector.resources import sample_plan_path  # noqa: PLC0415

    empty = tmp_path / "accounts.csv"
    empty.write_text("Account Name\n", encoding="utf-8")
    plan = str(sample_plan_path())
    assert main(["accounts", plan, "--import", str(empty), "--dry-run"]) == 1
    assert capsys.readouterr().err == (f"prospector: error: {empty}: has a header row but no "
                                       "accounts under it (export the accounts again with their "
                                       "rows)\n")
    assert main(["accounts", plan, "--import", str(empty), "--dry-run", "--language", "de"]) == 1
    assert capsys.readouterr().err == (f"prospector: error: {empty}: hat eine Kopfzeile, aber "
                                       "keine Kunden darunter (exportieren Sie die Kunden erneut "
                                       "mit ihren Zeilen)\n")


def test_an_import_asked_for_german_says_all_it_read_in_german_and_refuses_a_language_unknown(
        tmp_path, capsys):
    """How the file was read, its columns and "Dry run" stayed English under --language de; an
    unknown language was an "unexpected problem" (actuals) or quietly English (accounts)."""
    from prospector.cli import main  # noqa: PLC0415
    from prospector.resources import sample_plan_path  # noqa: PLC0415

    accounts = tmp_path / "accounts.csv"
    accounts.write_text("Account Name;Lieblingsfarbe\nNordlicht GmbH;blau\n", encoding="utf-8")
    plan = str(sample_plan_path())
    assert main(["accounts", plan, "--import", str(accounts), "--dry-run", "--language",
                 "de"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == ["accounts.csv: gelesen als UTF-8, getrennt durch Semikolon, in „Europe "
                         "new business, H1 2027“", "Spalten: name <- „Account Name“"]
    assert lines[2] == "nicht importierte Spalten: „Lieblingsfarbe“"
    assert lines[-1] == "Probelauf: nichts wurde gespeichert."
    for verb in ("accounts", "actuals"):
        with pytest.raises(SystemExit) as refused:
            main([verb, plan, "--import", str(accounts), "--language", "xx"])
        assert refused.value.code == 2
        assert "invalid choice: 'xx' (choose from 'en', 'de')" in capsys.readouterr().err


def test_an_export_and_a_review_that_cannot_be_made_say_why_in_the_app_s_language(
        tmp_path, capsys):
    """The export runs in its own process: the app passes its language with the job."""
    from prospector.render_job import run  # noqa: PLC0415
    from prospector.review import plan_weeks  # noqa: PLC0415

    job = tmp_path / "job.json"
    job.write_text(json.dumps({"plan": plan_to_document(Plan(name="Neu")), "out": str(tmp_path),
                               "all_reps": True, "language": "de"}), encoding="utf-8")
    assert run(str(job)) == 1
    last = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert last == {"error": "der Plan „Neu“ hat noch keine Verkäufer: Fügen Sie Verkäufer "
                             "hinzu, um ihre Playbooks zu drucken"}
    with pytest.raises(ProspectorError) as refused:
        plan_weeks(Plan(name="Neu"))
    assert error_said(refused.value, GERMAN).startswith(
        "der Plan „Neu“ hat weder ein Startdatum noch Ist-Werte: Geben Sie ihm Beginn und Ende "
        "(Plangrundlagen)")


def test_what_opening_an_older_plan_repaired_is_told_in_german(tmp_path):
    """The store and the app tell what migrating an older plan repaired (a control character,
    a holiday country no longer known): in the app's language, the fields' paths kept."""
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"format": "prospector-plan", "schema_version": 2, "name": "Alt",
                                "basics": {"goal": "Ziel\x07"},
                                "accountability": {"holiday_country": "XX"}}), "utf-8")
    _plan, told = read_plan_file_noting(path, STORED_REPAIRED, "alt.json")
    assert said(told, GERMAN) == (
        "alt.json wurde von einer früheren Prospector-Version geschrieben und enthielt Werte, die "
        "diese Version nicht behalten kann; beim Lesen repariert: basics.goal: 1 Steuerzeichen "
        "entfernt; accountability.holiday_country: „XX“ ist kein Land, dessen Feiertage "
        "Prospector kennt; es wurde geleert (der Zeitplan überspringt nur Wochenenden). Der Plan "
        "wurde repariert gespeichert; die Datei selbst ist unverändert.")


@pytest.mark.parametrize(("place", "told"), [
    ({"holiday_country": "XX"}, "„XX“ ist kein Ländercode, den Prospector kennt (zwei "
                                "Großbuchstaben wie DE, AT oder IL); wählen Sie aus der Liste"),
    ({"holiday_country": "DE", "holiday_subdivision": "Bavaria"},
     "Deutschland hat keine Region „Bavaria“; seine Regionen sind BB (Brandenburg)"),
])
def test_a_place_prospector_does_not_know_is_refused_in_german(place, told):
    doc = {"format": "prospector-plan", "name": "P", "reps": [{"name": "Ana", **place}]}
    with pytest.raises(PlanFileError) as caught:
        plan_from_document(doc, "plan.json")
    assert told in error_said(caught.value, GERMAN)


def test_a_long_value_and_a_large_count_are_written_the_german_way(sample_plan, tmp_path):
    """A cell too long to quote whole says its length, and a count its thousands, as German
    writes them: „…“ (100.005 Zeichen), not '…' (100,005 characters)."""
    path = tmp_path / "accounts.csv"
    path.write_text("Account Name,Tier\nNordlicht GmbH,tier" + "x" * 100_001 + "\n", "utf-8")
    warning = import_accounts(sample_plan, path).summary_lines(language="de")
    assert any("Stufe „tierxxxxxxxxxxxxxxxx“… (100.005 Zeichen) ist weder A, B noch C" in line
               for line in warning)
    with pytest.raises(ValidationError) as refused:
        Rep(name="Ana", email="a" * 10_000 + "@firma.de")
    assert "erhalten: 10.009" in said(describe_validation_error(refused.value), GERMAN)


def test_the_actuals_command_says_a_mapping_it_cannot_follow_in_german(sample_plan, tmp_path,
                                                                        capsys):
    plan_file = write_plan_file(sample_plan, tmp_path / "plan.json")
    export = str(REPO / "tests" / "data" / "salesforce-activities-report.csv")
    for mapping, told in (("Jonas Albrecht=Niemand",
                           "„Jonas Albrecht“=„Niemand“: der Plan hat keinen Verkäufer namens "
                           "„Niemand“ (seine Verkäufer: "),
                          ("Jonas Albrecht", "--map-rep „Jonas Albrecht“: schreiben Sie es als "
                                             "„CRM-Name=Name im Plan“")):
        assert main(["actuals", str(plan_file), "--import", export, "--map-rep", mapping,
                     "--language", "de"]) == 1
        assert capsys.readouterr().err.startswith(f"prospector: error: {told}")
    with pytest.raises(CsvFileError) as refused:  # a column the account import was told to use
        import_accounts(sample_plan, REPO / "tests" / "data" / "hubspot-companies-export.csv",
                        {"name": "Firma"})
    assert ("hubspot-companies-export.csv: hat keine Spalte „Firma“ (für name); ihre Spalten "
            "sind „Record ID“, „Company name“, „Company owner“") in error_said(
                refused.value, GERMAN)


def test_an_export_says_what_it_shortened_for_print_in_the_app_s_language(tmp_path, capsys):
    """The notes of a playbook reduced for print (a very long text cut) come back to the app's
    export dialog in the app's language, whatever language the edition prints in."""
    from prospector.model import TargetAccount  # noqa: PLC0415
    from prospector.render_job import run  # noqa: PLC0415

    plan = Plan(name="Lang", accounts=[TargetAccount(name="Acme GmbH", notes="Wort " * 3_000)])
    job = tmp_path / "job.json"
    job.write_text(json.dumps({"plan": plan_to_document(plan), "out": str(tmp_path / "a.pdf"),
                               "language": "de"}), encoding="utf-8")
    assert run(str(job)) == 0
    done = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert done["notes"] == ["1 langer Text ist gekürzt und an der Schnittstelle markiert (die "
                             "Notizen zu Acme GmbH); der vollständige Text steht im Plan (in "
                             "Prospector öffnen)."]


def test_an_import_counts_its_accounts_as_the_language_writes_numbers(sample_plan, tmp_path):
    path = tmp_path / "accounts.csv"
    path.write_text("Account Name\n" + "".join(f"Kunde {i} GmbH\n" for i in range(1_000)),
                    "utf-8")
    result = import_accounts(sample_plan, path)
    assert result.summary_lines()[0] == "added 1,000 accounts"
    assert result.summary_lines(language="de")[0] == "1.000 Kunden hinzugefügt"


def test_a_file_that_is_gone_or_a_folder_says_so_in_german(sample_plan, tmp_path):
    with pytest.raises(PlanFileError) as gone:
        read_plan_file(tmp_path / "weg.json")
    assert error_said(gone.value, GERMAN) == f"{tmp_path / 'weg.json'}: existiert nicht (prüfen " \
                                             "Sie den Pfad)"
    with pytest.raises(CsvFileError) as folder:
        import_accounts(sample_plan, tmp_path)
    assert error_said(folder.value, GERMAN) == f"{tmp_path}: ist ein Ordner, keine CSV-Datei"


def test_why_the_system_refused_a_file_is_said_in_german_and_kept_as_the_system_says_it(
        sample_plan, tmp_path):
    """A plan file named longer than the file system allows: the system's reason was quoted in
    English in a German app."""
    with pytest.raises(PlanFileError) as refused:
        write_plan_file(sample_plan, tmp_path / ("plan" * 70 + ".json"))
    assert error_said(refused.value, GERMAN).endswith(
        ": kann nicht geschrieben werden (Dateiname zu lang)")
    assert str(refused.value).endswith("(File name too long)")  # the command line's


def test_a_store_recovered_from_its_backup_tells_the_app_so_in_german(sample_plan, tmp_path):
    from prospector.store import PlanStore  # noqa: PLC0415

    PlanStore(tmp_path).save(sample_plan)
    PlanStore(tmp_path).save(sample_plan)
    (tmp_path / "plans.json").unlink()
    store = PlanStore(tmp_path)
    assert [s.id for s in store.list_plans()] == [sample_plan.id]
    assert [said(notice, GERMAN) for notice in store.notices] == [
        f"{tmp_path / 'plans.json'} fehlt, und die letzte gute Fassung wurde aus der Sicherung "
        "wiederhergestellt"]


def test_an_unexpected_failure_of_a_command_asked_for_german_is_said_in_german(
        sample_plan, tmp_path, data_dir, capsys, monkeypatch):
    import prospector.actuals_import as actuals_import  # noqa: PLC0415

    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(actuals_import, "read_actuals", broken)
    plan_file = write_plan_file(sample_plan, tmp_path / "plan.json")
    assert main(["actuals", str(plan_file), "--import", "x.csv", "--language", "de"]) == 70
    assert capsys.readouterr().err == ("prospector: error: unerwartetes Problem: "
                                       "ZeroDivisionError: division by zero. Die Details stehen "
                                       f"in {data_dir / 'prospector.log'}\n")


def test_a_figure_by_hand_for_a_rep_or_target_the_plan_lacks_is_refused_in_german(sample_plan):
    from prospector.actuals_import import enter_figure  # noqa: PLC0415

    metric = sample_plan.accountability.targets[0].metric
    with pytest.raises(ProspectorError) as refused:
        enter_figure(sample_plan, "Niemand", "2027-W05", metric, 3)
    assert error_said(refused.value, GERMAN).startswith(
        "der Plan hat keinen Verkäufer namens „Niemand“ (seine Verkäufer: Jonas Albrecht")
    with pytest.raises(ProspectorError) as refused:
        enter_figure(sample_plan, "Jonas Albrecht", "2027-W05", "Umsatz", 3)
    assert error_said(refused.value, GERMAN).startswith(
        f"der Plan hat kein Ziel „Umsatz“ (seine Ziele: {metric}")
