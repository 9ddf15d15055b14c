"""What reading a CRM export found, before anything is imported: the dry run the app and the
command line show, then ``apply`` once the leader has settled what needs a choice.

Nothing is imported while a rep of the export matches no rep of the plan (map the name, or leave
the name's rows out) or while dates read two ways (choose day/month or month/day): ``ready`` is
then False, ``to_settle`` says what to choose, and ``apply`` refuses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from babel.numbers import format_decimal

from ..actuals.ledger import Actuals
from ..actuals.records import LoggedFact
from ..errors import ProspectorError
from ..messages import ENGLISH, M_, MN_, Note, Say, quoted, said
from ..model import Plan
from ..number_format import NumberFormat
from .dates import DateFormat
from .exports import Export

SETTLE_NAMES = 5  # unknown reps named one by one in what to settle


@dataclass(frozen=True)
class RowNote:
    """A row not imported (``skipped``) or imported with a value left out (``warnings``)."""

    row: int
    note: str  # a Note: English, and said in the app's language

    def __str__(self) -> str:
        return self.said(ENGLISH)

    def said(self, tell: Say) -> str:
        return tell(M_("row {row}: {problem}")).format(row=self.row,
                                                       problem=said(self.note, tell))


@dataclass(frozen=True)
class Unmatched:
    """A name of the export that matches no rep (or account) of the plan, the rows that name it,
    and the plan's closest name (None: none is close)."""

    name: str
    rows: list[int]
    closest: str | None

    def __str__(self) -> str:
        return self.said(ENGLISH)

    def said(self, tell: Say) -> str:
        name = (quoted(self.name, tell) if len(self.name) <= 60
                else quoted(self.name[:50], tell) + "…")
        if self.closest:
            return tell(M_("{name} ({rows}; closest: {closest})")).format(
                name=name, rows=rows_text(self.rows, tell=tell), closest=self.closest)
        return tell(M_("{name} ({rows})")).format(name=name, rows=rows_text(self.rows, tell=tell))


class NotReady(ProspectorError):
    """``apply`` on an import that still needs the leader's choice; nothing was imported."""


@dataclass
class ActualsImport:
    source: str
    export: Export
    encoding: str
    delimiter: str
    headers: list[str]
    columns: dict[str, int]
    facts: list[LoggedFact] = field(default_factory=list)  # to import: new, or changed
    updated: int = 0  # of ``facts``, how many an earlier import brought in (changed since)
    unchanged: int = 0  # facts of the export the plan has already, as they are
    skipped: list[RowNote] = field(default_factory=list)
    warnings: list[RowNote] = field(default_factory=list)
    duplicates: list[tuple[int, int]] = field(default_factory=list)  # (row, the row it repeats)
    unknown_reps: list[Unmatched] = field(default_factory=list)
    left_out_rows: int = 0  # rows of names the leader chose to leave out
    outside_accounts: list[Unmatched] = field(default_factory=list)
    ambiguous_dates: list[int] = field(default_factory=list)  # rows waiting for a date format
    date_forms: dict[DateFormat, list[int]] = field(default_factory=dict)  # rows read one way
    date_format: DateFormat | None = None  # the one chosen
    ambiguous_numbers: list[int] = field(default_factory=list)  # rows waiting for a convention
    number_format: NumberFormat | None = None  # the file's: chosen, or shown by its amounts
    number_format_chosen: bool = False  # by the user (else judged from the file's amounts)
    file_notes: list[str] = field(default_factory=list)  # about the file as a whole (Notes)
    blank_rows: int = 0
    footer_rows: list[int] = field(default_factory=list)
    remember_reps: dict[str, str] = field(default_factory=dict)  # names the leader mapped
    remember_accounts: dict[str, str] = field(default_factory=dict)

    @property
    def new(self) -> int:
        return len(self.facts) - self.updated

    @property
    def suggested_date_format(self) -> DateFormat | None:
        """The one form the file's unambiguous dates have (None: none, or both)."""
        forms = [form for form, rows in self.date_forms.items() if rows]
        return forms[0] if len(forms) == 1 else None

    @property
    def ready(self) -> bool:
        return not self.unknown_reps and not self.ambiguous_dates and not self.ambiguous_numbers

    def to_settle(self, language: str = "en") -> list[str]:
        """What the leader must choose before the import can be applied, one line each (in
        ``language``: the "messages" catalog)."""
        tell = Say(language)
        lines = []
        if self.ambiguous_dates:
            example = self.suggested_date_format
            seen = (tell(M_("; the file's other dates can only be {form}")).format(
                        form=said(example.label, tell)) if example else
                    tell(M_("; the file's other dates do not tell")) if not self.date_forms else
                    tell(M_("; the file's other dates are of both forms")))
            lines.append(tell(M_(
                "{n} rows have dates that read two ways (03/04/2027: 3 April or March 4?), "
                "{rows}{seen}: choose day/month (dmy) or month/day (mdy)")).format(
                n=format_decimal(len(self.ambiguous_dates), locale=language or "en"),
                rows=rows_text(self.ambiguous_dates, tell=tell), seen=seen))
        if self.ambiguous_numbers:
            lines.append(tell(M_(
                "{n} rows have amounts that read two ways (1,234 or 1.234: a thousand and more, "
                "or one and a bit?), {rows}; the file's other amounts do not tell: choose how the "
                "export writes numbers, 1,234.5 (dot) or 1.234,5 (comma)")).format(
                n=format_decimal(len(self.ambiguous_numbers), locale=language or "en"),
                rows=rows_text(self.ambiguous_numbers, tell=tell)))
        for name in self.unknown_reps[:SETTLE_NAMES]:
            lines.append(tell(M_("{name} matches no rep of the plan: map the name to a rep (it is "
                                 "remembered for the next import), or leave its rows out")).format(
                name=name.said(tell)))
        if len(self.unknown_reps) > SETTLE_NAMES:
            lines.append(tell(M_("and {n} more names match no rep of the plan")).format(
                n=format_decimal(len(self.unknown_reps) - SETTLE_NAMES, locale=language or "en")))
        return lines

    def actuals_after(self, plan: Plan) -> Actuals:
        """``plan``'s actuals with these facts in them (a fact imported before is replaced) and
        the names the leader mapped remembered: what the app sets as one undoable edit of
        ``actuals``. Raises ``NotReady`` while something needs the leader's choice."""
        if not self.ready:
            # the app offers no Import while something waits: the command line meets this
            raise NotReady(Note("{source}: nothing was imported: {what}", source=self.source,
                                what="; ".join(self.to_settle())))
        actuals = plan.actuals.with_facts(self.facts)
        if self.remember_reps or self.remember_accounts:
            actuals = actuals.model_copy(update={
                "rep_names": {**actuals.rep_names, **self.remember_reps},
                "account_names": {**actuals.account_names, **self.remember_accounts}})
        return actuals

    def apply(self, plan: Plan) -> Plan:
        """``plan`` with ``actuals_after(plan)`` (a shallow copy: it shares every other part
        with ``plan``, which itself is not changed)."""
        return plan.model_copy(update={"actuals": self.actuals_after(plan)})

    def summary_lines(self, limit: int = 10, language: str = "en") -> list[str]:
        """The outcome in the leader's words, one line each (the command line prints them in
        English, the app in its language: the "messages" catalog, prospector/messages.py)."""
        tell = Say(language)

        def num(n: int) -> str:
            return format_decimal(n, locale=language or "en")

        def counted(forms: tuple[str, str], n: int) -> str:
            return tell.counted(forms, n).format(n=num(n))

        line = counted(MN_("{n} new fact found", "{n} new facts found"), self.new)
        if self.updated:
            line += counted(MN_(", {n} imported before and changed since (updated from this "
                                "export)", ", {n} imported before and changed since (updated "
                                "from this export)"), self.updated)
        if self.unchanged:
            line += counted(MN_(", {n} in the plan already", ", {n} in the plan already"),
                            self.unchanged)
        lines = [line]
        kinds: dict[str, int] = {}
        for fact in self.facts:
            kinds[fact.kind.value] = kinds.get(fact.kind.value, 0) + 1
        if kinds:
            lines.append("  " + ", ".join(counted(_KINDS[k], n) for k, n in kinds.items()))
        lines += [tell(M_("check: {note}")).format(note=said(note, tell))
                  for note in self.file_notes]
        if self.duplicates:
            lines.append(counted(MN_(
                "{n} duplicate row (the same activity twice in the file; imported once):",
                "{n} duplicate rows (the same activity twice in the file; imported once):"),
                len(self.duplicates)))
            lines += _limited([tell(M_("  row {row} repeats row {first}")).format(
                row=row, first=first) for row, first in self.duplicates], limit, tell)
        if self.skipped:
            lines.append(counted(MN_("{n} row not imported:", "{n} rows not imported:"),
                                 len(self.skipped)))
            lines += _limited([f"  {note.said(tell)}" for note in self.skipped], limit, tell)
        if self.warnings:
            lines.append(counted(MN_(
                "{n} row imported with a value left out (check these rows):",
                "{n} rows imported with a value left out (check these rows):"),
                len(self.warnings)))
            lines += _limited([f"  {note.said(tell)}" for note in self.warnings], limit, tell)
        if self.left_out_rows:
            lines.append(counted(MN_("{n} row of names left out on purpose",
                                     "{n} rows of names left out on purpose"),
                                 self.left_out_rows))
        if self.outside_accounts:
            lines.append(counted(MN_(
                "{n} account not in the plan (imported as outside the plan; map a name to an "
                "account of the plan if it is one):",
                "{n} accounts not in the plan (imported as outside the plan; map a name to an "
                "account of the plan if it is one):"), len(self.outside_accounts)))
            lines += _limited([f"  {name.said(tell)}" for name in self.outside_accounts], limit,
                              tell)
        if self.footer_rows:
            lines.append(tell(M_("ignored the report's footer ({rows})")).format(
                rows=rows_text(self.footer_rows, tell=tell)))
        if self.unknown_reps:
            lines.append(counted(MN_("{n} name matches no rep of the plan (their rows wait):",
                                     "{n} names match no rep of the plan (their rows wait):"),
                                 len(self.unknown_reps)))
            lines += _limited([f"  {name.said(tell)}" for name in self.unknown_reps], limit,
                              tell)
        return lines


def rows_note(rows: list[int], shown: int = 6) -> Note:
    """``rows_text`` as a ``Note``, for a message said later: ``rows 3, 5, 8 and 2 more``."""
    listed: str = ", ".join(str(r) for r in rows[:shown])
    if len(rows) > shown:
        listed = Note(M_("{listed} and {n} more"), listed=listed, n=len(rows) - shown)
    return Note(MN_("row {rows}", "rows {rows}"), n=len(rows), rows=listed)


def rows_text(rows: list[int], shown: int = 6, tell: Say = ENGLISH) -> str:
    listed = ", ".join(str(r) for r in rows[:shown])
    if len(rows) > shown:
        listed = tell(M_("{listed} and {n} more")).format(listed=listed, n=len(rows) - shown)
    return tell.counted(MN_("row {rows}", "rows {rows}"), len(rows)).format(rows=listed)


_KINDS = {"touch": MN_("{n} touch", "{n} touches"), "meeting": MN_("{n} meeting", "{n} meetings"),
          "opportunity": MN_("{n} opportunity", "{n} opportunities")}


def _limited(lines: list[str], limit: int, tell: Say = ENGLISH) -> list[str]:
    if len(lines) <= limit:
        return lines
    return lines[:limit] + [tell(M_("  ... and {n} more")).format(
        n=format_decimal(len(lines) - limit, locale=tell.language or "en"))]
