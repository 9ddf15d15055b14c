"""The words of Edit > Undo in the user's language: ``prospector.editing.describe_edit`` names a
field edit in English ("tier of Brückner & Voss", "day of step 3 of Dream client campaign") and
passes each word through ``speak``; the app's ``speak`` is its catalog. The words are marked here so
that the app's catalog holds them (the domain's own words are not extracted into the app's
catalog); tests/test_app_language.py checks that every field of a plan has its German word."""

from __future__ import annotations

from prospector import editing
from prospector.merge import Item
from prospector.model import Plan
from ui.language import N_, _, ngettext

# every word describe_edit says: the connectors, the numbered items, then each field's word
WORDS = (
    N_("{field} of {owner}"), N_("{item} {number}"), N_("plan name"), N_("item"), N_("step"),
    N_("contact"), N_("target"),
    N_("account names"), N_("accountability"), N_("accounts"), N_("actuals"), N_("alternative"),
    N_("annual revenue"), N_("ask"), N_("asset"), N_("basics"), N_("brand colour"),
    N_("cadences"), N_("channel"), N_("city"), N_("company"), N_("company size"), N_("contacts"),
    N_("country"), N_("counts"), N_("criteria"), N_("day"), N_("difference"),
    N_("differentiator that proves it"), N_("differentiators"), N_("disqualifiers"), N_("email"),
    N_("employees"), N_("end date"), N_("facts"), N_("format"), N_("framework"), N_("geography"),
    N_("goal"), N_("holiday country"), N_("holiday subdivision"), N_("id"),
    N_("ideal client profile"), N_("industries"), N_("industry"), N_("kind"), N_("language"),
    N_("logo"), N_("message"), N_("metric"), N_("name"), N_("notes"), N_("objections"),
    N_("objective"), N_("offering"), N_("opportunity target"), N_("owner"), N_("paper size"),
    N_("per rep"), N_("period"), N_("persona"), N_("personas"), N_("phone"), N_("proof"),
    N_("qualification"), N_("question"), N_("questions"), N_("rep id"), N_("rep names"),
    N_("reps"), N_("response"), N_("responsibilities"), N_("review"), N_("role"), N_("roles"),
    N_("sales force"), N_("schema version"), N_("stage"), N_("start date"), N_("steps"),
    N_("strategy"), N_("talk track"), N_("targets"), N_("territory"), N_("tier"), N_("tiers"),
    N_("title"), N_("touch"), N_("touches"), N_("touches a day"), N_("trigger events"),
    N_("value"), N_("website"), N_("week"), N_("weekly"), N_("what a good answer tells"),
    N_("what is behind it"), N_("what it must show"), N_("what the client says"),
    N_("what they care about"), N_("what value means"), N_("why a target"), N_("why it matters"),
)


def describe_edit(plan: Plan, path: tuple) -> str:
    """A field edit named for its undo step, in the app's language."""
    return editing.describe_edit(plan, path, speak=_)


def field_word(field: str) -> str:
    """A field of the plan (its name in the model) in the app's language."""
    return _(editing.FIELD_WORDS.get(field, field.replace("_", " ")))


def conflict_places(places: list[tuple[str, ...]], most: int = 5) -> str:
    """Where both sides of a merge changed the plan (``MergeConflict.places``), in the app's
    language: "basics › owner", "touches › “Benchmark” › title"; past ``most``, a count."""
    worded = []
    for place in places[:most]:
        parts = [_("“{name}”").format(name=part) if isinstance(part, Item) else field_word(part)
                 for part in place]
        worded.append(" › ".join(parts) if parts else _("the whole plan"))
    more = len(places) - most
    if more > 0:
        worded.append(ngettext("{count} more place", "{count} more places", more).format(
            count=more))
    return "; ".join(worded)
