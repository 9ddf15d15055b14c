"""Business days: Monday to Friday, without the public holidays of a country (``holidays`` on PyPI).

A country is an ISO code, optionally with a region for regional holidays: ``DE``, ``DE-BY``
(Bavaria), ``CH-ZH``, ``US-CA``. :class:`BusinessCalendar` numbers the business days from a start
date (0, 1, 2...) so that the scheduler can work with plain integers.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from .errors import ProspectorError

_CHUNK_DAYS = 400


class HolidayCountryError(ProspectorError):
    pass


def parse_country(code: str) -> tuple[str, str | None]:
    """``"de-by"`` -> ``("DE", "BY")``; ``"DE"`` -> ``("DE", None)``."""
    parts = [p for p in re.split(r"[-_/\s]+", code.strip()) if p]
    if not parts or len(parts) > 2:
        raise HolidayCountryError(_unknown(code))
    return parts[0].upper(), (parts[1].upper() if len(parts) == 2 else None)


def check_country(code: str) -> None:
    """Raise :class:`HolidayCountryError` when ``code`` is not a country (and region) we know."""
    if code.strip():
        country, region = parse_country(code)
        holidays_of_year(country, region, date.today().year)


@lru_cache(maxsize=256)
def holidays_of_year(country: str, region: str | None, year: int) -> dict[date, str]:
    import holidays  # noqa: PLC0415 - loading the country tables takes a moment; only when needed

    if country not in holidays.list_supported_countries():
        # country_holidays looks the code up as a name in its module: "MON" or "JAN" found a
        # weekday or month constant there and failed with "'int' object is not callable"
        raise HolidayCountryError(_unknown(country))
    try:
        table = holidays.country_holidays(country, subdiv=region, years=year)
    except NotImplementedError:
        if region is None or country not in holidays.list_supported_countries():
            raise HolidayCountryError(_unknown(country)) from None
        regions = holidays.list_supported_countries()[country]
        listed = ", ".join(f"{country}-{r}" for r in regions[:30] if r == r.upper())
        raise HolidayCountryError(
            f"the holiday country {country}-{region} has no region {region!r}; "
            f"the regions of {country} are {listed}"
        ) from None
    return {day: name for day, name in sorted(table.items()) if day.year == year}


def _unknown(code: str) -> str:
    return (f"the holiday country {code!r} is not one Prospector knows; use a two-letter country "
            "code such as DE, AT or NL, optionally with a region such as DE-BY (or leave it empty "
            "to skip weekends only)")


class BusinessCalendar:
    """The business days on or after ``start``, numbered 0, 1, 2... and extended as needed."""

    def __init__(self, start: date, country: str = "") -> None:
        self.start = start
        self.country = country.strip()
        self._code, self._region = parse_country(self.country) if self.country else ("", None)
        if self._code:  # an unknown country fails now, in the words the user typed
            try:
                holidays_of_year(self._code, self._region, start.year)
            except HolidayCountryError as exc:
                raise HolidayCountryError(str(exc) if self._region else _unknown(country)) from None
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

    def date_of(self, index: int) -> date:
        return self.start + timedelta(days=self.offset_of(index))

    def _holidays_of(self, year: int) -> dict[date, str]:
        return holidays_of_year(self._code, self._region, year) if self._code else {}

    def _scan(self) -> None:
        first = self._scanned
        for offset in range(first, first + _CHUNK_DAYS):
            day = self.start + timedelta(days=offset)
            if day.weekday() >= 5:
                continue
            name = self._holidays_of(day.year).get(day)
            if name:
                self.holidays[day] = name
                continue
            index = len(self._offsets)
            self._offsets.append(offset)
            self._first_at.extend([index] * (offset + 1 - len(self._first_at)))
        self._scanned = first + _CHUNK_DAYS
