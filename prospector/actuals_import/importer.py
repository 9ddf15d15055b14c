"""Reading a CRM export of activities, meetings, opportunities or deals into facts for the plan.

``read_actuals`` reads the whole file (the account import's CSV reading: encodings, delimiters,
row numbers as a spreadsheet shows them, a report's footer) and returns an ``ActualsImport``: the
dry run. Nothing is imported until its ``apply`` is called. One pass over the rows; each distinct
rep, account, date and activity type is looked up once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from operator import itemgetter

from pydantic import ValidationError

from ..account_import.csv_source import CsvFileError, CsvTable, read_table, release
from ..account_import.importer import CsvPreview, is_report_footer, read_csv_preview
from ..account_import.matching import name_key
from ..actuals.records import Happened, LoggedFact, fact_key, id_key
from ..collector import collection_paused
from ..errors import ProspectorError, describe_validation_error
from ..fields import EARLIEST_DATE, LATEST_DATE, UNKEEPABLE
from ..messages import Note, Number, Quoted
from ..model import Plan
from ..number_format import NumberFormat, evidence
from ..textnorm import fold, person_key
from .activity_types import Reading, read_activity_type
from .amounts import amount_digits, read_amount
from .dates import DateFormat, ReadDate, read_date, time_of
from .exports import Columns, Export, find_columns
from .names import AccountFinder, RepFinder
from .result import ActualsImport, RowNote, Unmatched, rows_note

MAX_ROWS = 250_000  # a half-year export of 10 reps is about 100,000 activities
_LENGTHS = {"account": 300, "subject": 1000, "stage": 200}
_WAITING, _UNUSABLE = "waiting", "unusable"  # what _date says of a date that gives no day
MAX_COMPANIES = 10  # companies of one cell looked up in the plan
PROGRESS_ROWS = 2_000  # rows read between two calls of read_actuals's progress
MAX_SUGGESTIONS = 50  # names of an export given the plan's closest name (the rest: none)


def read_actuals(plan: Plan, path: str | os.PathLike, *,
                 date_format: DateFormat | str | None = None,
                 number_format: NumberFormat | str | None = None,
                 rep_map: Mapping[str, str | None] | None = None,
                 account_map: Mapping[str, str] | None = None,
                 export: Export | str | None = None,
                 mapping: Mapping[str, int | str | None] | None = None,
                 delimiter: str | None = None, encoding: str | None = None,
                 progress: Callable[[int, int], None] | None = None) -> ActualsImport:
    """The dry run of importing ``path`` into ``plan``'s actuals.

    ``rep_map`` maps an export's rep name (or e-mail) to a rep of the plan (its name or id), or
    to None to leave that name's rows out; ``account_map`` an export's account name to an
    account of the plan (name or id). Both are remembered once applied. ``date_format`` settles
    dates that read two ways, ``number_format`` amounts that do (1,234: dot or comma) when the
    file's other amounts do not tell. A file that cannot be read raises ``CsvFileError``.

    ``progress(rows read, rows in the file)`` is called every ``PROGRESS_ROWS`` rows once the
    file is split into rows (the app's progress bar); an exception it raises stops the reading
    and is raised here (the app's Cancel)."""
    chosen = DateFormat(date_format) if date_format else None
    reps, accounts = _reps(plan, rep_map or {}), _accounts(plan, account_map or {})
    # no cycle collection while reading (a 100,000-row export: 6.3 s to read with it, 3.1 s
    # without, on the same loaded machine; nothing read here makes cycles)
    with collection_paused():
        table = read_table(path, delimiter=delimiter, encoding=encoding)
        if len(table.records) > MAX_ROWS:
            raise CsvFileError(table.source, Note("has {n} rows, more than {most}",
                                                  n=Number(len(table.records)),
                                                  most=Number(MAX_ROWS)),
                               Note("export a shorter period (a quarter)"))
        columns = find_columns(table.header, table.source, export, mapping)
        reader = _Reader(plan, table, columns, chosen, reps, accounts)
        reader.judge_numbers(NumberFormat(number_format) if number_format else None)
        try:
            return reader.run(progress)
        finally:
            release(table.records)  # read: its rows freed in steps, not at once (release)


def _reps(plan: Plan, rep_map: Mapping[str, str | None]) -> dict[str, str | None]:
    by_key = {person_key(rep.name): rep.id for rep in plan.reps}
    resolved: dict[str, str | None] = {}
    for export_name, rep in rep_map.items():
        if not export_name.strip():
            raise ProspectorError(Note("a rep mapping needs the export's name before the '='"))
        if rep is None or not rep.strip():
            resolved[export_name.strip()] = None
            continue
        found = next((r.id for r in plan.reps if r.id == rep.strip()), None) or by_key.get(
            person_key(rep))
        if found is None:
            raise ProspectorError(
                Note("{export}={rep}: the plan has no rep named {rep} (its reps: {names})",
                     export=Quoted(export_name.strip()), rep=Quoted(rep.strip()),
                     names=", ".join(r.name for r in plan.reps))
                if plan.reps else
                Note("{export}={rep}: the plan has no rep named {rep} (it has no reps yet)",
                     export=Quoted(export_name.strip()), rep=Quoted(rep.strip())))
        resolved[export_name.strip()] = found
    return resolved


def _accounts(plan: Plan, account_map: Mapping[str, str]) -> dict[str, str]:
    by_key = {name_key(a.name): a.id for a in plan.accounts}
    resolved = {}
    for export_name, account in account_map.items():
        found = next((a.id for a in plan.accounts if a.id == account.strip()), None) or \
            by_key.get(name_key(account))
        if found is None:
            raise ProspectorError(Note("{export}={account}: the plan has no account named "
                                       "{account}", export=Quoted(export_name.strip()),
                                       account=Quoted(account.strip())))
        resolved[export_name.strip()] = found
    return resolved


@dataclass(frozen=True)
class ActualsPreview:
    """What the mapping screen shows before an import: how the file was read, which export it
    is, its first rows and the columns found (``columns``: ``{field: column index}``; the fields'
    labels are ``exports.FIELD_LABELS``). The leader's changes go to ``read_actuals(mapping=...)``.
    """

    file: CsvPreview
    export: Export
    columns: dict[str, int]


def preview_actuals(path: str | os.PathLike, *, export: Export | str | None = None,
                    delimiter: str | None = None, encoding: str | None = None) -> ActualsPreview:
    """The first rows of an export and the columns suggested for it (``CsvFileError``: a file
    that is not CSV, or no export Prospector knows unless ``export`` says which)."""
    file = read_csv_preview(path, delimiter=delimiter, encoding=encoding, accounts=False)
    columns = find_columns(file.headers, file.source, export)
    return ActualsPreview(file, columns.export, columns.mapping)


class _Reader:
    def __init__(self, plan: Plan, table: CsvTable, columns: Columns, chosen: DateFormat | None,
                 rep_map: dict[str, str | None], account_map: dict[str, str]) -> None:
        self.plan, self.table, self.columns, self.chosen = plan, table, columns, chosen
        self.export = columns.export
        self.reps = RepFinder(plan, {**plan.actuals.rep_names, **rep_map})
        self.accounts = AccountFinder(plan, {**plan.actuals.account_names, **account_map})
        self.first = max(EARLIEST_DATE, plan.basics.start_date or EARLIEST_DATE)
        self.last = min(LATEST_DATE, plan.basics.end_date or LATEST_DATE)
        self.known = {fact.key: fact for fact in plan.actuals.facts}
        self.result = ActualsImport(
            source=table.source, export=self.export, encoding=table.encoding,
            delimiter=table.delimiter, headers=table.header, columns=columns.mapping,
            skipped=[RowNote(row, why) for row, why in table.problems], date_format=chosen,
            remember_reps={k: v for k, v in rep_map.items() if v is not None},
            remember_accounts=dict(account_map))
        self.dates: dict[str, ReadDate] = {}
        self.types: dict[tuple[str, str], Reading] = {}
        self.unknown: dict[str, list[int]] = {}
        self.outside: dict[str, list[int]] = {}
        self.seen: dict[str, int] = {}  # key -> the row that brought it
        self.in_footer = False
        self.source, self.opportunities = self.export.source, self.export.opportunities
        self.folded: dict[str, str] = {}  # text -> fold(text), for the keys without a row id
        self.names: dict[str, str] = {}  # account name -> its name key

    def judge_numbers(self, chosen: NumberFormat | None) -> None:
        """The convention the amounts are read in: the one chosen, else the one the file's own
        amounts show (a value that reads one way only); none when nothing tells."""
        result = self.result
        if chosen is not None:
            result.number_format, result.number_format_chosen = chosen, True
            return
        at = self.columns.mapping.get("amount")
        if at is None:
            return
        found = evidence((row, amount_digits(cells[at])) for row, cells in self.table.records
                         if len(cells) > at and cells[at].strip())
        result.number_format = found.detected
        if found.asks:  # every row's amount is judged here, whatever else waits in the row
            result.ambiguous_numbers = list(found.two_ways)
        if found.detected is not None and found.two_ways:
            form = found.detected
            result.file_notes.append(Note(
                "amounts that read two ways ({rows}) were read as {form}, the way the file "
                "writes its other amounts (row {row}: {example})",
                rows=rows_note(found.two_ways, 5), form=form.label,
                row=found.deciding[form][0], example=found.examples[form]))
        elif len([f for f in found.deciding if found.deciding[f]]) > 1:
            dot, comma = found.deciding[NumberFormat.DOT], found.deciding[NumberFormat.COMMA]
            result.file_notes.append(Note(
                "the file mixes amounts written 1,234.5 ({dot}) and 1.234,5 ({comma}): each was "
                "read the only way it can be; check how the export was made",
                dot=rows_note(dot, 5), comma=rows_note(comma, 5)))

    def run(self, progress: Callable[[int, int], None] | None = None) -> ActualsImport:
        names = tuple(self.columns.mapping)  # at least the rep and the date: itemgetter of
        pick = itemgetter(*self.columns.mapping.values())  # two or more indexes gives a tuple
        width = 1 + max(self.columns.mapping.values())
        total = len(self.table.records)
        for done, (row, cells) in enumerate(self.table.records):
            if progress is not None and done % PROGRESS_ROWS == 0:
                progress(done, total)
            if not any(cells):
                self.result.blank_rows += 1
            elif self._not_a_row(row, cells):
                continue
            else:
                if UNKEEPABLE.search("".join(cells)):  # exports carry stray control characters
                    cells = [UNKEEPABLE.sub(" ", cell).strip() for cell in cells]
                if len(cells) < width:  # a short row: its missing cells are empty
                    cells = cells + [""] * (width - len(cells))
                self._row(row, dict(zip(names, pick(cells), strict=True)))
        result = self.result
        result.unknown_reps = [
            Unmatched(name, rows, self.reps.closest(name) if i < MAX_SUGGESTIONS else None)
            for i, (name, rows) in enumerate(self.unknown.items())]
        result.outside_accounts = [
            Unmatched(name, rows, self.accounts.closest(name) if i < MAX_SUGGESTIONS else None)
            for i, (name, rows) in enumerate(self.outside.items())]
        result.skipped.sort(key=lambda note: note.row)
        forms = result.date_forms
        if len([f for f in forms if forms[f]]) > 1:
            waiting = (Note("; the dates that read both ways wait for a choice")
                       if result.ambiguous_dates else "")
            result.file_notes.append(Note(
                "the file mixes European dates (day first: {day_first}) and US dates (month "
                "first: {month_first}): each was read the only way it can be{waiting}; check how "
                "the export was made", day_first=rows_note(forms[DateFormat.DMY], 5),
                month_first=rows_note(forms[DateFormat.MDY], 5), waiting=waiting))
        return result

    def _not_a_row(self, row: int, cells: list[str]) -> bool:
        header = self.table.header
        filled = [c for c in cells if c]
        if cells[0] == header[0] and cells[:len(header)] == header:
            self.result.skipped.append(RowNote(row, Note("repeats the header row")))
            return True
        if len(filled) == 1 and len(header) > 1 and (self.in_footer
                                                     or is_report_footer(filled[0])):
            self.in_footer = True
            self.result.footer_rows.append(row)
            return True
        if len(cells) > len(header) and any(cells[len(header):]):
            self.result.skipped.append(RowNote(row, Note(
                "has {values} values but the header has {columns} columns (is a value with a "
                "{delimiter} in it missing its quotes?); not imported: export the file again, or "
                "put that value in quotes", values=len(cells), columns=len(header),
                delimiter=self.table.delimiter_name)))
            return True
        return False

    def _row(self, row: int, values: dict[str, str]) -> None:
        result = self.result
        rep_text, email = values.get("rep", ""), values.get("rep_email", "")
        if not rep_text and not email:
            result.skipped.append(RowNote(row, Note("names no rep (its rep column is empty); "
                                                    "not imported")))
            return
        day = self._date(row, values.get("date", ""))
        if day is _UNUSABLE:
            return
        # the rep is asked for even while the date waits: all there is to settle is said at once
        rep_known, rep_id = self.reps.find(rep_text, email)
        if not rep_known:
            self.unknown.setdefault(rep_text or email, []).append(row)
            return
        if day is _WAITING:
            return
        if rep_id is None:
            result.left_out_rows += 1
            return
        assert isinstance(day, date)
        which = (values.get("type", ""), values.get("subtype", ""))
        if self.opportunities:
            reading = Reading(Happened.OPPORTUNITY, None)
        else:
            reading = self.types.get(which) or self.types.setdefault(
                which, read_activity_type(*which))
            if reading.kind is None:
                result.skipped.append(RowNote(row, Note("{problem}; not imported",
                                                        problem=reading.why_not)))
                return
        account, account_id = self._account(values.get("account", ""))
        subject = values.get("subject", "")[:_LENGTHS["subject"]].strip()
        kind = reading.kind
        assert kind is not None
        stage = values.get("stage", "")[:_LENGTHS["stage"]].strip()
        key = id_key(self.source, values.get("row_id", "")) or fact_key(
            self.source, values.get("row_id", ""), kind.value, self._fold(rep_text or email),
            self._name_key(account), day.isoformat(), time_of(values.get("date", "")),
            "" if self.opportunities else self._fold(" ".join(which)), self._fold(subject))
        first = self.seen.get(key)
        if first is not None:
            result.duplicates.append((row, first))
            return
        amount = None
        if "amount" in values:
            amount, problem = read_amount(values["amount"], self.result.number_format)
            if problem:
                result.warnings.append(RowNote(row, Note(
                    "{problem}; imported without an amount (correct it in the CRM and export "
                    "again)", problem=problem)))
        if account and account_id is None:
            self.outside.setdefault(account, []).append(row)
        try:
            fact = LoggedFact(key=key, kind=kind, rep_id=rep_id, account_id=account_id,
                              account_name=account, date=day, channel=reading.channel,
                              subject=subject, stage=stage, amount=amount, source=self.source)
        except ValidationError as exc:
            result.skipped.append(RowNote(row, Note("{problem}; not imported",
                                                    problem=describe_validation_error(exc))))
            return
        self.seen[key] = row
        known = self.known.get(key)
        if known is None:
            result.facts.append(fact)
        elif known == fact:
            result.unchanged += 1
        else:
            result.updated += 1
            result.facts.append(fact)

    def _account(self, text: str) -> tuple[str, str | None]:
        """The account a row names, as exported and as the plan's account (None: outside the
        plan). A cell of several companies ("Acme; Globex", as HubSpot writes its associated
        companies) is the first of them in the plan, else the first of them."""
        account = text[:_LENGTHS["account"]].strip()
        account_id = self.accounts.find(account) if account else None
        if account_id is None and ";" in account:
            parts = [part.strip() for part in account.split(";") if part.strip()]
            found = next(((part, self.accounts.find(part)) for part in parts[:MAX_COMPANIES]
                          if self.accounts.find(part)), None)
            return found or (parts[0] if parts else "", None)
        return account, account_id

    def _fold(self, text: str) -> str:
        folded = self.folded.get(text)
        if folded is None:
            folded = self.folded[text] = fold(text)
        return folded

    def _name_key(self, account: str) -> str:
        key = self.names.get(account)
        if key is None:
            key = self.names[account] = name_key(account) or fold(account)
        return key

    def _date(self, row: int, text: str) -> date | str:
        """The row's day; ``_WAITING`` for a date that reads two ways (listed), ``_UNUSABLE``
        for one that is no date or outside the plan (the row is skipped, saying why)."""
        read = self.dates.get(text)
        if read is None:
            read = self.dates[text] = read_date(text, self.chosen)
        if read.ambiguous:
            self.result.ambiguous_dates.append(row)
            return _WAITING
        if read.day is None:
            self.result.skipped.append(RowNote(row, Note("{problem}; not imported",
                                                         problem=read.problem)))
            return _UNUSABLE
        if read.form is not None:
            self.result.date_forms.setdefault(read.form, []).append(row)
            if self.chosen is not None and read.form is not self.chosen:
                self.result.warnings.append(RowNote(row, Note(
                    "{date} can only be {form}; read as {day} although {chosen} was chosen",
                    date=Quoted(text.strip()), form=read.form.label, day=read.day,
                    chosen=self.chosen.label)))
        if not self.first <= read.day <= self.last:
            when = (Note("{day} is before the plan starts ({edge})", day=read.day,
                         edge=self.first) if read.day < self.first else
                    Note("{day} is after the plan ends ({edge})", day=read.day, edge=self.last))
            self.result.skipped.append(RowNote(row, Note(
                "{when}; not imported (export the plan's period only, or change the plan's "
                "dates)", when=when)))
            return _UNUSABLE
        return read.day
