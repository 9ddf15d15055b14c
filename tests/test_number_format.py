"""A CRM export's amounts read as the file writes numbers: 1,234.5 or 1.234,5, judged from the
file's own values (one that reads one way only decides), asked when nothing decides, never
guessed; the app's actuals dialog asks "Numbers like" and imports nothing until answered."""

import pytest

from prospector.actuals_import import read_actuals
from prospector.number_format import NumberFormat, evidence, read_number
from ui.actuals_import_dialog import ActualsImportDialog
from ui.actuals_reading import ActualsReader

HEADER = '"Opportunity Owner","Account Name","Opportunity Name","Created Date","Stage","Amount"'


def _report(tmp_path, amounts: list[str]):
    """A Salesforce opportunity report whose rows (2, 3...) carry these amounts."""
    rows = [f'"Jonas Albrecht","Haldorsen Metallverk AS","Deal {n}","2/{n + 2}/2027",'
            f'"Qualification","{amount}"' for n, amount in enumerate(amounts, start=1)]
    path = tmp_path / "opportunities.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", "utf-8")
    return path


@pytest.mark.parametrize("amounts, read", [
    (["1.234,50", "48.500", "12,5"], [1234.5, 48_500, 12.5]),  # a European export
    (["1,234.50", "48,500", "12.5"], [1234.5, 48_500, 12.5]),  # a US one
])
def test_amounts_are_read_in_the_convention_the_files_own_values_show(sample_plan, tmp_path,
                                                                    amounts, read):
    found = read_actuals(sample_plan, _report(tmp_path, amounts), date_format="mdy")
    assert found.ready and [f.amount for f in found.facts] == read
    # "48.500" / "48,500" read two ways alone: the file's other amounts decided, and it says so
    assert any("read two ways (row 3)" in note and "row 2" in note for note in found.file_notes)


def test_a_file_whose_amounts_all_read_two_ways_waits_for_the_choice(sample_plan, tmp_path):
    path = _report(tmp_path, ["1,234", "2,500"])
    found = read_actuals(sample_plan, path, date_format="mdy")
    assert not found.ready and found.ambiguous_numbers == [2, 3]
    assert any("amounts that read two ways" in line for line in found.to_settle())
    as_dot = read_actuals(sample_plan, path, date_format="mdy", number_format="dot")
    as_comma = read_actuals(sample_plan, path, date_format="mdy", number_format="comma")
    assert as_dot.ready and [f.amount for f in as_dot.facts] == [1234, 2500]
    assert as_comma.ready and [f.amount for f in as_comma.facts] == [1.234, 2.5]


def test_an_amount_the_chosen_convention_cannot_read_is_a_row_warning(sample_plan, tmp_path):
    found = read_actuals(sample_plan, _report(tmp_path, ["1,234", "1,234.50"]),
                         date_format="mdy", number_format="comma")
    assert [f.amount for f in found.facts] == [1.234, None]
    assert [(w.row, w.note.split(";")[0]) for w in found.warnings] == [
        (3, "the amount '1,234.50' cannot be read: the file writes numbers as 1.234,5")]


def test_the_evidence_of_values():
    assert read_number("1.234.567", NumberFormat.COMMA) == 1_234_567
    assert read_number("1.234.567", NumberFormat.DOT) is None
    found = evidence([(2, "1,234"), (3, "7"), (4, "1.234,5")])
    assert found.detected is NumberFormat.COMMA and found.two_ways == [2] and not found.asks
    mixed = evidence([(2, "1,234"), (3, "1,5"), (4, "1.5")])
    assert mixed.detected is None and mixed.asks


def test_the_dialog_asks_numbers_like_and_imports_once_answered(qtbot, sample_plan, tmp_path):
    reader = ActualsReader()
    dialog = ActualsImportDialog(sample_plan, str(_report(tmp_path, ["1,234", "2,500"])), reader)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(reader.finished, timeout=60000):
        dialog.load()
    assert dialog.numbers_row.isVisible() and not dialog.import_button.isEnabled()
    assert "amounts that read two ways" in dialog.numbers_label.text()
    for choice, value in ((dialog.date_format, "mdy"), (dialog.number_format, "comma")):
        with qtbot.waitSignal(reader.finished, timeout=60000):
            choice.setCurrentIndex(choice.findData(value))
    assert dialog.import_button.isEnabled()
    assert [f.amount for f in dialog.outcome.found.facts] == [1.234, 2.5]
    reader.cancel()
    assert reader.wait()


def test_an_account_file_writes_a_bare_revenue_in_its_own_convention(sample_plan, tmp_path):
    from prospector.account_import import import_accounts  # noqa: PLC0415 - this test only

    def revenue(rows: str) -> list[str]:
        path = tmp_path / "accounts.csv"
        path.write_text("Company;Employees;Annual revenue\n" + rows, "utf-8")
        plan = import_accounts(sample_plan, path).new_plan
        return [a.annual_revenue for a in plan.accounts if a.name.startswith("Neu")]

    # 2.500,5 says the file writes 1.234,5: its bare revenues are grouped that way
    assert revenue("Neu Eins GmbH;1.200;850000000\nNeu Zwei AG;40;2.500,5\n") == [
        "850.000.000", "2.500,5"]
    assert revenue("Neu Eins Inc;1,200;850000000\nNeu Zwei Ltd;40;2,500.5\n") == [
        "850,000,000", "2,500.5"]
