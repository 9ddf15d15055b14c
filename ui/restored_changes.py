"""Changes a window did not save before it ended (killed, crashed), made again when the plan is
next opened (``prospector/store/unsaved_edits.py`` keeps them), and the ones that could not be:
listed in the leader's words so that they can be made by hand, their file kept aside."""

from __future__ import annotations

import json
from typing import Any

from prospector.actuals.weekly import WeeklyFigure
from prospector.editing import LABEL_FIELDS, get_value, label_of, with_value
from prospector.model import Plan
from prospector.sections import LIST_SECTIONS
from prospector.store.unsaved_edits import Left, by_place
from ui.document import PlanDocument
from ui.field_names import describe_edit, field_word
from ui.language import _, ngettext, sentence_start
from ui.table_model import show_number

MAX_SHOWN = 200  # lines listed; the rest counted
MAX_VALUE = 120  # characters of a value shown


def set_again(document: PlanDocument, left: Left) -> tuple[int, list[dict[Any, Any]]]:
    """Make again the edits left unsaved, in the order they were made, each an undoable edit.
    Not made, in that order, and returned with the number made: the runs ``recover`` left out
    (less what the plan already holds), the values the plan refuses (a field it no longer has:
    an account deleted in another window since), and a row's change that fails, after which
    no row named by its place is made again either (that place may now be another row's)."""
    made, missed = 0, []
    text = _("Restore an unsaved change")
    placed = True
    steps = left.steps()
    for at, (skip, run) in enumerate(steps):
        if skip:
            if not _carried_by(run, [later for later_skip, later in steps[at + 1:]
                                     if not later_skip]):
                missed += _not_in(document.plan, [run])
            continue
        if not placed and _is_row_change(run) and by_place(run):
            missed.append(run)
            continue
        if not _is_row_change(run):
            if not placed:  # a value by a row's place: left out; named by ids: set
                values = {path: v for path, v in run.items() if not _at_place(path)}
                if len(values) < len(run):
                    missed.append({path: v for path, v in run.items() if _at_place(path)})
                run = values
            set_now, refused = _set_values_again(document, run, text)
            made += set_now
            if refused:
                missed.append(refused)
            continue
        try:
            made += _make_again(document, run, text)
        except NotMadeAgain as partly:
            made += partly.made
            missed.append(partly.run)
            placed = False
        except (ValueError, LookupError, TypeError, AttributeError):
            missed.append(run)
            placed = False
    return made, missed


class NotMadeAgain(Exception):
    """A row's change made again in part: ``run`` is the part that was not, ``made`` the
    number of edits that were."""

    def __init__(self, run: dict[Any, Any], made: int) -> None:
        super().__init__("made again in part")
        self.run, self.made = run, made


def _carried_by(run: dict[Any, Any], later: list[dict[Any, Any]]) -> bool:
    """Whether a change left out is carried by one made again after it: a step moved, or a
    step's day, then the whole list of steps set ("Sort by day"), or the whole section."""
    if _is_row_change(run):
        where = [tuple(run[key]) for key in ("insert", "remove", "move") if key in run]
        if not where:
            return False
        paths = where
    else:
        paths = [tuple(path) for path in run]
    for after in later:
        if "sections" in after and not after.get("structure"):
            if all(path[:1] and path[0] in after["sections"] for path in paths):
                return True
        elif not _is_row_change(after) and all(
                any(path[:len(whole)] == whole for whole in after) for path in paths):
            return True
    return False


def _is_row_change(run: dict[Any, Any]) -> bool:
    return any(key in run for key in ("insert", "remove", "move", "sections", "figures"))


def _at_place(path: Any) -> bool:
    return any(type(part) is int for part in path)


def _make_again(document: PlanDocument, run: dict[Any, Any], text: str) -> int:
    """Make a row's change (or sections, or weekly figures) again; raises where it cannot.
    The number of edits made (rows already there or already gone: none)."""
    if "insert" in run:
        path, made = tuple(run["insert"]), 0
        there = {getattr(row, "id", None) for row in document.items(path)} - {None}
        refused = []
        for index, item in run["items"]:
            if isinstance(item, dict) and item.get("id") in there:
                continue  # saved before the window ended
            try:
                document.insert_items(path, index, [item], text)
            except ValueError:
                refused.append([index, item])
                continue
            made += 1
        if run.get("references"):  # an undone removal: the references to the rows again
            made += _set_values_again(document, {tuple(p): v for p, v in run["references"]},
                                      text)[0]
        if refused:  # only the rows the plan refused are not made again
            raise NotMadeAgain({**run, "items": refused}, made)
        return made
    if "remove" in run:
        path, ids = tuple(run["remove"]), run.get("ids")
        indexes = run["indexes"]
        if isinstance(ids, list) and all(isinstance(i, str) for i in ids):
            indexes = [i for i, row in enumerate(document.items(path))
                       if getattr(row, "id", None) in set(ids)]  # the same rows, wherever
        if not indexes:
            return 0
        document.remove_items(path, indexes, text)
        return 1
    if "move" in run:
        document.move_item(tuple(run["move"]), run["source"], run["target"], text,
                           keep=run.get("keep"))
        return 1
    if "sections" in run and not run.get("structure"):
        document.replace_sections(run["sections"], text)
        return 1
    if "figures" in run:
        actuals = document.plan.actuals
        for rep_id, week, metric in run["cleared"]:
            actuals = actuals.without_figure(rep_id, week, metric)
        for figure in run["figures"]:
            actuals = actuals.with_figure(WeeklyFigure.model_validate(figure))
        if document.plan.actuals.figures_to(actuals) == ([], []):
            return 0  # saved already
        document.set_actuals(actuals, text)
        return 1
    raise ValueError("not an edit")


def _not_in(plan: Plan, runs: list[dict[Any, Any]]) -> list[dict[Any, Any]]:
    """``runs`` less what the plan already holds (a file of another version: its edits may
    have been saved before its window ended): values it has, rows added that it has."""
    out: list[dict[Any, Any]] = []
    for run in runs:
        if "insert" in run:
            try:
                ids = {getattr(row, "id", None) for row in get_value(plan, tuple(run["insert"]))}
            except (ValueError, LookupError, TypeError, AttributeError):
                ids = set()
            items = [[index, item] for index, item in run["items"]
                     if not (isinstance(item, dict) and item.get("id") in ids - {None})]
            if items:
                out.append({**run, "items": items})
        elif not any(key in run for key in ("remove", "move", "figures", "sections")):
            values = {path: value for path, value in run.items()
                      if not _holds(plan, path, value)}
            if values:
                out.append(values)
        else:
            out.append(run)
    return out


def _holds(plan: Plan, path: tuple, value: Any) -> bool:
    try:
        return get_value(plan, path) == get_value(with_value(plan, path, value), path)
    except (ValueError, LookupError, TypeError, AttributeError):
        return False


def _set_values_again(document: PlanDocument, values: dict, text: str) -> tuple[int, dict]:
    """The number of values set, and those the plan refused (a field it no longer has: an
    account deleted in another window since)."""
    made, refused = 0, {}
    for path, value in values.items():
        try:
            typed = get_value(with_value(document.plan, path, value), path)
        except (ValueError, LookupError, TypeError, AttributeError):
            refused[path] = value
            continue
        if get_value(document.plan, path) != typed and document.set_value(path, typed, text):
            made += 1
    return made, refused


def described(plan: Plan, runs: list[dict[Any, Any]],
              rows: dict[tuple, str] | None = None) -> list[str]:
    """Each change of ``runs`` as a line the leader can act on, rows by their names: "website
    of Acme: acme.com", "accounts: “Nordlicht” added" (with the fields typed into it after),
    "accounts: “Rautio Machinery Oy” deleted", "Steps of Dream client campaign › “Phone
    call” › day: 9" (``rows``: the words of a row named by its place, when it was edited)."""
    lines: list[str] = []
    # a row added and not made again, by its id or by (its list, its place): its line
    added: dict[Any, tuple[int, dict, str]] = {}
    names = _names(plan)
    for run in runs:
        if "insert" in run:
            where = _where(plan, run["insert"])
            for index, item in run["items"]:
                if isinstance(item, dict):
                    key = item["id"] if isinstance(item.get("id"), str) else (
                        *run["insert"], index)
                    added[key] = (len(lines), dict(item), where)
                lines.append(_("{where}: {name} added").format(where=where, name=_label(item)))
        elif "remove" in run:
            deleted = []
            for i, row_id, name in zip(run["indexes"], run.get("ids") or [None] * len(
                    run["indexes"]), run.get("names") or [""] * len(run["indexes"]),
                                        strict=True):
                key = row_id if isinstance(row_id, str) else (*run["remove"], i)
                if key in added:  # added, then deleted: neither happened
                    lines[added.pop(key)[0]] = ""
                    continue
                deleted.append(_quoted(name) if name else _("row {number}").format(
                    number=i + 1))
            if deleted:
                lines.append(_("{where}: {rows} deleted").format(
                    where=_where(plan, run["remove"]), rows=", ".join(deleted)))
        elif "move" in run:
            lines.append(_("{where}: {name} moved to row {target}").format(
                where=_where(plan, run["move"]),
                name=_quoted(run["name"]) if run.get("name") else _("row {number}").format(
                    number=run["source"] + 1),
                target=run["target"] + 1))
        elif "figures" in run:
            lines.append(_("weekly figures: {entered} entered, {cleared} cleared").format(
                entered=len(run["figures"]), cleared=len(run["cleared"])))
        elif "sections" in run:  # named (a structure) or whole (refused)
            lines.append(_sections_line(list(run["sections"])))
        else:
            for path, value in run.items():
                lines.append(_value_line(plan, path, value, added, lines, names, rows or {}))
    return [line for line in lines if line]


def _sections_line(sections: list[str]) -> str:
    if sections == ["actuals"]:
        return _("actuals: an import of CRM facts, not restored: import the export again "
                 "(Import actuals)")
    if "actuals" in sections:
        return _("the whole plan: combined with the version saved elsewhere, not restored")
    if sections:
        return _("{sections}: replaced as a whole, too large to keep until saved, not "
                 "restored").format(sections=", ".join(field_word(key) for key in sections))
    return _("a change too large to keep until saved, not restored")


def _value_line(plan: Plan, path: tuple, value: Any, added: dict, lines: list[str],
                names: dict[str, str], rows: dict[tuple, str]) -> str:
    """A value's line; "" when it goes into the line of the row added that it belongs to."""
    shown = _shown(value, names)
    row = next((key for key in (*path[-2:-1], tuple(path[:-1]))
                if _hashable(key) and key in added), None)
    if row is not None:  # a field of a row added and not made again: in that row's line
        at, item, where = added[row]
        item[path[-1]] = value
        lines[at] = _("{where}: {name} added").format(where=where, name=_label(item))
        return ""
    owner = next((added[part][1] for part in reversed(path[:-1])
                  if _hashable(part) and part in added), None)
    if owner is not None:  # deeper in a row added: a contact's of an account added
        return _("{field} of {owner}").format(field=field_word(str(path[-1])),
                                              owner=_label(owner)) + f": {shown}"
    place = max((i for i, part in enumerate(path) if type(part) is int), default=None)
    if place is not None and rows.get(path):  # by its place: the row's words then, not now
        return _("{list} › “{row}” › {field}").format(
            field=field_word(str(path[-1])), row=rows[path],
            list=sentence_start(describe_edit(plan, path[:place]))) + f": {shown}"
    return f"{describe_edit(plan, path)}: {shown}"


def _hashable(key: Any) -> bool:
    return isinstance(key, (str, tuple))


def not_restored_details(described_lines: list[str]) -> str:
    """The box's details: the lines of ``described``, at most ``MAX_SHOWN`` of them."""
    lines = [sentence_start(line) for line in described_lines]
    more = len(lines) - MAX_SHOWN
    shown = lines[:MAX_SHOWN]
    if more > 0:
        shown.append(ngettext("… and {count} more", "… and {count} more", more).format(
            count=more))
    return "\n".join(shown)


def _where(plan: Plan, path: list) -> str:
    return describe_edit(plan, tuple(path)) if path else _("plan")


def _quoted(text: str) -> str:
    return _("“{name}”").format(name=text)


def _label(item: Any) -> str:
    if isinstance(item, dict):
        for key in (*LABEL_FIELDS, "objective"):
            if isinstance(item.get(key), str) and item[key].strip():
                return _quoted(_shown(item[key].strip()))
    return _("a row")


def _names(plan: Plan) -> dict[str, str]:
    """Every item's id in the plan's lists -> its name (a list of ids reads as names)."""
    return {item.id: label_of(item) or item.id for section in LIST_SECTIONS
            for item in getattr(plan, section.key)}


def _shown(value: Any, names: dict[str, str] | None = None) -> str:
    if value is None or value == "":
        return _("(empty)")
    if isinstance(value, bool):
        text = _("ticked") if value else _("not ticked")
    elif isinstance(value, (int, float)):
        text = show_number(value)
    elif isinstance(value, str):
        text = " ".join(value.split())
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = ", ".join((names or {}).get(v) or v for v in value)
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= MAX_VALUE else text[:MAX_VALUE - 1] + "…"
