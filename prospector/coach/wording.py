"""What the coach says of the phrase and claim rules, in the plan's language.

``finding(rule_id, language, **values)`` is the one place these findings are worded; English
when the language has no wording of its own.
"""

from __future__ import annotations

ENGLISH = "en"

_AND = {"en": "and", "de": "und", "fr": "et"}
_MORE = {"en": "{list} and {n} more", "de": "{list} und {n} weitere", "fr": "{list} et {n} autres"}

_FIELDS = {
    "de": {"title": "Titel", "value": "Nutzen", "message": "Nachricht"},
    "fr": {"title": "son titre", "value": "sa valeur", "message": "son message"},
}

_FINDINGS: dict[str, dict[str, str]] = {
    "touch-empty-phrase": {
        "en": "“{title}” leans on {phrases} (in its {where}).",
        "de": "„{title}“ stützt sich auf {phrases} (im Feld {where}).",
        "fr": "« {title} » s'appuie sur {phrases} (dans {where}).",
    },
    "touch-generic-claim": {
        "en": "“{title}” sells with {phrases}.",
        "de": "„{title}“ verkauft mit {phrases}.",
        "fr": "« {title} » vend avec {phrases}.",
    },
    "differentiator-generic": {
        "en": "“{title}” rests on {phrases}: every competitor says the same.",
        "de": "„{title}“ beruht auf {phrases}: Das sagt jeder Wettbewerber.",
        "fr": "« {title} » repose sur {phrases} : tous les concurrents disent la même chose.",
    },
}

_QUOTES = {"en": ("“", "”"), "de": ("„", "“"), "fr": ("« ", " »")}


def quote_list(phrases: list[str], language: str = ENGLISH, limit: int = 3) -> str:
    """``“a”, “b” and “c”`` with the quotation marks and the "and" of ``language``."""
    opening, closing = _QUOTES.get(language, _QUOTES[ENGLISH])
    conjunction = _AND.get(language, _AND[ENGLISH])
    quoted = [f"{opening}{p}{closing}" for p in phrases[:limit]]
    if len(phrases) > limit:
        more = _MORE.get(language, _MORE[ENGLISH])
        return more.format(list=", ".join(quoted), n=len(phrases) - limit)
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + f" {conjunction} " + quoted[-1]


def field_names(names: list[str], language: str = ENGLISH) -> str:
    """The fields a finding points at (``title and value``), named in ``language``."""
    local = _FIELDS.get(language, {})
    return f" {_AND.get(language, _AND[ENGLISH])} ".join(local.get(n, n) for n in names)


def finding(rule_id: str, language: str = ENGLISH, **values: str) -> str:
    """The finding of ``rule_id`` worded in ``language`` (English when it has no wording)."""
    wordings = _FINDINGS[rule_id]
    return wordings.get(language, wordings[ENGLISH]).format(**values)
