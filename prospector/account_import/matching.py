"""When two account rows are the same company: the same name, or the same web domain.

Names are compared as a key: case, accents, punctuation and spaces ignored, "&"/"and"/"und"
ignored, a leading "The" and trailing legal forms (Inc, GmbH, AG, AS, B.V., Ltd, S.A., GmbH & Co.
KG...) removed, and "ae", "oe", "ue" read as "a", "o", "u" (so "Mueller" is "Müller"). Domains are
compared with the scheme, ``www.``, port and path removed. Shared hosts (a LinkedIn page, a Gmail
address) are never used to match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ..textnorm import fold

# Legal forms as tokens, after dots, slashes and apostrophes are removed ("B.V." -> "bv").
LEGAL_FORMS: frozenset[str] = frozenset("""
    inc incorporated corp corporation co company cos llc llp lp ltd limited plc pllc pc
    gmbh mbh ag kg kgaa ohg ug se ev gbr eg
    as asa aps ab oy oyj hf ehf ou
    bv nv vof cv
    sa sas sasu sarl eurl sca snc cie spa srl sapa sl slu sae ltda
    sro kft zrt nyrt rt doo dd ad
    pty pte bhd sdn kk gk
""".split())
# Legal forms of several tokens once punctuation is gone: "Sp. z o.o." -> "sp z oo".
_MULTI_WORD_FORMS: tuple[tuple[str, ...], ...] = (("sp", "z", "oo"), ("sp", "k"), ("s", "a"),
                                                  ("a", "s"), ("b", "v"), ("n", "v"))
_JOINERS = frozenset({"and", "und"})
SHARED_HOSTS: frozenset[str] = frozenset("""
    linkedin.com facebook.com xing.com twitter.com x.com instagram.com youtube.com
    google.com gmail.com googlemail.com outlook.com hotmail.com live.com yahoo.com icloud.com
    web.de gmx.de gmx.net t-online.de wikipedia.org crunchbase.com bloomberg.com zoominfo.com
""".split())


def name_key(name: str) -> str:
    """``"Müller GmbH & Co. KG"`` and ``"MUELLER GMBH"`` -> ``"muller"``; ``"The ACME Corp."`` ->
    ``"acme"``."""
    text = fold(name)
    text = re.sub(r"[./'’`´]", "", text)
    text = text.replace("&", " and ").replace("+", " and ")
    tokens = [t for t in re.split(r"[\W_]+", text) if t and t not in _JOINERS]
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    while len(tokens) > 1:
        for form in _MULTI_WORD_FORMS:
            if len(tokens) > len(form) and tuple(tokens[-len(form):]) == form:
                tokens = tokens[:-len(form)]
                break
        else:
            if tokens[-1] in LEGAL_FORMS:
                tokens = tokens[:-1]
                continue
            break
    # German umlauts typed as ae/oe/ue ("Mueller") match the ones written as ä/ö/ü ("Müller").
    return re.sub(r"([aou])e", r"\1", "".join(tokens))


def domain_of(value: str) -> str:
    """``"https://www.Acme.com/about?x=1"`` -> ``"acme.com"``; ``""`` when it is not a usable
    domain."""
    text = value.strip().lower()
    if not text:
        return ""
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text)
    head = re.split(r"[/?#\s]", text, maxsplit=1)[0]
    if "@" in head:  # an email address, or user@host in a URL
        head = head.rsplit("@", 1)[1]
    head = head.split(":", 1)[0].strip(".")
    head = re.sub(r"^www\d*\.", "", head)
    try:
        head = head.encode("idna").decode("ascii")
    except UnicodeError:
        pass
    if "." not in head or not re.fullmatch(r"[a-z0-9.-]+", head):
        return ""
    if any(head == host or head.endswith("." + host) for host in SHARED_HOSTS):
        return ""
    return head


@dataclass
class Candidate:
    """An account the rows are matched against: in the plan already, or added from a row."""

    account: dict  # the account document, changed in place when a later row fills it in
    from_row: int | None = None  # None: it was in the plan before the import
    names: set[str] = field(default_factory=set)
    domains: set[str] = field(default_factory=set)


class AccountIndex:
    """Look-up of the accounts seen so far by name key and by domain."""

    def __init__(self) -> None:
        self._by_name: dict[str, Candidate] = {}
        self._by_domain: dict[str, Candidate] = {}

    def add(self, candidate: Candidate, name: str, website: str) -> None:
        key, domain = name_key(name), domain_of(website)
        if key:
            candidate.names.add(key)
            self._by_name.setdefault(key, candidate)
        if domain:
            candidate.domains.add(domain)
            self._by_domain.setdefault(domain, candidate)

    def find(self, name: str, website: str
             ) -> tuple[Candidate, Literal["name", "domain"], str] | None:
        """The matching account, ``"name"`` or ``"domain"``, and the key that matched."""
        key = name_key(name)
        if key and key in self._by_name:
            return self._by_name[key], "name", key
        domain = domain_of(website)
        if domain and domain in self._by_domain:
            return self._by_domain[domain], "domain", domain
        return None
