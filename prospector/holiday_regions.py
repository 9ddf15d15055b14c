"""Where a rep works, for the holidays and weekend their schedule skips: a country (ISO 3166 code,
``DE``) and optionally one of its subdivisions (state, canton, region: ``BY`` for Bavaria), as
the ``holidays`` package knows them. The app offers these as lists; the plan file is checked
against them; ``prospector holidays [COUNTRY]`` prints them."""

from __future__ import annotations

import re
from functools import cache

from .errors import ProspectorError
from .kept_holidays import kept
from .messages import Country, Note, Quoted, shortened

HOW_TO_FIND = Note("choose it from the list in the app, or run `prospector holidays` for every "
                   "country's code and `prospector holidays DE` for the subdivisions of one")
_SMALL_WORDS = frozenset({"And", "The", "Of", "Da"})


class HolidayCountryError(ProspectorError):
    pass


def _holidays():
    import holidays  # noqa: PLC0415 - loading the country tables takes a moment; only when needed

    return holidays


@cache
def countries() -> dict[str, str]:
    """Every country the ``holidays`` package knows, {code: English name}, sorted by name."""
    return dict(kept("countries", _countries))  # kept between runs: see kept_holidays


def _countries() -> dict[str, str]:
    registry = _holidays().registry.COUNTRIES
    named = {code: _spaced(class_name) for class_name, code, *_rest in registry.values()}
    return dict(sorted(named.items(), key=lambda item: item[1]))


def _spaced(class_name: str) -> str:
    """The package's class name as words: ``UnitedKingdom`` -> ``United Kingdom``,
    ``SaintVincentAndTheGrenadines`` -> ``Saint Vincent and the Grenadines``."""
    words = re.findall(r"Mc[A-Z][a-z]+|[A-Z]+(?![a-z])|[A-Z][a-z]*|[a-z]+", class_name)
    return " ".join(w.lower() if i and w in _SMALL_WORDS else w for i, w in enumerate(words))


# the subdivisions of the ``holidays`` package that are one city (its patron saint's day, its
# peace festival), not a state or a region: listed by the name the package gives them
CITIES = frozenset({("DE", "Augsburg"), ("ES", "Barcelona"), ("IT", "Andria"),
                    ("IT", "Barletta"), ("IT", "Cesena"), ("IT", "Forli"), ("IT", "Pesaro"),
                    ("IT", "Trani"), ("IT", "Urbino"), ("BR", "São Paulo Capital")})


def is_city(country: str, subdivision: str) -> bool:
    """Whether ``subdivision`` of ``country`` is a city (``DE``, ``Augsburg``), not a state."""
    return (country, subdivision) in CITIES


@cache
def subdivisions(country: str) -> dict[str, str]:
    """The subdivisions of ``country`` whose holidays differ, {code: name}: ``BY: Bayern``."""
    check_country(country)
    return dict(kept(repr(("subdivisions", country)), lambda: _subdivisions(country)))


def _subdivisions(country: str) -> dict[str, str]:
    table = _holidays().country_holidays(country)
    aliases = table.get_subdivision_aliases()
    return {code: (aliases.get(code) or [code])[0] for code in table.subdivisions}


def check_country(country: str, typed: str | None = None) -> None:
    """Raise :class:`HolidayCountryError` unless ``country`` is a code of :func:`countries`
    (``typed``: the text the user wrote, for the message)."""
    if country not in countries():
        shown = shortened(typed if typed is not None else country, 24, 20)
        raise HolidayCountryError(Note(
            "{shown} is not a country code Prospector knows (two capital letters such as DE, AT "
            "or IL); {how}", shown=shown, how=HOW_TO_FIND))


def check_place(country: str, subdivision: str) -> None:
    """Raise :class:`HolidayCountryError` unless ``subdivision`` ("" for none) is one of the
    country's, and the country ("" for none: weekends only) one Prospector knows."""
    if not country:
        if subdivision:
            raise HolidayCountryError(Note("the subdivision {subdivision} needs a country; {how}",
                                           subdivision=Quoted(subdivision), how=HOW_TO_FIND))
        return
    check_country(country)
    known = subdivisions(country)
    if subdivision and subdivision not in known:
        listed = ", ".join(f"{code} ({name})" if name != code else code
                           for code, name in known.items())
        named = Country(country, countries()[country])
        raise HolidayCountryError(
            Note("{country} has no subdivision {subdivision}; its subdivisions are {listed}",
                 country=named, subdivision=Quoted(subdivision), listed=listed)
            if known else Note("{country} has no subdivision {subdivision} (it has none)",
                               country=named, subdivision=Quoted(subdivision)))


def parse_place(code: str) -> tuple[str, str]:
    """``"DE-BY"`` (a plan before version 7, or ``schedule --country``) -> ``("DE", "BY")``;
    ``"de"`` -> ``("DE", "")``; the subdivision as the country spells it (``"FR-zone a"`` ->
    ``("FR", "Zone A")``). Raises :class:`HolidayCountryError` for one Prospector does not know."""
    match = re.fullmatch(r"\s*([A-Za-z]+)(?:[-_/\s]+(.+?))?\s*", code)
    country, rest = (match[1].upper(), match[2] or "") if match else (code, "")
    check_country(country, code.strip())
    wanted = rest.casefold()
    subdivision = next((s for s in subdivisions(country) if s.casefold() == wanted), rest)
    check_place(country, subdivision)
    return country, subdivision


def describe_place(country: str, subdivision: str) -> str:
    """``Germany (Bayern)``, ``Israel``, or "" for none."""
    if not country:
        return ""
    name = countries().get(country, country)
    if not subdivision:
        return name
    return f"{name} ({subdivisions(country).get(subdivision, subdivision)})"
