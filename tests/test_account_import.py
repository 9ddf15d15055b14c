"""Importing target accounts from CSV files as CRMs and spreadsheets write them."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prospector.account_import import (
    CsvFileError,
    domain_of,
    import_accounts,
    name_key,
    pasted_table,
    read_csv_preview,
    suggest_mapping,
)
from prospector.account_import.mapping import ALIASES, FIELDS, header_key
from prospector.cli import main
from prospector.messages import Say, error_said
from prospector.model import Plan, Rep, TargetAccount
from prospector.planfile import write_plan_file
from prospector.resources import sample_plan_path

DATA = Path(__file__).parent / "data"
SALESFORCE = DATA / "salesforce-accounts-report.csv"
HUBSPOT = DATA / "hubspot-companies-export.csv"


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "accounts.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def dump(plan: Plan) -> str:
    return json.dumps(plan.model_dump(mode="json"), sort_keys=True)


@pytest.fixture
def small_plan() -> Plan:
    return Plan(
        name="Test plan",
        accounts=[TargetAccount(id="acc-1", name="Acme Corporation", website="https://acme.example",
                                industry="Machinery")],
        reps=[Rep(id="rep-1", name="Jonas Albrecht", email="jonas@seller.example",
                  account_ids=["acc-1"]),
              Rep(id="rep-2", name="Mette Sørensen", email="mette@seller.example")],
    )


# --- CRM exports with no manual mapping -----------------------------------------------------------
def test_salesforce_report_export_imports_without_mapping(sample_plan):
    before = dump(sample_plan)
    preview = read_csv_preview(SALESFORCE)
    assert preview.encoding == "cp1252" and preview.delimiter == ","
    assert preview.mapped_headers() == {
        "name": "Account Name", "website": "Website", "industry": "Industry",
        "employees": "Employees", "annual_revenue": "Annual Revenue", "city": "Billing City",
        "country": "Billing Country", "owner": "Account Owner"}

    result = import_accounts(sample_plan, SALESFORCE)

    assert dump(sample_plan) == before, "the plan passed in must not change"
    assert [(a.row_number, a.name, a.rep_name) for a in result.added] == [
        (2, "Müller Präzisionsteile GmbH", "Jonas Albrecht"),
        (3, "Société Générale des Plastiques S.A.", "Bram Claessens"),
        (6, "Nordlicht Logistik AG", None),
        (9, "Café Crème Maschinenbau GmbH", "Jonas Albrecht"),
    ]
    merged = {m.row_number: m for m in result.merged}
    assert merged[4].account_id == "acc-02" and merged[4].matched_by == "name"
    assert merged[4].into == "plan"
    assert merged[5].account_id == "acc-17" and merged[5].matched_by == "domain"
    assert merged[5].key == "wendt-praezision.example"
    assert merged[8].into == "file" and merged[8].first_row == 2
    assert "added from row 2" in merged[8].reason
    assert result.skipped == [(7, "no account name")]
    assert result.footer_rows == [11, 13, 14, 15, 16]
    assert result.unknown_owners == {"Sabine Kurz": [6]}

    new = {a.name: a for a in result.new_plan.accounts}
    assert len(result.new_plan.accounts) == len(sample_plan.accounts) + 4
    mueller = new["Müller Präzisionsteile GmbH"]
    assert (mueller.employees, mueller.city, mueller.annual_revenue) == (1250, "Stuttgart",
                                                                         "EUR 310,000,000")
    assert new["Café Crème Maschinenbau GmbH"].annual_revenue == "€ 45.000.000"
    jonas = result.new_plan.rep_named("Jonas Albrecht")
    assert mueller.id in jonas.account_ids
    assert "Northwind Analytics" not in new


def test_hubspot_company_export_imports_without_mapping(sample_plan):
    result = import_accounts(sample_plan, HUBSPOT, default_tier="C")
    assert result.encoding == "utf-8"
    headers = {f: result.headers[i] for f, i in result.mapping.items()}
    assert headers["name"] == "Company name" and headers["owner"] == "Company owner"
    assert headers["domain"] == "Company Domain Name" and headers["country"] == "Country/Region"
    added = {a.name: a for a in result.added}
    assert set(added) == {"Fjordline Robotics", "Polar Pack Oy", "Vesterhavet Food A/S",
                          "Baltic Castings Sp. z o.o."}
    # owners by email and by name without the ø
    assert added["Fjordline Robotics"].rep_name == "Mette Sørensen"
    assert added["Polar Pack Oy"].rep_name == "Mette Sørensen"
    assert added["Baltic Castings Sp. z o.o."].rep_name == "Bram Claessens"
    assert result.unknown_owners == {"Ola Nordmann": [5]}
    merged = {m.row_number: m for m in result.merged}
    assert merged[3].account_id == "acc-05"  # Ångström Precision == Ångström Precision AB
    assert merged[6].into == "file" and merged[6].filled == ("notes",)
    assert result.warnings == [(5, "employees '51-200' is a range, not a number; left empty")]
    accounts = {a.name: a for a in result.new_plan.accounts}
    fjord = accounts["Fjordline Robotics"]
    assert fjord.website == "fjordline-robotics.example"  # the domain, as the website is empty
    assert fjord.industry == "Industrial automation" and fjord.tier == "C"
    assert fjord.annual_revenue == "95,000,000"  # HubSpot's bare 95000000, readable
    assert fjord.notes == ("Robot cells for fish processing.\n"
                           "New plant in Orkanger announced in September.")


# --- encodings and delimiters ---------------------------------------------------------------------
ACCENTED = "Account Name,City\r\nMüller GmbH,Köln\r\nSociété Générale,Paris\r\n"


@pytest.mark.parametrize(("encoding", "expected"), [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("cp1252", "cp1252"),
    ("utf-16", "utf-16"),  # Excel "Unicode text": BOM + UTF-16 LE
    ("utf-16-le", "utf-16-le"),  # no BOM
])
def test_encodings_are_detected_and_accents_survive(tmp_path, small_plan, encoding, expected):
    path = write(tmp_path, ACCENTED, encoding)
    assert read_csv_preview(path).encoding == expected
    result = import_accounts(small_plan, path)
    assert [a.name for a in result.added] == ["Müller GmbH", "Société Générale"]
    assert result.new_plan.accounts[-2].city == "Köln"


def test_one_legacy_row_in_a_utf8_file_keeps_every_accent_and_is_named(tmp_path, small_plan):
    path = tmp_path / "mixed.csv"
    path.write_bytes("Account Name,City\nMüller GmbH,Köln\nSociété Générale,Paris\n".encode()
                     + "Bäcker AG,Wien\n".encode("cp1252") + "Zoë Ltd,Oslo\n".encode())
    assert read_csv_preview(path).encoding_label == "UTF-8 (row 4 in Windows-1252)"
    result = import_accounts(small_plan, path)
    assert result.encoding == "utf-8"
    assert [(a.name, a.city) for a in result.new_plan.accounts[1:]] == [
        ("Müller GmbH", "Köln"), ("Société Générale", "Paris"), ("Bäcker AG", "Wien"),
        ("Zoë Ltd", "Oslo")]
    assert [(w.row_number, "Windows-1252" in w.message and "'Bäcker AG'" in w.message)
            for w in result.warnings] == [(4, True)]


def test_one_utf8_row_in_a_legacy_file_is_read_as_utf8_and_named(tmp_path, small_plan):
    path = tmp_path / "mixed.csv"
    path.write_bytes("Firma;Ort\nMüller GmbH;Köln\nBäcker AG;Wien\n".encode("cp1252")
                     + "Zoë Ltd;Oslo\n".encode())
    result = import_accounts(small_plan, path)
    assert result.encoding == "cp1252"
    assert [a.name for a in result.new_plan.accounts[1:]] == ["Müller GmbH", "Bäcker AG",
                                                              "Zoë Ltd"]
    assert [w.row_number for w in result.warnings] == [4]
    assert "UTF-8, unlike the rest of the file (Windows-1252)" in result.warnings[0].message


def test_a_row_in_no_known_encoding_is_skipped_by_number(tmp_path, small_plan):
    path = tmp_path / "mixed.csv"
    path.write_bytes("Company,City\nMüller GmbH,Köln\n".encode() + b"Broken\x81\xe9 AG,Wien\n"
                     + "Zoë Ltd,Oslo\n".encode())
    result = import_accounts(small_plan, path)
    assert [a.name for a in result.new_plan.accounts[1:]] == ["Müller GmbH", "Zoë Ltd"]
    assert [s.row_number for s in result.skipped] == [3]
    assert "is not UTF-8 text like the rest of the file" in result.skipped[0].reason


def test_excel_unicode_text_is_tab_separated_utf16(tmp_path, small_plan):
    path = write(tmp_path, ACCENTED.replace(",", "\t"), "utf-16")
    preview = read_csv_preview(path)
    assert (preview.encoding, preview.delimiter) == ("utf-16", "\t")
    assert preview.rows[0] == ["Müller GmbH", "Köln"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_are_detected(tmp_path, small_plan, delimiter):
    rows = [["Company", "Website", "Employees", "City"],
            ["Titan Tech", "titan-tech.example", "120", "Tartu"],
            ["Beta, Inc.", "beta.example", "1,200", "Bonn"]]
    text = "".join(delimiter.join(f'"{c}"' if "," in c else c for c in row) + "\n"
                   for row in rows)
    path = write(tmp_path, text)
    assert read_csv_preview(path).delimiter == delimiter
    result = import_accounts(small_plan, path)
    assert [a.name for a in result.added] == ["Titan Tech", "Beta, Inc."]
    assert result.new_plan.accounts[-1].employees == 1200


def test_sniffing_never_picks_a_letter(tmp_path):
    path = write(tmp_path, "Account Name,Website\ntest,t.example\ntt,tt.example\n")
    assert read_csv_preview(path).delimiter == ","


def test_semicolon_file_with_commas_in_values(tmp_path, small_plan):
    path = write(tmp_path, "Firma;Ort;Umsatz\nBeta, Gamma & Co. KG;Köln;12,5 Mio\n"
                           "Delta AG;Bonn;3,1 Mio\n", "cp1252")
    result = import_accounts(small_plan, path)
    assert result.delimiter == ";"
    assert [(a.name, a.city, a.annual_revenue) for a in result.new_plan.accounts[1:]] == [
        ("Beta, Gamma & Co. KG", "Köln", "12,5 Mio"), ("Delta AG", "Bonn", "3,1 Mio")]


def test_excel_sep_line_names_the_delimiter(tmp_path, small_plan):
    path = write(tmp_path, "sep=|\r\nCompany|City\r\nBeta|Bonn\r\n")
    result = import_accounts(small_plan, path)
    assert result.delimiter == "|" and result.added[0].row_number == 2


def test_delimiter_and_encoding_overrides(tmp_path, small_plan):
    path = write(tmp_path, "Company;Notes\nBeta;one, two\nGamma;three\n", "cp1252")
    result = import_accounts(small_plan, path, delimiter="semicolon", encoding="windows-1252")
    assert [a.name for a in result.added] == ["Beta", "Gamma"]
    with pytest.raises(CsvFileError, match="delimiter 'x' is not one"):
        import_accounts(small_plan, path, delimiter="x")
    accented = write(tmp_path, ACCENTED, "cp1252", name="legacy.csv")
    with pytest.raises(CsvFileError, match=r"legacy\.csv: is not UTF-8 text"):
        import_accounts(small_plan, accented, encoding="utf-8")
    with pytest.raises(CsvFileError, match="not an encoding Prospector knows"):
        read_csv_preview(accented, encoding="klingon")


# --- rows: numbers, quoting, bad rows ------------------------------------------------------------
def test_quoted_newlines_keep_spreadsheet_row_numbers(tmp_path, small_plan):
    text = ('Account Name,Notes,Employees\r\n'
            'Beta,"line one\r\nline two\r\nline three",10\r\n'
            '\r\n'
            ',"no name here",5\r\n'
            'Gamma,"say ""hello""",many\r\n')
    result = import_accounts(small_plan, write(tmp_path, text))
    assert result.new_plan.account(result.added[0].account_id).notes == \
        "line one\r\nline two\r\nline three"
    assert result.skipped == [(4, "no account name")]  # row 4 as a spreadsheet shows it
    assert result.blank_rows == 1
    assert result.warnings == [(5, "employees 'many' is not a whole number; left empty")]
    assert result.new_plan.account(result.added[1].account_id).notes == 'say "hello"'
    assert str(result.skipped[0]) == "row 4: no account name"


def test_row_with_more_values_than_columns_is_skipped_not_shifted(tmp_path, small_plan):
    text = "Company,City,Country\nBeta,Bonn,Germany\nGamma, Inc,Graz,Austria\nDelta,Linz,Austria\n"
    result = import_accounts(small_plan, write(tmp_path, text))
    assert [a.name for a in result.added] == ["Beta", "Delta"]
    assert result.skipped[0].row_number == 3
    assert "has 4 values but the header has 3 columns" in result.skipped[0].reason


def test_unclosed_quote_is_reported_on_its_row(tmp_path, small_plan):
    text = 'Company,City\nBeta,Bonn\n"Gamma,Graz\nDelta,Linz\n'
    result = import_accounts(small_plan, write(tmp_path, text))
    assert [a.name for a in result.added] == ["Beta"]
    assert result.skipped[0].row_number == 3 and "never closed" in result.skipped[0].reason


def test_a_quote_closed_rows_later_is_reported_never_merged(tmp_path, small_plan):
    text = ('Company,City,Notes\n'
            'Beta,Bonn,"first line\nsecond line"\n'
            '"Gamma,Graz,x\n'
            'Delta,Linz,y\n'
            '"Epsilon",Rome,z\n'
            'Zeta,Zug,w\n')
    result = import_accounts(small_plan, write(tmp_path, text))
    assert [a.name for a in result.new_plan.accounts[1:]] == ["Beta", "Zeta"]
    assert [s.row_number for s in result.skipped] == [3]
    assert "lines 4-6 of the file" in result.skipped[0].reason  # row 2 took lines 2-3
    assert all("\n" not in a.name for a in result.new_plan.accounts)


def test_a_quote_closed_cleanly_rows_later_is_caught_by_the_line_break_in_a_name(
        tmp_path, small_plan):
    text = 'Company,City\nBeta,Bonn\n"Gamma,Graz\nDelta 12",Linz\nZeta,Zug\n'
    result = import_accounts(small_plan, write(tmp_path, text))
    assert [a.name for a in result.new_plan.accounts[1:]] == ["Beta", "Zeta"]
    assert [(s.row_number, "name holds a line break (lines 3-4" in s.reason)
            for s in result.skipped] == [(3, True)]


def test_text_after_a_closing_quote_skips_only_that_row(tmp_path, small_plan):
    text = 'Company,City\nBeta,Bonn\n"Gamma" GmbH,Graz\nZeta,Zug\n'
    result = import_accounts(small_plan, write(tmp_path, text))
    assert [a.name for a in result.new_plan.accounts[1:]] == ["Beta", "Zeta"]
    assert [(s.row_number, "line 3 of the file" in s.reason) for s in result.skipped] == [
        (3, True)]


def test_a_row_swallowed_by_a_multiline_note_is_named(tmp_path, small_plan):
    text = ('Account Name,City,Notes\nAlpha AG,Berlin,"first note\n'
            'Beta GmbH,Hamburg,second note"\nGamma SA,Paris,"Met at the fair, good\nnext: May"\n')
    result = import_accounts(small_plan, write(tmp_path, text))
    assert [a.name for a in result.added] == ["Alpha AG", "Gamma SA"]
    assert [(w.row_number, "'Beta GmbH,Hamburg,second note'" in w.message)
            for w in result.warnings] == [(2, True)]  # Gamma's two-line note is just a note


def test_files_joined_with_their_byte_order_marks_skip_the_second_header(tmp_path, small_plan):
    path = tmp_path / "joined.csv"
    path.write_bytes("\ufeffAccount Name,City\nZenit,Bonn\n\ufeffAccount Name,City\nBeta,Graz\n"
                     .encode())
    result = import_accounts(small_plan, path)
    assert [a.name for a in result.added] == ["Zenit", "Beta"]
    assert [(s.row_number, s.reason) for s in result.skipped] == [(3, "repeats the header row")]


def test_a_header_with_an_unclosed_quote_is_refused(tmp_path, small_plan):
    with pytest.raises(CsvFileError, match=r"header row has a quote .*lines 1-3 of the file"):
        import_accounts(small_plan, write(tmp_path, '"Company,City\nBeta,Bonn\nZeta,Zug\n'))


def test_missing_columns_are_left_empty(tmp_path, small_plan):
    result = import_accounts(small_plan, write(tmp_path, "Company\nBeta\nGamma\n"))
    beta = result.new_plan.account(result.added[0].account_id)
    assert (beta.tier, beta.website, beta.employees, beta.city) == ("B", "", None, "")


@pytest.mark.parametrize(("cell", "employees", "warned"), [
    ("1250", 1250, False), ("1.250", 1250, False), ("1,250", 1250, False),
    ("1 250", 1250, False), ("1850.0", 1850, False), ("1'250", 1250, False),
    ("51-200", None, True), ("10,001+", None, True), ("about 40", None, True), ("", None, False),
    ("2,300,000", 2300000, False), ("9" * 4400, None, True),  # Python refuses int() of 4,300+
])
def test_employee_counts(tmp_path, small_plan, cell, employees, warned):
    path = write(tmp_path, f'Company;Employees\nBeta;{cell}\n')
    result = import_accounts(small_plan, path)
    assert result.new_plan.account(result.added[0].account_id).employees == employees
    assert bool(result.warnings) == warned


@pytest.mark.parametrize(("cell", "tier"), [
    ("A", "A"), ("b", "B"), ("Tier 1", "A"), ("2", "B"), ("C - nurture", "C"), ("", "C"),
    ("Gold", "C"),
])
def test_tiers(tmp_path, small_plan, cell, tier):
    path = write(tmp_path, f"Company,Tier\nBeta,{cell}\n")
    result = import_accounts(small_plan, path, default_tier="C")
    assert result.added[0].tier == tier
    assert bool(result.warnings) == (cell == "Gold")


# --- de-duplication -------------------------------------------------------------------------------
@pytest.mark.parametrize("variant", [
    "ACME CORPORATION", "Acme Inc.", "Acme, Inc", "Acme GmbH", "Acme AG", "Acme AS", "Acme B.V.",
    "Acme Ltd", "Acme S.A.", "The Acme Company", "acme", "Acme GmbH & Co. KG",
])
def test_rows_naming_a_plan_account_are_merged(tmp_path, small_plan, variant):
    path = write(tmp_path, f'Company,City\n"{variant}",Oslo\n')
    result = import_accounts(small_plan, path)
    assert not result.added and result.merged[0].account_id == "acc-1"
    assert result.merged[0].matched_by == "name" and result.merged[0].filled == ("city",)
    assert result.new_plan.account("acc-1").city == "Oslo"


@pytest.mark.parametrize("website", ["acme.example", "http://acme.example",
                                     "https://www.acme.example/",
                                     "WWW.ACME.EXAMPLE/en/contact?x=1", "https://acme.example:443"])
def test_rows_with_a_plan_accounts_domain_are_merged(tmp_path, small_plan, website):
    path = write(tmp_path, f"Company,Website\nACME Holdings Europe,{website}\n")
    result = import_accounts(small_plan, path)
    assert not result.added
    assert (result.merged[0].matched_by, result.merged[0].key) == ("domain", "acme.example")
    assert "the same website (acme.example)" in result.merged[0].reason


def test_duplicate_rows_in_the_file_become_one_account(tmp_path, small_plan):
    text = ("Company,Website,Industry,City\n"
            "Beta GmbH,beta.example,,Bonn\n"
            "Beta GmbH,beta.example,,Bonn\n"
            "BETA,,Packaging,\n"
            "Beta Packaging,https://www.beta.example/de,,Berlin\n")
    result = import_accounts(small_plan, write(tmp_path, text))
    assert len(result.added) == 1 and len(result.merged) == 3
    beta = result.new_plan.account(result.added[0].account_id)
    assert (beta.industry, beta.city) == ("Packaging", "Bonn")  # filled in, never overwritten
    assert [m.matched_by for m in result.merged] == ["name", "name", "domain"]
    assert result.merged[2].kept == ("city",)


def test_shared_hosts_never_merge_accounts(tmp_path, small_plan):
    text = ("Company,Website\nBeta,https://www.linkedin.com/company/beta\n"
            "Gamma,https://linkedin.com/company/gamma\n")
    result = import_accounts(small_plan, write(tmp_path, text))
    assert len(result.added) == 2


def test_reimporting_the_same_file_changes_nothing(tmp_path, small_plan):
    path = write(tmp_path, "Company,Owner\nBeta,Mette Sørensen\n")
    first = import_accounts(small_plan, path)
    again = import_accounts(first.new_plan, path)
    assert first.changed and not again.changed
    assert not again.added and again.merged[0].into == "plan"
    assert dump(again.new_plan) == dump(first.new_plan)


@given(st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüéñ", min_size=3, max_size=10)
                .filter(lambda w: w not in {"the", "and", "und"}), min_size=1, max_size=3),
       st.sampled_from(["Inc", "Inc.", "GmbH", "AG", "AS", "A/S", "B.V.", "Ltd.", "S.A.", "SA",
                        "Sp. z o.o.", "GmbH & Co. KG", "Oy", "AB", "plc", "LLC", "S.p.A."]))
def test_name_key_ignores_case_punctuation_and_legal_form(words, suffix):
    name = " ".join(words)
    assert name_key(f"{name.upper()} {suffix}") == name_key(name)
    assert name_key(f"{name}, {suffix}") == name_key("-".join(words))


@given(st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?\.[a-z]{2,6}", fullmatch=True),
       st.sampled_from(["", "http://", "https://", "HTTPS://www.", "www.", "www2."]),
       st.sampled_from(["", "/", "/about", "/en/?q=1#top", ":8080/x"]))
def test_domain_ignores_scheme_www_and_path(domain, prefix, suffix):
    assert domain_of(prefix + domain + suffix) == domain_of(domain)


# --- owners ---------------------------------------------------------------------------------------
def test_owners_match_reps_by_name_email_or_last_first(tmp_path, small_plan):
    text = ("Company,Account Owner\nBeta,\"Sørensen, Mette\"\nGamma,JONAS@seller.example\n"
            "Delta,Mette Sorensen\nEpsilon,Peter Pan\nZeta,Peter Pan\n")
    result = import_accounts(small_plan, write(tmp_path, text))
    assert [a.rep_name for a in result.added] == ["Mette Sørensen", "Jonas Albrecht",
                                                 "Mette Sørensen", None, None]
    assert result.unknown_owners == {"Peter Pan": [5, 6]}
    assert any("'Peter Pan' (rows 5, 6)" in line for line in result.summary_lines())
    german = result.summary_lines(language="de")  # as the app in German shows it
    assert german[0] == "5 Kunden hinzugefügt"
    assert german[1] == "  Zeile 2: Beta (Stufe B, Mette Sørensen)"
    assert "  „Peter Pan“ (Zeilen 5, 6)" in german
    assert german[german.index("  „Peter Pan“ (Zeilen 5, 6)") - 1].startswith(
        "Verantwortliche, die zu keinem Verkäufer passen")


def test_an_account_held_by_another_rep_stays_with_them(tmp_path, small_plan):
    result = import_accounts(small_plan, write(tmp_path, "Company,Owner\nAcme,Mette Sørensen\n"))
    assert result.new_plan.reps[0].account_ids == ["acc-1"]
    assert result.new_plan.reps[1].account_ids == []
    assert "left with Jonas Albrecht" in result.warnings[0].message


# --- mapping --------------------------------------------------------------------------------------
def test_preview_and_a_users_mapping(tmp_path, small_plan):
    path = write(tmp_path, "Kd-Nr;Bezeichnung;Web\n1;Beta KG;beta.example\n2;Gamma;gamma.example\n")
    preview = read_csv_preview(path, rows=1)
    assert preview.headers == ["Kd-Nr", "Bezeichnung", "Web"]
    assert preview.rows == [["1", "Beta KG", "beta.example"]] and preview.row_count == 2
    assert preview.suggested_mapping == {"website": 2}
    with pytest.raises(CsvFileError, match="has no column of account names"):
        import_accounts(small_plan, path)
    result = import_accounts(small_plan, path, {"name": "Bezeichnung", "website": 2, "city": None})
    assert [a.name for a in result.added] == ["Beta KG", "Gamma"]
    with pytest.raises(CsvFileError, match="has no column 'Firma' \\(for name\\)"):
        import_accounts(small_plan, path, {"name": "Firma"})
    with pytest.raises(CsvFileError, match="'colour' is not a field"):
        import_accounts(small_plan, path, {"name": 1, "colour": 2})


def test_suggested_mapping_knows_crm_and_api_names():
    assert suggest_mapping(["Name", "BillingCity", "BillingCountry", "NumberOfEmployees",
                            "AnnualRevenue", "Owner.Name", "Website", "Industry"]) == {
        "name": 0, "city": 1, "country": 2, "employees": 3, "annual_revenue": 4, "owner": 5,
        "website": 6, "industry": 7}
    assert suggest_mapping(["Contact Name", "Company", "Parent Account Name"]) == {"name": 1}
    assert suggest_mapping(["Employees (total)", "Firmenname"]) == {"employees": 0, "name": 1}
    # a German leader's own list: "Grund" is why the account is a target (mapped by hand)
    assert suggest_mapping(["Firma", "Grund"]) == {"name": 0, "why": 1}


# --- files that are not CSV -----------------------------------------------------------------------
@pytest.mark.parametrize(("content", "problem"), [
    (b"", "is empty"),
    (b"  \r\n\r\n", "is empty"),
    (codecs.BOM_UTF8, "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is an image, not CSV"),
    (b"PK\x03\x04\x14\x00\x06\x00", "is an Excel workbook (.xlsx)"),
    (bytes(range(256)) * 4, "is a binary file, not CSV text"),
    (b"<html><body><table><tr><td>Acme</td></tr></table></body></html>", "is a web page"),
    (b'{"format": "prospector-plan"}', "is a JSON file, not CSV"),
    (b"Account Name,Website\r\n", "has a header row but no accounts under it"),
    (b"Id,Phone\r\n1,+49 30 1234\r\n", "has no column of account names"),
])
def test_a_file_that_is_not_csv_gives_one_clear_error(tmp_path, small_plan, content, problem):
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    before = dump(small_plan)
    with pytest.raises(CsvFileError) as caught:
        import_accounts(small_plan, path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and problem in message
    assert "\n" not in message
    assert dump(small_plan) == before


def test_missing_file_and_folder(tmp_path, small_plan):
    with pytest.raises(CsvFileError, match="does not exist"):
        import_accounts(small_plan, tmp_path / "nope.csv")
    with pytest.raises(CsvFileError, match="is a folder"):
        read_csv_preview(tmp_path)


# --- the command line -----------------------------------------------------------------------------
def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_imports_into_a_stored_plan_as_a_new_version(capsys, data_dir):
    run(capsys, "import", "--sample")
    code, out, err = run(capsys, "accounts", "plan-sample01", "--import", SALESFORCE, "--tier", "C")
    assert code == 0, err
    assert "added 4 accounts" in out and "merged 3 rows" in out
    assert "row 7: no account name" in out and "'Sabine Kurz' (row 6)" in out
    assert "Saved 'Europe new business, H1 2027' as version 2" in out
    code, out, _ = run(capsys, "history", "plan-sample01")
    assert "imported 4 accounts from salesforce-accounts-report.csv" in out
    code, out, _ = run(capsys, "accounts", "plan-sample01")
    assert "Nordlicht Logistik AG" in out


def test_cli_dry_run_and_a_bad_file_change_nothing(capsys, data_dir, tmp_path):
    run(capsys, "import", "--sample")
    store = data_dir / "plans.json"
    before = store.read_bytes()
    code, out, _ = run(capsys, "accounts", "plan-sample01", "--import", HUBSPOT, "--dry-run")
    assert code == 0 and "added 4 accounts" in out and "Dry run: nothing was saved." in out
    code, out, _ = run(capsys, "accounts", "plan-sample01", "--import", HUBSPOT, "--dry-run",
                       "--language", "de")
    assert code == 0 and "4 Kunden hinzugefügt" in out
    binary = tmp_path / "accounts.csv"
    binary.write_bytes(b"PK\x03\x04" + bytes(200))
    code, out, err = run(capsys, "accounts", "plan-sample01", "--import", binary)
    assert code == 1 and err.count("\n") == 1
    assert err.startswith(f"prospector: error: {binary}: is an Excel workbook")
    assert store.read_bytes() == before


def test_cli_imports_into_a_plan_file(capsys, tmp_path):
    plan_file = tmp_path / "plan.json"
    plan_file.write_bytes(sample_plan_path().read_bytes())
    csv_file = write(tmp_path, "Company;Website\nBeta GmbH;beta.example\n")
    code, out, _ = run(capsys, "accounts", plan_file, "--import", csv_file, "--delimiter", ";")
    assert code == 0 and f"Wrote {plan_file}." in out
    names = [a["name"] for a in json.loads(plan_file.read_text("utf-8"))["accounts"]]
    assert names[-1] == "Beta GmbH"
    code, out, _ = run(capsys, "accounts", plan_file, "--import", csv_file)
    assert code == 0 and "Nothing to change" in out


def test_cli_import_options_need_import(capsys, tmp_path):
    plan_file = write_plan_file(Plan(name="P"), tmp_path / "p.json")
    code, _, err = run(capsys, "accounts", plan_file, "--tier", "A")
    assert code == 1 and "--tier goes with --import FILE.csv" in err


def test_repeated_header_and_invalid_values_are_skipped_with_reasons(tmp_path, small_plan):
    text = f"Company,City\nBeta,Bonn\nCompany,City\n{'X' * 201},Graz\nGamma,Linz\n"
    result = import_accounts(small_plan, write(tmp_path, text))
    assert [a.name for a in result.added] == ["Beta", "Gamma"]
    assert result.skipped[0] == (3, "repeats the header row")
    assert result.skipped[1].row_number == 4
    assert result.skipped[1].reason == "the account name is 201 characters long; at most 200 fit"


def test_the_doc_lists_exactly_the_headers_the_code_knows():
    doc = (Path(__file__).parent.parent / "docs" / "csv-import.md").read_text("utf-8")
    rows = {}
    for line in doc.splitlines():
        for f in FIELDS:
            if line.startswith(f"| {f.label} (`{f.key}`) | "):
                rows[f.key] = [header_key(h) for h in line.split(" | ")[1].rstrip(" |").split(", ")]
    assert rows == {k: [header_key(a) for a in names] for k, names in ALIASES.items()}


def test_an_owner_that_matches_no_rep_is_quoted_short(tmp_path, small_plan):
    path = write(tmp_path, "Account Name,Account Owner\nZenit,Lena Berg\nOmega,"
                 + "x" * 100_000 + "\n")
    lines = import_accounts(small_plan, path).summary_lines()
    owners = lines[lines.index(next(ln for ln in lines if ln.startswith("owners that match"))) + 1:]
    assert owners == ["  'Lena Berg' (row 2)", f"  '{'x' * 60}'… (100,000 characters) (row 3)"]


# --- rows pasted from a spreadsheet -------------------------------------------------------------
def test_pasted_rows_with_their_header_import_like_a_file(tmp_path, small_plan):
    path = tmp_path / "pasted.tsv"
    path.write_bytes(pasted_table("Company\tCity\tEmployees\r\nBeta GmbH\tBonn\t1.200\r\n"))
    result = import_accounts(small_plan, path)
    assert [(a.name, a.city, a.employees) for a in result.new_plan.accounts[1:]] == [
        ("Beta GmbH", "Bonn", 1200)]


def test_pasted_rows_without_a_header_get_one_naming_the_first_column_the_account(tmp_path):
    text = pasted_table("Beta GmbH\tBonn\nGamma AG\tKöln\textra\n").decode("utf-8")
    assert text.splitlines() == ["Account\tColumn B\tColumn C", "Beta GmbH\tBonn",
                                 "Gamma AG\tKöln\textra"]


def test_pasted_rows_without_a_header_are_named_in_the_app_language_and_still_map_the_name():
    """A German leader's preview names the columns "Kunde", "Spalte B", not "Account",
    "Column B"; the first is still taken for the account's name, the others for nothing."""
    text = pasted_table("Beta GmbH\tBonn\n", Say("de")).decode("utf-8")
    header = text.splitlines()[0].split("\t")
    assert header == ["Kunde", "Spalte B"]
    assert suggest_mapping(header) == {"name": 0}


def test_pasting_nothing_is_refused_with_what_to_do():
    with pytest.raises(CsvFileError, match="the pasted rows: the clipboard holds no rows") as info:
        pasted_table(" \r\n\t\n")
    assert error_said(info.value, Say("de")).startswith(  # the rows named in German too
        "die eingefügten Zeilen: die Zwischenablage")


def test_a_large_export_reads_as_a_whole_though_it_is_read_in_pieces(tmp_path):
    """A big export is decoded a megabyte and split into lines some 64 KB at a time (the app's
    window keeps its turns meanwhile): rows ending in CRLF, LF or a lone CR, values with line
    breaks and accented letters across those seams read as Python's csv reads the whole text;
    a byte that does not fit is still named by its place in the file."""
    import csv  # noqa: PLC0415
    import io  # noqa: PLC0415

    from prospector.account_import.csv_source import read_table  # noqa: PLC0415

    ends = ("\r\n", "\n", "\r")
    rows = [["Account Name", "Notes", "City"]] + [
        [f"Müller & Söhne {n}",
         f"line one\nline two of {n}" if n % 97 == 0 else "ÄÖÜ ß é" * (n % 7), "Zürich"]
        for n in range(60_000)]
    text = "".join(",".join(f'"{cell}"' for cell in row) + ends[n % 3]
                   for n, row in enumerate(rows))
    assert len(text.encode("utf-8")) > 3 * 2**20  # several megabyte-pieces, many 64 KB ones
    path = write(tmp_path, text)
    table = read_table(path)
    expected = [row for row in csv.reader(io.StringIO(text, newline="")) if row]
    assert table.header == expected[0]
    assert [cells for _row, cells in table.records] == expected[1:]
    assert table.records[-1][0] == len(rows)  # every row numbered as in the file (header: 1)

    bad = text.encode("utf-8")
    at = bad.index(b"Z", 2 * 2**20 + 5)  # in the third megabyte
    path.write_bytes(bad[:at] + b"\xff" + bad[at + 1:])
    with pytest.raises(CsvFileError, match=f"byte {at} does not fit"):
        read_table(path, encoding="utf-8")


# --- a plan's size ----------------------------------------------------------------------------


def _rows(count: int, start: int = 0) -> str:
    return "".join(f"Nordlicht {i} GmbH,Bremen\n" for i in range(start, start + count))


def test_a_file_of_more_rows_than_an_import_reads_is_refused_before_it_is_read_whole(
        tmp_path, small_plan, monkeypatch):
    from prospector.account_import import importer  # noqa: PLC0415

    path = write(tmp_path, "Account Name,City\n" + _rows(importer.MAX_ROWS + 60))
    for read in (lambda: read_csv_preview(path), lambda: import_accounts(small_plan, path)):
        with pytest.raises(CsvFileError, match=r"has more than 20,000 rows; a plan names at most "
                                               r"5,000 accounts \(export the accounts themselves"):
            read()
    # a full file with a report's footer lines under it is not "more"
    path = write(tmp_path, "Account Name,City\n" + _rows(importer.MAX_ROWS - 1)
                 + "\nGrand Totals (19,999 records)\n\n")
    assert read_csv_preview(path).row_count == importer.MAX_ROWS


def test_a_file_naming_its_accounts_on_many_rows_is_counted_by_its_accounts(tmp_path, small_plan):
    """An export of opportunities or contacts names an account on each of its rows: 6,000 rows
    for 10 accounts are 10 accounts, not more than a plan names."""
    rows = "".join(f"Account {i % 10},City {i}\n" for i in range(6_000))
    result = import_accounts(small_plan, write(tmp_path, "Account Name,City\n" + rows))
    assert len(result.new_plan.accounts) == len(small_plan.accounts) + 10


def test_an_import_that_would_bring_the_plan_over_its_accounts_changes_nothing(
        tmp_path, small_plan, monkeypatch):
    from prospector.account_import import importer  # noqa: PLC0415

    monkeypatch.setattr(importer, "MAX_ACCOUNTS", 40)
    before = dump(small_plan)
    with pytest.raises(CsvFileError, match=r"the plan would then hold 41 accounts; a plan names "
                                           r"at most 40"):
        import_accounts(small_plan, write(tmp_path, "Account Name,City\n" + _rows(40)))
    assert dump(small_plan) == before
    # rows naming accounts already there (merged) bring it to no more than it holds
    result = import_accounts(small_plan, write(tmp_path, "Account Name,City\n" + _rows(39)
                                               + "Acme Corporation,Graz\n"))
    assert len(result.new_plan.accounts) == 40
    # a plan stored with more than the limit (before there was one) still takes the rows that
    # only fill in its accounts, and no row that adds one
    monkeypatch.setattr(importer, "MAX_ACCOUNTS", 0)
    result = import_accounts(small_plan,
                             write(tmp_path, "Account Name,City\nAcme Corporation,Graz\n"))
    assert result.changed and len(result.new_plan.accounts) == len(small_plan.accounts)
    with pytest.raises(CsvFileError, match="the plan would then hold"):
        import_accounts(small_plan, write(tmp_path, "Account Name,City\nNew GmbH,Graz\n"))


def test_a_file_just_over_the_size_limit_is_not_said_to_be_the_limit(tmp_path, small_plan):
    path = tmp_path / "export.csv"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)
    with pytest.raises(CsvFileError, match=r"is 51 MB, too large to import \(export only the "
                                           r"accounts the reps will work, one row each, without "
                                           r"the columns you do not import; a plan names at "
                                           r"most 5,000\)"):
        import_accounts(small_plan, path)  # split, it would still be more than a plan names
    from prospector.actuals_import import read_actuals  # noqa: PLC0415
    with pytest.raises(CsvFileError, match=r"is 51 MB, too large to import \(split it into files "
                                           r"under 50 MB\)"):
        read_actuals(small_plan, path)  # a CRM's facts: a file per period adds up


def test_rows_copied_from_the_german_app_s_own_table_come_back_mapped():
    """A German leader copies rows with their header from the accounts table (to a spreadsheet
    and back): each column is known, the tier ("Stufe") too, which read as the default tier."""
    header = ["Kunde", "Stufe", "Branche", "Beschäftigte", "Land", "Ort", "Warum Zielkunde",
              "Verantwortlich (Verkäufer)", "Notizen", "Website", "Jahresumsatz"]
    assert suggest_mapping(header) == {
        "name": 0, "tier": 1, "industry": 2, "employees": 3, "country": 4, "city": 5, "why": 6,
        "owner": 7, "notes": 8, "website": 9, "annual_revenue": 10}
