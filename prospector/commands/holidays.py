"""``prospector holidays [COUNTRY]``: the codes a plan's or a rep's holiday country and
subdivision take (``prospector.holiday_regions``), with the days a schedule there skips."""

from __future__ import annotations

import argparse

from ..business_days import days_off_words, weekend_days
from ..holiday_regions import countries, parse_place, subdivisions


def register(verb) -> None:
    sub = verb("holidays", cmd_holidays,
               "The country codes (and a country's subdivisions) whose weekend and public "
               "holidays a schedule can skip.")
    sub.add_argument("country", nargs="?", metavar="COUNTRY",
                     help="a country code, e.g. DE: list its states, cantons or regions")


def cmd_holidays(args: argparse.Namespace) -> int:
    if not args.country:
        for code, name in countries().items():
            print(f"{code}  {name}")
        return 0
    country, _subdivision = parse_place(args.country)
    print(f"{countries()[country]} ({country}): {days_off_words(weekend_days(country), True)} "
          "are skipped.")
    listed = subdivisions(country)
    print("Subdivisions: " + ("none (the same holidays everywhere)" if not listed else ""))
    for code, name in listed.items():
        print(f"{code}  {name}" if name != code else code)
    return 0
