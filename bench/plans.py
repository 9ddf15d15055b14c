"""Plans the benchmarks share: the bundled sample, and the sample grown to 1,000 accounts.

``large_sample_plan()`` keeps everything of the sample (basics, profile, personas, touches,
differentiators, its two cadences, accountability, its three reps) and gives it ``accounts``
generated accounts in three tiers (10% A, 50% B, 40% C) in the sample's reps' territories: each
with a name, town, legal form and phone numbers of its country, a reason to be a target (a
trigger event and a pain of its industry) and notes, two to four contacts with the personas its
cadence opens with first (operations and the plant, then maintenance, then IT/OT), held by a rep
whose territory it is in (the sample's three, and generated ones who share their territories).
The PDF benchmark's own large plan is ``bench_pdf.large_plan()`` (300 accounts, 4 cadences,
10 reps).
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

# Where the generated accounts are, by the sample's reps' territories (rep-01 DACH, rep-02 the
# Nordics, rep-03 Benelux, Poland and Czechia): a town, its country, the country's legal form,
# phone prefix and a few first and last names of the people who work there.
_REGIONS = (
    ("DACH", (("Stuttgart", "Germany"), ("Augsburg", "Germany"), ("Chemnitz", "Germany"),
              ("Bielefeld", "Germany"), ("Linz", "Austria"), ("Graz", "Austria"),
              ("Winterthur", "Switzerland"), ("Aarau", "Switzerland"))),
    ("Nordics", (("Göteborg", "Sweden"), ("Västerås", "Sweden"), ("Raufoss", "Norway"),
                 ("Tampere", "Finland"), ("Aarhus", "Denmark"), ("Kolding", "Denmark"))),
    ("Benelux, Poland, Czechia", (("Eindhoven", "Netherlands"), ("Liège", "Belgium"),
                                  ("Ghent", "Belgium"), ("Łódź", "Poland"),
                                  ("Poznań", "Poland"), ("Brno", "Czechia"))),
)
_COUNTRY = {  # legal form, phone prefix, first names, last names
    "Germany": ("GmbH", "+49", "Anna Jonas Lukas Sabine Thomas Katrin Stefan Julia",
                "Schmidt Weber Fischer Bauer Hoffmann Krüger Lange Vogt"),
    "Austria": ("GmbH", "+43", "Matthias Andrea Florian Eva Markus Birgit",
                "Gruber Huber Leitner Moser Pichler Aigner"),
    "Switzerland": ("AG", "+41", "Reto Corinne Urs Sandra Beat Nadine",
                    "Meier Keller Brunner Frei Baumann Zürcher"),
    "Sweden": ("AB", "+46", "Åsa Henrik Karin Magnus Linnea Per",
               "Lindqvist Johansson Nyberg Holm Ekström Berg"),
    "Norway": ("AS", "+47", "Ingvild Øyvind Kari Lars Silje Eirik",
               "Bakke Haugen Solberg Dahl Moen Lunde"),
    "Finland": ("Oy", "+358", "Mikko Laura Janne Sanna Timo Aino",
                "Virtanen Korhonen Mäkinen Nieminen Heikkinen Laine"),
    "Denmark": ("A/S", "+45", "Mette Søren Camilla Anders Line Jesper",
                "Jensen Nielsen Sørensen Madsen Kristensen Larsen"),
    "Netherlands": ("BV", "+31", "Sanne Bram Femke Joost Lieke Ruud",
                    "Dekker Janssen Bakker Visser Smit Mulder"),
    "Belgium": ("NV", "+32", "Lotte Pieter Elke Wouter Camille Thomas",
                "Peeters Maes Claes Dubois Lambert Wouters"),
    "Poland": ("Sp. z o.o.", "+48", "Piotr Zofia Tomasz Agnieszka Marek Katarzyna",
               "Nowak Kowalski Wiśniewski Wójcik Kamiński Lewandowski"),
    "Czechia": ("s.r.o.", "+420", "Tomáš Petra Jan Lucie Martin Eva",
                "Novák Svoboda Dvořák Černý Procházka Kučera"),
}
# What a company of each industry runs, for its name and its reason to be a target.
_ASSETS = {
    "CNC machining": ("Precision", "CNC cells"),
    "aluminium extrusion": ("Metals", "extrusion presses"),
    "automotive components": ("Components", "transfer lines"),
    "conveyor systems": ("Conveyors", "assembly lines"),
    "corrugated packaging": ("Packaging", "corrugators"),
    "drive technology": ("Drives", "gear-cutting machines"),
    "flexible packaging": ("Films", "printing presses"),
    "folding cartons": ("Cartons", "folder-gluers"),
    "food-processing equipment": ("Food Systems", "welding cells"),
    "forestry machinery": ("Forest Machines", "machining centres"),
    "hydraulic components": ("Hydraulics", "honing machines"),
    "hydraulic cylinders": ("Cylinders", "tube-welding lines"),
    "industrial bakery": ("Bakeries", "tunnel ovens"),
    "industrial composites": ("Composites", "autoclaves"),
    "industrial valves": ("Valves", "machining centres"),
    "injection moulding": ("Plastics", "injection-moulding machines"),
    "investment casting": ("Castings", "wax-injection presses"),
    "iron foundry": ("Foundry", "moulding lines"),
    "machined components": ("Machining", "CNC lathes"),
    "metal stamping": ("Stamping", "presses"),
    "plastics extrusion": ("Extrusion", "extruders"),
    "steel fabrication": ("Steel", "laser cutters"),
}
_TRIGGERS = (
    "Announced new {assets} for its {town} plant, going live in Q{q} 2027",
    "Hired a new {role} from an automotive Tier 1 in {month} 2026",
    "Issued a profit warning in Q{q} 2026 that cited unplanned stops on its {assets}",
    "Was acquired in 2026 by a private-equity fund with a stated margin-improvement plan",
    "Is moving its {plants} plants onto one maintenance system during 2027",
    "Won a multi-year supply contract in 2026 that needs its {assets} running 24/7",
)
_PAINS = (
    "Its {count} {assets} have no condition monitoring, and an hour's stop on one costs about "
    "EUR {cost},000",
    "Half of its senior maintenance technicians retire within three years, and what they know "
    "about the {assets} is written down nowhere",
    "Maintenance still runs on fixed intervals across {plants} plants, so parts are changed too "
    "early and failures still come as a surprise",
    "Overtime and express parts after breakdowns of its {assets} rose every year since 2023",
)
_NOTES = (
    "The {role} spoke about uptime at an industry forum in 2026: quote the talk in the first "
    "email.",
    "A competitor's vibration-sensor pilot stalled here in 2025; ask what they learned before "
    "pitching ours.",
    "IT/OT signs off every connection to a PLC: bring the security brief to the first meeting.",
    "Budget round closes in September; a pilot has to be scoped before the summer.",
    "Visited our stand at Hannover Messe 2026 and took the downtime benchmark.",
)
_FIRSTS = sorted({n for c in _COUNTRY.values() for n in c[2].split()})
_LASTS = sorted({n for c in _COUNTRY.values() for n in c[3].split()})
_MONTHS = ("March", "May", "June", "September", "October", "November")
# A contact's title for each of the sample's personas, and the order in which an account's
# contacts are met: the cadences open with operations and the plant (per-01, per-02), then
# maintenance (per-03), then IT/OT (per-04), so every account's first contacts are the people
# its cadence's first touches are written for.
_TITLES = {"per-01": ("COO", "VP Operations", "Director of Operations"),
           "per-02": ("Plant Manager", "Site Director", "Head of Production"),
           "per-03": ("Head of Maintenance", "Reliability Manager", "Maintenance Lead"),
           "per-04": ("Head of IT/OT", "Digital Manufacturing Manager", "OT Security Lead")}
_MET = ("per-01", "per-02", "per-03", "per-04")
_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "å": "a", "ø": "o",
                        "æ": "ae", "é": "e", "á": "a", "í": "i", "ó": "o", "ł": "l", "ś": "s",
                        "ń": "n", "ą": "a", "ę": "e", "ć": "c", "ź": "z", "ż": "z", "č": "c",
                        "ř": "r", "š": "s", "ž": "z", "ý": "y", "ě": "e", "ů": "u", "ú": "u"})


@cache
def sample_plan() -> Plan:
    return read_plan_file(sample_plan_path())


def _ascii(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(_ASCII)).strip("-")


def large_sample_plan(accounts: int = 1000, reps: int = 10, seed: int = 11) -> Plan:
    """The sample with ``accounts`` generated accounts over ``reps`` reps (see the module doc)."""
    rng = random.Random(seed)
    doc = plan_to_document(sample_plan())
    industries = sorted(_ASSETS)
    names: set[str] = set()

    base_reps = doc["reps"]
    new_accounts = []
    for i in range(accounts):
        # its rep (in turn) and the region of the rep's territory (the sample's three reps', in
        # turn among the generated ones; with fewer reps than regions, any region)
        holder = i % reps
        region, towns = _REGIONS[holder % len(base_reps) if reps >= len(_REGIONS)
                                 else i % len(_REGIONS)]
        town, country = rng.choice(towns)
        legal, prefix, firsts, lasts = _COUNTRY[country]
        industry = rng.choice(industries)
        noun, assets = _ASSETS[industry]
        family = rng.choice(lasts.split())
        name = f"{family} {noun} {legal}"
        if name in names:
            name = f"{family} & {rng.choice(lasts.split())} {noun} {legal}"
        if name in names:
            name = f"{family} {noun} {town} {legal}"
        n = 2
        while name in names:
            name, n = f"{family} {noun} {town} {n} {legal}", n + 1
        names.add(name)
        domain = f"{_ascii(name.removesuffix(' ' + legal))}.example"
        mix = (i // reps + holder) % 10  # each rep gets A, B and C accounts in these shares
        tier = "A" if mix == 0 else ("B" if mix < 6 else "C")
        plants = rng.randint(2, 6)
        employees = rng.randrange(250, 3000, 10)  # the profile's: 250 to 3,000, EUR 150-300k each
        facts = {"town": town, "assets": assets, "q": rng.randint(1, 4), "plants": plants,
                 "month": rng.choice(_MONTHS), "count": rng.randrange(8, 60),
                 "cost": rng.randrange(8, 41),
                 "role": rng.choice(("VP Operations", "COO", "plant manager"))}
        why = (rng.choice(_TRIGGERS).format(**facts) + ". "
               + rng.choice(_PAINS).format(**facts) + ".")
        contacts, people = [], set()
        for persona in _MET[:{"A": 4, "B": 3, "C": 2}[tier] - (i % 2 if tier != "C" else 0)]:
            first, last = rng.choice(firsts.split()), rng.choice(lasts.split())
            while f"{first} {last}" in people:  # one person, one persona
                first, last = rng.choice(firsts.split()), rng.choice(lasts.split())
            people.add(f"{first} {last}")
            phone = (f"{prefix} {rng.randrange(10, 99)} {rng.randrange(100, 999)} "
                     f"{rng.randrange(10, 99)} {rng.randrange(10, 99)}")
            phone = phone if rng.random() < 0.7 else ""  # three in ten give no direct line
            contacts.append({"name": f"{first} {last}", "title": rng.choice(_TITLES[persona]),
                             "persona_id": persona,
                             "email": f"{_ascii(first)}.{_ascii(last)}@{domain}",
                             "phone": phone, "notes": ""})
        new_accounts.append({
            "id": f"acc-{i + 1:05d}",
            "name": name,
            "tier": tier,
            "industry": industry,
            "employees": employees,
            "annual_revenue": f"EUR {round(employees * rng.uniform(0.15, 0.3))}M",
            "website": domain,
            "city": town, "country": country,
            "why": why,
            "notes": rng.choice(_NOTES).format(**facts) if i % 3 else "",
            "contacts": contacts,
            "_rep": holder,
        })
    team = []
    for r in range(reps):
        if r < len(base_reps):
            rep = dict(base_reps[r])
        else:
            # a name of the team's countries no one else in it has (a number only past them)
            taken = {rep["name"] for rep in team}
            first, last = rng.choice(_FIRSTS), rng.choice(_LASTS)
            for _ in range(200):
                if f"{first} {last}" not in taken:
                    break
                first, last = rng.choice(_FIRSTS), rng.choice(_LASTS)
            else:
                last = f"{last} {r + 1}"
            rep = dict(base_reps[r % len(base_reps)], id=f"rep-{r + 1:03d}",
                       name=f"{first} {last}",
                       email=f"{_ascii(first)}.{_ascii(last)}@northwind-analytics.example",
                       start_date=str(date(2027, 1, 11)))
        rep["account_ids"] = []
        team.append(rep)
    for account in new_accounts:
        team[account.pop("_rep")]["account_ids"].append(account["id"])
    doc["accounts"] = new_accounts
    doc["reps"] = team
    doc["name"] = f"{doc['name']} ({accounts:,} accounts)"
    # the sample's prose counts its own 26 accounts and six dream clients: these counts instead
    dream = sum(a["tier"] == "A" for a in new_accounts)
    basics = doc["basics"]
    basics["strategy"] = basics["strategy"].replace(
        "26 named accounts", f"{accounts:,} named accounts").replace(
        "the six dream clients", f"the {dream:,} dream clients")
    basics["goal"] = basics["goal"].replace("each of the 6 dream clients",
                                            f"each of the {dream:,} dream clients")
    doc["accountability"]["review"] = doc["accountability"]["review"].replace(
        "the six dream clients", f"the {dream:,} dream clients")
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
