"""Changes a window did not save before it ended (killed, crashed), made again when the plan is
next opened (``prospector/store/unsaved_edits.py`` keeps them), and the ones that could not be:
listed in the leader's words so that they can be made by hand, their file kept aside."""

from __future__ import annotations

import json
from typing import Any

from prospector.actuals.weekly import WeeklyFigure
from prospector.editing import LABEL_FIELDS, get_value, with_value
from prospector.model import Plan
from prospector.store.unsaved_edits import Left
from ui.document import PlanDocument
from ui.field_names import describe_edit, field_word
from ui.language import _, ngettext, sentence_start

MAX_SHOWN = 200  # lines listed; the rest counted
MAX_VALUE = 120  # characters of a value shown


def set_again(document: PlanDocument, left: Left) -> tuple[int, list[dict[Any, Any]]]:
    """Make again the edits left unsaved (``Left.runs``), each an undoable edit: a value the
    plan refuses, or a field it no longer has, is left as it is; a row's change that cannot
    be made again ends it (what follows may be about that row). The number of edits made, and
    the runs not made: the values refused, the runs from the one that failed, those
    ``recover`` left out."""
    made, missed = 0, []
    text = _("Restore an unsaved change")
    runs = left.runs()
    for at, run in enumerate(runs):
        try:
            if "insert" in run:
                path = tuple(run["insert"])
                for index, item in run["items"]:
                    document.insert_items(path, index, [item], text)
            elif "remove" in run:
                document.remove_items(tuple(run["remove"]), run["indexes"], text)
            elif "move" in run:
                document.move_item(tuple(run["move"]), run["source"], run["target"], text,
                                   keep=run.get("keep"))
            elif "sections" in run and not run.get("structure"):
                document.replace_sections(run["sections"], text)
            elif "figures" in run:
                actuals = document.plan.actuals
                for rep_id, week, metric in run["cleared"]:
                    actuals = actuals.without_figure(rep_id, week, metric)
                for figure in run["figures"]:
                    actuals = actuals.with_figure(WeeklyFigure.model_validate(figure))
                if document.plan.actuals.figures_to(actuals) == ([], []):
                    continue  # saved already
                document.set_actuals(actuals, text)
            else:
                set_now, refused = _set_values_again(document, run, text)
                made += set_now
                if refused:
                    missed.append(refused)
                continue
        except (ValueError, LookupError, TypeError, AttributeError):
            return made, missed + runs[at:] + _not_in(document.plan, left.skipped_runs())
        made += 1
    return made, missed + _not_in(document.plan, left.skipped_runs())


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


def described(plan: Plan, runs: list[dict[Any, Any]]) -> list[str]:
    """Each change of ``runs`` as a line the leader can act on: "website of Acme: acme.com",
    "accounts: Nordlicht added"."""
    lines: list[str] = []
    for run in runs:
        if "insert" in run:
            where = _where(plan, run["insert"])
            lines += [_("{where}: {name} added").format(where=where, name=_label(item))
                      for _index, item in run["items"]]
        elif "remove" in run:
            rows = ", ".join(str(i + 1) for i in run["indexes"])
            lines.append(ngettext("{where}: row {rows} deleted", "{where}: rows {rows} deleted",
                                  len(run["indexes"])).format(where=_where(plan, run["remove"]),
                                                              rows=rows))
        elif "move" in run:
            lines.append(_("{where}: row {source} moved to row {target}").format(
                where=_where(plan, run["move"]), source=run["source"] + 1,
                target=run["target"] + 1))
        elif "figures" in run:
            lines.append(_("weekly figures: {entered} entered, {cleared} cleared").format(
                entered=len(run["figures"]), cleared=len(run["cleared"])))
        elif "sections" in run:  # named (a structure) or whole (refused)
            words = ", ".join(field_word(key) for key in run["sections"])
            lines.append(_("{sections}: replaced as a whole (an import of CRM facts or a "
                           "merge), make it again").format(sections=words)
                         if words else _("a change too large to keep until saved: make it "
                                         "again"))
        else:
            lines += [f"{describe_edit(plan, path)}: {_shown(value)}"
                      for path, value in run.items()]
    return lines


def not_restored_details(plan: Plan, runs: list[dict[Any, Any]]) -> str:
    """The box's details: the lines of ``described``, at most ``MAX_SHOWN`` of them."""
    lines = [sentence_start(line) for line in described(plan, runs)]
    more = len(lines) - MAX_SHOWN
    shown = lines[:MAX_SHOWN]
    if more > 0:
        shown.append(ngettext("… and {count} more", "… and {count} more", more).format(
            count=more))
    return "\n".join(shown)


def _where(plan: Plan, path: list) -> str:
    return describe_edit(plan, tuple(path)) if path else _("plan")


def _label(item: Any) -> str:
    if isinstance(item, dict):
        for key in LABEL_FIELDS:
            if isinstance(item.get(key), str) and item[key].strip():
                return _shown(item[key].strip())
    return _("a row")


def _shown(value: Any) -> str:
    if value is None or value == "":
        return _("(empty)")
    if isinstance(value, str):
        text = " ".join(value.split())
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = ", ".join(value)
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= MAX_VALUE else text[:MAX_VALUE - 1] + "…"
