"""Plans the benchmarks share: the bundled sample, and the sample grown to 1,000 accounts.

``large_sample_plan()`` keeps everything of the sample (basics, profile, personas, touches,
differentiators, its two cadences, accountability, its three reps) and gives it ``accounts``
generated accounts in three tiers (10% A, 50% B, 40% C), each with its own name, city, reason
and notes written from the sample's vocabulary, one to three contacts mapped to the sample's
personas, split over ``reps`` reps (the sample's three and generated ones). The PDF benchmark's
own large plan is ``bench_pdf.large_plan()`` (300 accounts, 4 cadences, 10 reps).
"""

from __future__ import annotations

import random
import re
import sys
from datetime import date
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from prospector.model import Plan
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

    def sentence(n: int) -> str:
        return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."

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
