"""How complete each step of a plan is: a share (0-1) and a few words, for the step navigator."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Plan


@dataclass(frozen=True)
class StepStatus:
    share: float  # 0.0 - 1.0
    summary: str

    @property
    def done(self) -> bool:
        return self.share >= 1.0


def _share(checks: list[bool]) -> float:
    return sum(checks) / len(checks) if checks else 0.0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def step_status(plan: Plan) -> dict[str, StepStatus]:
    b, icp, acc = plan.basics, plan.ideal_client_profile, plan.accountability
    accounts = plan.accounts
    cadence_steps = [s for c in plan.cadences for s in c.steps]
    return {
        "basics": StepStatus(_share([bool(b.offering), bool(b.owner), bool(b.goal),
                                     bool(b.start_date), bool(b.roles)]),
                             "goal set" if b.goal else "no goal yet"),
        "targets": StepStatus(
            _share([not icp.is_empty(), len(accounts) >= 5,
                    bool(accounts) and all(a.why for a in accounts),
                    any(a.tier == "A" for a in accounts)]),
            _count(len(accounts), "account")),
        "personas": StepStatus(
            _share([len(plan.personas) >= 2,
                    bool(plan.personas) and all(p.cares_about for p in plan.personas)]),
            _count(len(plan.personas), "persona")),
        "touches": StepStatus(
            _share([len(plan.touches) >= 5,
                    bool(plan.touches) and all(t.value for t in plan.touches),
                    len({t.channel for t in plan.touches}) >= 3]),
            _count(len(plan.touches), "touch").replace("touchs", "touches")),
        "differentiators": StepStatus(
            _share([len(plan.differentiators) >= 3,
                    bool(plan.differentiators)
                    and all(d.proof and d.why_it_matters for d in plan.differentiators)]),
            _count(len(plan.differentiators), "differentiator")),
        "cadences": StepStatus(
            _share([bool(plan.cadences), len(cadence_steps) >= 8,
                    bool(plan.cadences) and all(any(s.is_ask for s in c.steps)
                                                for c in plan.cadences)]),
            _count(len(cadence_steps), "step")),
        "accountability": StepStatus(
            _share([bool(acc.targets), any(t.creates_opportunities for t in acc.targets),
                    bool(acc.review)]),
            _count(len(acc.targets), "target")),
        "reps": StepStatus(
            _share([bool(plan.reps), bool(plan.reps) and all(r.account_ids for r in plan.reps)]),
            _count(len(plan.reps), "rep")),
    }
