"""Time the PDF playbook: the sample, a large generated plan, and every rep's playbook in parallel.

    .venv/bin/python bench/bench_pdf.py            # everything (a few minutes on 2 cores)
    .venv/bin/python bench/bench_pdf.py --quick    # the sample only
    .venv/bin/python bench/bench_pdf.py --runs 3   # each measure three times

Prints pages, seconds, ms/page and our own overhead (context + Jinja, i.e. everything outside
WeasyPrint's layout and PDF writing) as a share of the total. ``run()`` returns the numbers;
``bench/run_all.py`` uses it for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from prospector.model import (
    Accountability,
    Cadence,
    CadenceStep,
    Channel,
    Contact,
    Differentiator,
    IdealClientProfile,
    Persona,
    Plan,
    PlanBasics,
    Rep,
    Target,
    TargetAccount,
    ValueTouch,
)
from prospector.planfile import read_plan_file
from prospector.playbook import render_all_reps, render_playbook_pdf
from prospector.playbook.render import RenderResult
from prospector.resources import sample_plan_path

_WORDS = ("downtime bottleneck maintenance line capex press shift OEE spare failure sensor plant "
          "throughput scrap quality changeover overtime penalty delivery warning asset").split()
_CITIES = [("München", "Germany"), ("Göteborg", "Sweden"), ("Łódź", "Poland"), ("Brno", "Czechia"),
           ("Liège", "Belgium"), ("Αθήνα", "Greece"), ("Київ", "Ukraine"), ("Porto", "Portugal")]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n)).capitalize() + "."


def large_plan(accounts: int = 300, cadences: int = 4, reps: int = 10, seed: int = 7) -> Plan:
    """A big, plausible plan: ``accounts`` accounts in three tiers, split evenly over ``reps``."""
    rng = random.Random(seed)
    personas = [Persona(role=r, responsibilities=_sentence(rng, 18),
                        cares_about=[_sentence(rng, 6) for _ in range(4)],
                        value_means=_sentence(rng, 20))
                for r in ("COO", "Plant manager", "Head of maintenance", "CFO", "IT/OT lead",
                          "Quality manager")]
    channels = list(Channel)
    touches = [ValueTouch(title=f"Touch {i + 1}: {_sentence(rng, 4)[:-1]}",
                          channel=channels[i % len(channels)], value=_sentence(rng, 30),
                          persona_ids=[p.id for p in rng.sample(personas, 2)],
                          asset=_sentence(rng, 5),
                          message="{{first_name}}, " + _sentence(rng, 45) + "\n\n"
                                  + _sentence(rng, 25) + " {{company}}.")
               for i in range(20)]
    tiers = [["A"], ["B"], ["C"], []]
    cads = []
    for c in range(cadences):
        steps = [CadenceStep(day=d, channel=touches[(c * 3 + i) % 20].channel,
                             touch_id=touches[(c * 3 + i) % 20].id, objective=_sentence(rng, 12),
                             is_ask=i in (5, 9))
                 for i, d in enumerate((0, 2, 6, 9, 14, 20, 27, 34, 45, 60))]
        cads.append(Cadence(name=f"Cadence {c + 1}", tiers=tiers[c % 4], steps=steps))
    accts = []
    for i in range(accounts):
        city, country = rng.choice(_CITIES)
        accts.append(TargetAccount(
            name=f"{rng.choice(_WORDS).capitalize()} {rng.choice(_WORDS)} {i + 1} GmbH",
            tier="A" if i % 10 == 0 else ("B" if i % 3 else "C"),
            industry=rng.choice(["Machinery", "Automotive", "Plastics", "Food", "Metals"]),
            employees=rng.randrange(150, 5000), annual_revenue=f"EUR {rng.randrange(40, 900)}M",
            city=city, country=country, why=_sentence(rng, 22), notes=_sentence(rng, 10),
            contacts=[Contact(name=f"Contact {i}-{k}", title=personas[k].role,
                              persona_id=personas[k].id) for k in range(2)]))
    per_rep = -(-accounts // reps)
    rep_list = [Rep(name=f"Rep {r + 1} Müller-Øst", territory="DACH",
                    account_ids=[a.id for a in accts[r * per_rep:(r + 1) * per_rep]],
                    start_date=date(2027, 1, 11)) for r in range(reps)]
    return Plan(
        name="Large generated plan",
        basics=PlanBasics(company="Bench GmbH", offering=_sentence(rng, 16), owner="Bench Owner",
                          goal=_sentence(rng, 25), strategy=_sentence(rng, 120),
                          sales_force="Ten account executives", roles=_sentence(rng, 50),
                          start_date=date(2027, 1, 11), end_date=date(2027, 6, 30)),
        ideal_client_profile=IdealClientProfile(
            industries=["Machinery", "Automotive", "Plastics"], company_size="150-5,000",
            geography=["DACH", "Nordics"], trigger_events=[_sentence(rng, 9) for _ in range(5)],
            disqualifiers=[_sentence(rng, 8) for _ in range(3)]),
        accounts=accts, personas=personas, touches=touches,
        differentiators=[Differentiator(difference=_sentence(rng, 10),
                                        why_it_matters=_sentence(rng, 25),
                                        proof=_sentence(rng, 20), alternative=_sentence(rng, 12),
                                        talk_track=_sentence(rng, 40)) for _ in range(6)],
        cadences=cads,
        accountability=Accountability(
            targets=[Target(metric=m, kind=k, per_rep=v, creates_opportunities=o)
                     for m, k, v, o in (("First meetings", "outcome", 3, True),
                                        ("New opportunities", "outcome", 1, True),
                                        ("Value touches", "activity", 60, False),
                                        ("Conversations", "activity", 12, False))],
            review="Every Monday, 30 minutes, one rep at a time."),
        reps=rep_list,
    )


def _own_share(results: list[RenderResult]) -> float:
    """Our share of the time: context + Jinja, i.e. everything outside WeasyPrint."""
    own = sum(r.timings.get("context", 0) + r.timings.get("html", 0) for r in results)
    return own / max(sum(r.seconds for r in results), 1e-9)


def _row(label: str, pages: int, seconds: list[float], own: list[float], **extra) -> dict:
    return {"label": label, "pages": pages, "seconds": seconds, "own_share": own, **extra}


def run(*, sample_only: bool = False, runs: int = 1, sample_runs: int | None = None,
        all_reps_limit: int | None = None, say=print) -> list[dict]:
    """Time the playbooks; one row per measure.

    A row: ``label``, ``pages``, ``seconds`` (one per run), ``own_share`` (one per run, 0..1)
    and, for ``render_all_reps``, ``processes`` and ``reps``. ``sample_runs`` (default ``runs``)
    is for the sample's editions; ``all_reps_limit`` renders only the first N reps of the large
    plan (a shorter run). ``say`` gets a line per finished run.
    """
    sample = read_plan_file(sample_plan_path())
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        render_playbook_pdf(sample, out / "warm-up.pdf")  # imports, font loading
        if sample.reps:  # the rep edition's first use of the holiday calendars
            render_playbook_pdf(sample, out / "warm-up.pdf", rep_name=sample.reps[0].name)

        def single(label: str, plan: Plan, rep: str | None, n: int = runs) -> None:
            results = [render_playbook_pdf(plan, out / "one.pdf", rep_name=rep)
                       for _ in range(n)]
            for r in results:
                say(_line(label, r))
            rows.append(_row(label, results[0].pages, [r.seconds for r in results],
                             [_own_share([r]) for r in results]))

        single("Sample plan, leader's edition", sample, None, sample_runs or runs)
        if sample.reps:
            single("Sample plan, one rep's edition", sample, sample.reps[0].name,
                   sample_runs or runs)
        if sample_only:
            return rows
        big = large_plan()
        single("Large plan (300 accounts), leader's", big, None)
        single("Large plan, one rep's edition", big, big.reps[0].name)
        if all_reps_limit:
            big = big.model_copy(update={"reps": big.reps[:all_reps_limit]})
        seconds: dict[int, list[float]] = {1: [], 2: []}
        own: dict[int, list[float]] = {1: [], 2: []}
        pages = 0
        for n in range(runs):
            for processes in (1, 2):  # interleaved, so a slow minute hurts both alike
                folder = out / f"reps-{processes}-{n}"
                started = time.perf_counter()
                results = render_all_reps(big, folder, processes=processes)
                seconds[processes].append(time.perf_counter() - started)
                own[processes].append(_own_share(results))
                pages = sum(r.pages for r in results)
                say(f"render_all_reps, {len(results)} reps, {processes} process"
                    f"{'es' if processes > 1 else ''}: {pages} pages "
                    f"{seconds[processes][-1]:.2f} s "
                    f"({1000 * seconds[processes][-1] / pages:.0f} ms/page)")
        for processes in (1, 2):
            rows.append(_row(f"`render_all_reps`, {len(big.reps)} reps, {processes} process"
                             f"{'es' if processes > 1 else ''}", pages, seconds[processes],
                             own[processes], processes=processes, reps=len(big.reps)))
    return rows


def _line(label: str, result: RenderResult) -> str:
    own = result.timings.get("context", 0) + result.timings.get("html", 0)
    return (f"{label:<36} {result.pages:>4} pages {result.seconds:>7.2f} s "
            f"{1000 * result.seconds / max(result.pages, 1):>6.0f} ms/page "
            f"own overhead {100 * own / result.seconds:>4.1f}%")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="time the sample playbook only")
    parser.add_argument("--runs", type=int, default=1, help="runs per measure (default 1)")
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    rows = run(sample_only=args.quick, runs=args.runs)
    by_processes = {r["processes"]: statistics.median(r["seconds"]) for r in rows
                    if "processes" in r}
    if len(by_processes) == 2:
        print(f"speed-up with 2 processes: {by_processes[1] / by_processes[2]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
