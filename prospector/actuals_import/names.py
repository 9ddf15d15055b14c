"""Who and which account an export's row is about: its rep and account names matched to the plan.

A rep is found by the name the leader mapped once (remembered in the plan's actuals), by e-mail,
or by name in any order with case and accents ignored ("Sorensen, Mette" is Mette Sørensen). An
account is found by a remembered name, or by name with case, accents, punctuation and legal
forms ignored ("Müller GmbH & Co. KG" is "MUELLER GMBH": ``account_import.matching.name_key``).
What matches nothing is listed with the closest name of the plan, for the leader to map once.
Each distinct name is looked up once, whatever the number of rows.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from ..account_import.matching import name_key
from ..model import Plan
from ..textnorm import fold, person_key

SUGGESTION_CUTOFF = 0.6
LONGEST_SUGGESTED = 200  # difflib compares two texts in quadratic time: longer names get none


class RepFinder:
    def __init__(self, plan: Plan, remembered: Mapping[str, str | None]) -> None:
        self.names = {rep.id: rep.name for rep in plan.reps}
        self._mapped = {fold(name): rep_id for name, rep_id in remembered.items()}
        self._by_key: dict[str, str] = {}
        for rep in plan.reps:
            self._by_key.setdefault(person_key(rep.name), rep.id)
            if rep.email:
                self._by_key.setdefault(fold(rep.email), rep.id)
        self._found: dict[tuple[str, str], tuple[bool, str | None]] = {}

    def find(self, name: str, email: str = "") -> tuple[bool, str | None]:
        """(known, rep id): known with None is a name the leader chose to leave out."""
        key = (name, email)
        if key not in self._found:
            self._found[key] = self._look_up(name, email)
        return self._found[key]

    def _look_up(self, name: str, email: str) -> tuple[bool, str | None]:
        for text in (name, email):
            folded = fold(text)
            if folded and folded in self._mapped:
                rep_id = self._mapped[folded]
                if rep_id is None or rep_id in self.names:  # else: a rep since removed
                    return True, rep_id
        for text in (email, name):
            if text and fold(text) in self._by_key:
                return True, self._by_key[fold(text)]
        if name and person_key(name) in self._by_key:
            return True, self._by_key[person_key(name)]
        return False, None

    def closest(self, name: str) -> str | None:
        """The name of the plan's rep closest to ``name`` (None: none is close)."""
        return _closest(person_key(name), {person_key(n): n for n in self.names.values()})


class AccountFinder:
    def __init__(self, plan: Plan, remembered: Mapping[str, str]) -> None:
        self.names = {account.id: account.name for account in plan.accounts}
        self._mapped = {name_key(name): account_id for name, account_id in remembered.items()
                        if account_id in self.names}
        self._by_key: dict[str, str] = {}
        for account in plan.accounts:
            self._by_key.setdefault(name_key(account.name), account.id)
        self._found: dict[str, str | None] = {}

    def find(self, name: str) -> str | None:
        """The plan's account an export's name is (None: outside the plan)."""
        if name not in self._found:
            key = name_key(name)
            self._found[name] = self._mapped.get(key) or self._by_key.get(key) if key else None
        return self._found[name]

    def closest(self, name: str) -> str | None:
        return _closest(name_key(name), {name_key(n): n for n in self.names.values()})


def _closest(key: str, names: dict[str, str]) -> str | None:
    if not key or len(key) > LONGEST_SUGGESTED:
        return None
    found = difflib.get_close_matches(key, list(names), n=1, cutoff=SUGGESTION_CUTOFF)
    return names[found[0]] if found else None
