"""Business days: the working days of a country, as the ``holidays`` package knows them.

A place is a country code and optionally one of its subdivisions (``prospector.holiday_regions``):
``("DE", "BY")`` skips Saturdays, Sundays and Bavaria's public holidays, ``("IL", "")`` Fridays,
Saturdays and Israel's; no country skips Saturdays and Sundays only. :class:`BusinessCalendar`
numbers the business days from a start date (0, 1, 2...) so that the scheduler can work with
plain integers.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from .holiday_regions import HolidayCountryError as HolidayCountryError
from .holiday_regions import check_place, parse_place
from .kept_holidays import kept
from .wording import N_

_CHUNK_DAYS = 400
_DAY_NAMES = (N_("Mondays"), N_("Tuesdays"), N_("Wednesdays"), N_("Thursdays"), N_("Fridays"),
              N_("Saturdays"), N_("Sundays"))
PUBLIC_HOLIDAYS = N_("public holidays")
SATURDAY_SUNDAY = frozenset({5, 6})


def check_country(code: str) -> None:
    """Raise :class:`HolidayCountryError` unless ``code`` ("DE", "DE-BY" or "") is a known place."""
    if code.strip():
        parse_place(code)


@lru_cache(maxsize=256)
def _calendar_of(country: str, subdivision: str):
    import holidays  # noqa: PLC0415 - loading the country tables takes a moment; only when needed

    # named in English whatever the machine's locale (the package otherwise follows $LANG):
    # a plan's schedule reads the same everywhere; an edition names them in its own language
    table = holidays.country_holidays(country, subdiv=subdivision or None)
    known = getattr(table, "supported_languages", ())
    if "en_US" in known:
        return holidays.country_holidays(country, subdiv=subdivision or None, language="en_US")
    return table


@lru_cache(maxsize=256)
def days_of_year(country: str, subdivision: str, year: int) -> tuple[dict[date, str], set[date]]:
    """The public holidays on working weekdays ({day: name}) and the weekend days of ``year``
    (the country's own weekend; a weekend day made a working day is not one)."""
    made = kept(repr(("days", country, subdivision, year)),  # kept between runs: kept_holidays
                lambda: _days_of_year(country, subdivision, year))
    return ({date.fromisoformat(day): name for day, name in made["holidays"].items()},
            {date.fromisoformat(day) for day in made["weekend"]})


def _days_of_year(country: str, subdivision: str, year: int) -> dict:
    table = _calendar_of(country, subdivision)
    holidays: dict[date, str] = {}
    weekend: set[date] = set()
    day, end = date(year, 1, 1), date(year, 12, 31)
    while day <= end:
        if table.is_weekend(day):
            if not table.is_working_day(day):
                weekend.add(day)
        elif not table.is_working_day(day):
            holidays[day] = table.get(day)
        day += timedelta(days=1)
    return {"holidays": {day.isoformat(): name for day, name in holidays.items()},
            "weekend": sorted(day.isoformat() for day in weekend)}


@lru_cache(maxsize=64)
def _named_in(country: str, subdivision: str, language: str):
    import holidays  # noqa: PLC0415 - as above

    table = holidays.country_holidays(country, subdiv=subdivision or None)
    known = tuple(getattr(table, "supported_languages", ()))
    local = getattr(table, "default_language", None)
    # the reader's language ("en" read as the country's own English or en_US), else the
    # country's own names ("Karfreitag" for a French reader in Germany), never the machine's
    regional = sorted((tag for tag in known if tag.split("_")[0] == language),
                      key=lambda tag: (tag != local, tag != f"{language}_US", tag))
    chosen = language if language in known else (regional[0] if regional else local)
    if not chosen:
        return None
    return holidays.country_holidays(country, subdiv=subdivision or None, language=chosen)


def holiday_name(country: str, subdivision: str, day: date, language: str) -> str | None:
    """The name of the public holiday on ``day`` in ``language`` ("Christi Himmelfahrt"), or in
    the country's own language when the ``holidays`` package has no names in ``language`` for
    it (a French reader in Germany reads "Karfreitag", not the English name)."""
    if not country:
        return None
    names = _names_of_year(country, subdivision, language, day.year)
    return names.get(day.isoformat()) if names is not None else None


@lru_cache(maxsize=64)
def _names_of_year(country: str, subdivision: str, language: str,
                   year: int) -> dict[str, str] | None:
    """{ISO day: name} of the year's public holidays in ``language`` (see ``holiday_name``)."""
    def made() -> dict[str, str] | None:
        table = _named_in(country, subdivision, language)
        if table is None:
            return None
        table.get(date(year, 1, 1))  # the package fills in a year when a day of it is asked
        return {day.isoformat(): name for day, name in table.items() if day.year == year}

    return kept(repr(("names", country, subdivision, language, year)), made)


@lru_cache(maxsize=256)
def weekend_days(country: str, subdivision: str = "") -> frozenset[int]:
    """The weekdays (0 Monday ... 6 Sunday) the place keeps as its weekend today."""
    if not country:
        return SATURDAY_SUNDAY
    return frozenset(kept(repr(("weekend", country, subdivision)),
                          lambda: sorted(_calendar_of(country, subdivision).weekend)))


def days_off_words(weekend: frozenset[int], holidays: bool = False) -> str:
    """What a schedule skips, in words: ``Saturdays, Sundays and public holidays``,
    ``Fridays and Saturdays``."""
    names = days_off_names(weekend, holidays)
    return " and ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " and " + names[-1]


def days_off_names(weekend: frozenset[int], holidays: bool = False) -> list[str]:
    """What a schedule skips, each in its own words: ``["Saturdays", "Sundays", "public
    holidays"]`` (catalog entries: the playbook prints them in its reader's language)."""
    return [_DAY_NAMES[d] for d in sorted(weekend)] + [PUBLIC_HOLIDAYS] * holidays


class BusinessCalendar:
    """The business days on or after ``start``, numbered 0, 1, 2... and extended as needed."""

    def __init__(self, start: date, country: str = "", subdivision: str = "") -> None:
        self.start = start
        self.country, self.subdivision = country.strip(), subdivision.strip()
        check_place(self.country, self.subdivision)  # an unknown place fails now, clearly
        self.weekend = weekend_days(self.country, self.subdivision)
        self._offsets: list[int] = []  # calendar-day offset from start of business day i
        self._first_at: list[int] = []  # calendar offset c -> first business day i at or after c
        self._scanned = 0
        self.holidays: dict[date, str] = {}  # the weekday holidays met so far

    def index_at_or_after(self, offset: int) -> int:
        """The first business day on or after ``start + offset`` days."""
        while offset >= len(self._first_at):
            self._scan()
        return self._first_at[offset]

    def offset_of(self, index: int) -> int:
        while index >= len(self._offsets):
            self._scan()
        return self._offsets[index]

    def days_after(self, index: int, days: int) -> int:
        """The first business day on or after ``days`` calendar days after business day
        ``index`` (``index_at_or_after(offset_of(index) + days)``, the lists read at once when
        they reach that far: a schedule asks it for every step it tries)."""
        offsets, first_at = self._offsets, self._first_at
        if index < len(offsets):
            target = offsets[index] + days
            if target < len(first_at):
                return first_at[target]
        return self.index_at_or_after(self.offset_of(index) + days)

    def date_of(self, index: int) -> date:
        return self.start + timedelta(days=self.offset_of(index))

    def _days_off(self, year: int) -> tuple[dict[date, str], set[date]]:
        if self.country:
            return days_of_year(self.country, self.subdivision, year)
        return {}, set()

    def _scan(self) -> None:
        first = self._scanned
        for offset in range(first, first + _CHUNK_DAYS):
            day = self.start + timedelta(days=offset)
            holidays, weekend = self._days_off(day.year)
            if day in weekend or (not self.country and day.weekday() in SATURDAY_SUNDAY):
                continue
            name = holidays.get(day)
            if name:
                self.holidays[day] = name
                continue
            index = len(self._offsets)
            self._offsets.append(offset)
            self._first_at.extend([index] * (offset + 1 - len(self._first_at)))
        self._scanned = first + _CHUNK_DAYS
