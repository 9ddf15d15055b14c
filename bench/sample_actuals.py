"""Writes the sample's example CRM exports (assets/samples/): five weeks of a Salesforce activity
report and an opportunity report for the sample plan's three reps, 11 January to 12 February 2027
(2027-W02 to 2027-W06). ``python bench/sample_actuals.py`` writes them again (the same rows: the
generator is seeded).

They show what a weekly review finds: Jonas Albrecht is busy without result (about fifty touches
a week, mostly e-mails, no meeting since his first week, and an opportunity opened with no
meeting); Mette Sørensen works her cadence (a first meeting most weeks, an opportunity from one
of them); Bram Claessens makes a third of his touches, has left a dream client cold, and spends
touches on accounts outside the plan. Import them with ``prospector actuals PLAN --import
assets/samples/sample-activities-report.csv`` (and the opportunities report).
"""

from __future__ import annotations

import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from prospector.planfile import read_plan_file  # noqa: E402
from prospector.resources import sample_plan_path  # noqa: E402

OUT = ROOT / "assets" / "samples"
FIRST = date(2027, 1, 11)
WEEKS = 5
# Salesforce's Type and Task Subtype of a touch on each channel, and how a subject starts.
CHANNELS = {"email": ("Email", "Email", "Email"), "phone": ("Call", "Call", "Call"),
            "social": ("Other", "LinkedIn", "LinkedIn"), "video": ("Call", "Call", "Video call"),
            "mail": ("Other", "Task", "Letter")}
TOPICS = ("energy benchmark", "scrap-rate study", "OEE comparison", "downtime cost model",
          "plant visit notes", "maintenance survey", "spare-parts audit", "peer roundtable")
# rep -> (touches a week, channel weights, dream clients left untouched, touches a week outside
#         the plan)
PROFILES = {
    "Jonas Albrecht": (50, {"email": 8, "phone": 2, "social": 2}, (), 0),
    "Mette Sørensen": (42, {"email": 4, "phone": 4, "social": 2, "video": 1, "mail": 1}, (), 0),
    "Bram Claessens": (14, {"email": 3, "phone": 2, "social": 1}, ("Opakowania Wardęga S.A.",),
                       3),
}
MEETINGS = (  # rep, account, week (0 = the first), weekday
    ("Jonas Albrecht", "Brückner & Voss Antriebstechnik GmbH", 0, 3),
    ("Mette Sørensen", "Haldorsen Metallverk AS", 1, 2),
    ("Mette Sørensen", "Ångström Precision AB", 2, 3),
    ("Mette Sørensen", "Vestergaard Emballage A/S", 3, 1),
    ("Mette Sørensen", "Rautio Machinery Oy", 4, 2),
    ("Bram Claessens", "Maasland Bakeries B.V.", 3, 3),
)
OUTSIDE = ("Brouwerij De Kroon", "Hendrickx Logistics", "Noordzee Visverwerking")
OPPORTUNITIES = (  # rep, account, name, week, weekday, stage, amount
    ("Jonas Albrecht", "Steinmann Armaturen AG", "Steinmann - valve line pilot", 4, 2,
     "Prospecting", "38,000"),
    ("Mette Sørensen", "Haldorsen Metallverk AS", "Haldorsen - energy pilot", 3, 1,
     "Qualification", "48,500"),
    ("Bram Claessens", "Maasland Bakeries B.V.", "Maasland - scrap study", 4, 3,
     "Qualification", "22,000"),
)


def _day(week: int, weekday: int) -> date:
    return FIRST + timedelta(weeks=week, days=weekday)


def activities(rnd: random.Random) -> list[list[str]]:
    plan = read_plan_file(sample_plan_path())
    rows = []
    for rep in plan.reps:
        per_week, weights, cold, outside = PROFILES[rep.name]
        accounts = [a for a in plan.accounts if a.id in rep.account_ids and a.name not in cold]
        # dream clients get more of the touches, as the plan's cadences give them
        pool = [a for a in accounts for _ in range(3 if a.tier == "A" else 1)]
        channels = [c for c, w in weights.items() for _ in range(w)]
        for week in range(WEEKS):
            for _ in range(per_week + rnd.randint(-4, 4)):
                account = rnd.choice(pool)
                kind, subtype, lead = CHANNELS[rnd.choice(channels)]
                rows.append([rep.name, _day(week, rnd.randint(0, 4)), kind, subtype,
                             f"{lead}: {rnd.choice(TOPICS)}", account.name])
            for _ in range(outside):
                kind, subtype, lead = CHANNELS[rnd.choice(channels)]
                rows.append([rep.name, _day(week, rnd.randint(0, 4)), kind, subtype,
                             f"{lead}: introduction", rnd.choice(OUTSIDE)])
    for rep_name, account_name, week, weekday in MEETINGS:
        rows.append([rep_name, _day(week, weekday), "Meeting", "Event",
                     "First meeting: " + rnd.choice(TOPICS), account_name])
    rows.sort(key=lambda r: (r[1], r[0]))
    return [["00T5g00001" + f"{i:05d}", subject, rep, day.isoformat(), kind, subtype, account]
            for i, (rep, day, kind, subtype, subject, account) in enumerate(rows, 1)]


def main() -> int:
    rnd = random.Random(2027)
    with open(OUT / "sample-activities-report.csv", "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, quoting=csv.QUOTE_ALL)
        out.writerow(["Activity ID", "Subject", "Assigned", "Date", "Type", "Task Subtype",
                      "Company / Account"])
        out.writerows(activities(rnd))
    with open(OUT / "sample-opportunities-report.csv", "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, quoting=csv.QUOTE_ALL)
        out.writerow(["Opportunity Owner", "Account Name", "Opportunity Name", "Created Date",
                      "Stage", "Amount", "Opportunity ID"])
        out.writerows([rep, account, name, _day(week, weekday).isoformat(), stage, amount,
                       f"0065g00000Sm{i:03d}"]
                      for i, (rep, account, name, week, weekday, stage, amount)
                      in enumerate(OPPORTUNITIES, 1))
    print(f"Wrote {OUT / 'sample-activities-report.csv'} and the opportunities report")
    return 0


if __name__ == "__main__":
    sys.exit(main())
