"""Plans the benchmarks share: the bundled sample, and the sample grown to 1,000 accounts.

``large_sample_plan()`` keeps everything of the sample (basics, profile, personas, touches,
differentiators, its two cadences, accountability, its three reps) and gives it ``accounts``
generated accounts in three tiers (10% A, 50% B, 40% C), each with its own name, city, reason
and notes written from the sample's vocabulary, one to three contacts mapped to the sample's
personas, split over ``reps`` reps (the sample's three and generated ones). The PDF benchmark's
own large plan is ``bench_pdf.large_plan()`` (300 accounts, 4 cadences, 10 reps).
``long_text_plan()`` is the sample with every text four times as long and ``one_account_plan()``
the sample cut to one account: with the 120-account plan, the plans of a design review
(``bench/review_plans.py`` renders all of them).
"""

from __future__ import annotations

import random
import re
import sys
from datetime import date
from functools import cache
from pathlib import Path
from typing import get_args

from pydantic import BaseModel

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from prospector.model import Contact, Plan, Rep
from prospector.planfile import plan_to_document, read_plan_file
from prospector.resources import sample_plan_path

_FIRST = ("Anna Jonas Mette Lukas Sofia Piotr Ingrid Tomas Elena Marco Sanne Jürgen Åsa Zofia "
          "Matteo Camille Henrik Laura Nikos Oksana").split()
_LAST = ("Berg Novak Schmidt Kowalski Jensen Rossi Dubois Lindqvist Horvat Müller Sørensen "
         "Papadopoulos Nowak Fischer Costa Janssen Kovač Weber Nielsen Bauer").split()
_TOWNS = [("Raufoss", "Norway"), ("Linz", "Austria"), ("Göteborg", "Sweden"), ("Łódź", "Poland"),
          ("Brno", "Czechia"), ("Liège", "Belgium"), ("Eindhoven", "Netherlands"),
          ("Stuttgart", "Germany"), ("Tampere", "Finland"), ("Aarhus", "Denmark")]
_SUFFIX = ("GmbH", "AS", "AB", "Sp. z o.o.", "s.r.o.", "NV", "BV", "Oy", "A/S", "AG")


@cache
def sample_plan() -> Plan:
    return read_plan_file(sample_plan_path())


def _vocabulary(doc: dict) -> list[str]:
    text = " ".join(a.get("why", "") + " " + a.get("notes", "") for a in doc["accounts"])
    return [w for w in re.findall(r"[A-Za-z][a-z]+", text) if len(w) > 2]


def large_sample_plan(accounts: int = 1000, reps: int = 10, seed: int = 11) -> Plan:
    """The sample with ``accounts`` generated accounts over ``reps`` reps (see the module doc)."""
    rng = random.Random(seed)
    doc = plan_to_document(sample_plan())
    words = _vocabulary(doc)
    industries = sorted({a["industry"] for a in doc["accounts"] if a.get("industry")})
    personas = doc["personas"]

    def sentence(n: int) -> str:  # no words, no sentence (a lone "." printed as "Notes: .")
        return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "." if n else ""

    new_accounts = []
    for i in range(accounts):
        town, country = rng.choice(_TOWNS)
        stem = f"{rng.choice(words).capitalize()} {rng.choice(words).capitalize()}"
        domain = f"{stem.lower().replace(' ', '-')}-{i}.example"
        contacts = []
        for k in range(rng.randint(1, 3)):
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            persona = personas[(i + k) % len(personas)]
            contacts.append({"name": f"{first} {last}", "title": persona["role"],
                             "persona_id": persona["id"],
                             "email": f"{first.lower()}.{last.lower()}@{domain}",
                             "phone": f"+49 89 {rng.randrange(1000000, 9999999)}", "notes": ""})
        new_accounts.append({
            "id": f"acc-{i + 1:05d}",
            "name": f"{stem} {i + 1} {rng.choice(_SUFFIX)}",
            "tier": "A" if i % 10 == 0 else ("B" if i % 10 < 6 else "C"),
            "industry": rng.choice(industries),
            "employees": rng.randrange(150, 8000),
            "annual_revenue": f"EUR {rng.randrange(40, 2000)}M",
            "website": domain,
            "city": town, "country": country,
            "why": sentence(rng.randint(18, 40)),
            "notes": sentence(rng.randint(0, 25)) if i % 3 else "",
            "contacts": contacts,
        })
    doc["accounts"] = new_accounts
    base_reps = doc["reps"]
    team = []
    for r in range(reps):
        if r < len(base_reps):
            rep = dict(base_reps[r])
        else:
            rep = dict(base_reps[r % len(base_reps)], id=f"rep-{r + 1:03d}",
                       name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {r + 1}",
                       email=f"rep{r + 1}@northwind-analytics.example",
                       start_date=str(date(2027, 1, 11)))
        rep["account_ids"] = [a["id"] for n, a in enumerate(new_accounts) if n % reps == r]
        team.append(rep)
    doc["reps"] = team
    doc["name"] = f"{doc['name']} ({accounts:,} accounts)"
    return Plan.model_validate(doc)


# Texts that are an address, a number or a person's name, not prose: a plan's texts grown "four
# times" keep these as they are (a rep's name still finds the rep's edition).
_NOT_PROSE = {"website", "phone", "country", "city", "annual_revenue", "territory"}


def _is_prose(metadata) -> bool:
    """A ``Text`` or ``Name`` of the model (trimmed and kept, checked by nothing else)."""
    checks = {m.func.__name__ for m in metadata if hasattr(m, "func")}
    return checks == {"_strip", "_keepable"}


def _copies(text: str, times: int, limit: int | None) -> str:
    """``times`` copies of ``text``, or as many as fit in ``limit`` characters (a name longer
    than the model takes is refused): a text that stops mid-way in print was cut by the playbook,
    not by this plan."""
    copies = times if limit is None else max(1, min(times, (limit + 1) // (len(text) + 1)))
    return " ".join([text] * copies)


def _grown(part, times: int):
    """``part`` (a model) with every text field ``times`` as long, a name at most its limit."""
    update = {}
    for field, info in type(part).model_fields.items():
        value = getattr(part, field)
        limit = next((m.max_length for m in info.metadata if hasattr(m, "max_length")), None)
        person = field == "name" and isinstance(part, (Contact, Rep))
        if info.annotation is str and value and field not in _NOT_PROSE and not person \
                and _is_prose(info.metadata):
            update[field] = _copies(value, times, limit)
        elif isinstance(value, BaseModel):
            update[field] = _grown(value, times)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            update[field] = [_grown(v, times) for v in value]
        elif isinstance(value, list) and value and isinstance(value[0], str) and \
                _is_prose(getattr(get_args(info.annotation)[0], "__metadata__", ())):
            update[field] = [" ".join([v] * times) for v in value]
    return part.model_copy(update=update)


def long_text_plan(times: int = 4) -> Plan:
    """The sample with every text ``times`` as long (a name as many times as the model's limit,
    200 characters, takes); addresses, phones, places and people's names as they are."""
    return Plan.model_validate(plan_to_document(_grown(sample_plan(), times)))


def one_account_plan() -> Plan:
    """The sample with one account (its first) and one rep (Jonas Albrecht) who holds it."""
    plan = sample_plan()
    account = plan.accounts[0]
    rep = plan.reps[0].model_copy(update={"account_ids": [account.id]})
    return plan.model_copy(update={"accounts": [account], "reps": [rep]})
