"""The words the app shows that are declared in the domain package rather than in ``ui/``: the
steps' titles and guidance, the sections' names, the channels, stages and what a target counts.
``pybabel extract -F babel-app.cfg`` calls :func:`extract_domain_words` for
``prospector/sections.py``, so the app catalog holds them; the app translates them where it shows
them (``_(step.title)``), and ``prospector/`` stays free of the app's catalog. Only the
extraction imports this module, never the app."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from prospector.account_import import DELIMITERS, FIELDS
from prospector.account_import.csv_source import ENCODING_LABELS
from prospector.actuals.counting import Counts
from prospector.actuals_import import FIELD_LABELS, DateFormat
from prospector.actuals_import.exports import EXPORT_LABELS
from prospector.business_days import days_off_names
from prospector.editing import CADENCE_TEMPLATES
from prospector.model import FRAMEWORK_LABELS, STAGE_LABELS, Channel, Plan, Target
from prospector.qualification import opportunity_definition
from prospector.sections import NEW_TARGET, SECTIONS, STEPS


def domain_words() -> list[str]:
    """Every text of the domain declarations the app shows as it is."""
    words: list[str] = []
    for step in STEPS:
        words += [step.title, step.what_good_looks_like, step.examples]
    words += [section.title for section in SECTIONS]
    # the chapters, as each edition names them ("Objection library", "Your schedule"): the
    # preview's status
    words += [chapter.title for section in SECTIONS for chapter in (*section.leader, *section.rep)]
    words += [next(iter(s.new_item.values())) for s in SECTIONS if s.new_item]  # "New account"
    # the steps' fixed status words: an empty plan misses every to-do ("goal set" is the other)
    empty = Plan(name="-")
    for step in STEPS:
        if step.status is not None:
            status = step.status(empty)
            words += [*status.missing] + ([] if status.summary[:1].isdigit() else [status.summary])
    words += ["goal set"]
    words += list(FRAMEWORK_LABELS.values())
    words += [text for t in CADENCE_TEMPLATES for text in (t.name, t.description)]
    counting = NEW_TARGET | {"metric": "-", "creates_opportunities": True}
    words += [opportunity_definition(empty), opportunity_definition(
        empty.model_copy(update={"accountability": empty.accountability.model_copy(
            update={"targets": [Target.model_validate(counting)]})}))]
    words += [channel.label for channel in Channel]
    words += [counts.label for counts in Counts]
    words += list(STAGE_LABELS.values())
    words += [text for field in FIELDS for text in (field.label, field.help)]
    words += list(FIELD_LABELS.values()) + list(EXPORT_LABELS.values())
    words += list(DELIMITERS.values()) + list(ENCODING_LABELS.values())
    words += days_off_names(frozenset(range(7)), holidays=True)
    words += [form.label for form in DateFormat]
    words += ["not started", "not entered", "below", "met", "Not said"]  # prospector/review/text.py
    return list(dict.fromkeys(w for w in words if w))


def extract_domain_words(fileobj: Any, keywords: Any, comment_tags: Any,
                         options: Any) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel's extraction method (see babel-app.cfg): the domain words, whatever the file."""
    for word in domain_words():
        yield 1, "_", word, []
