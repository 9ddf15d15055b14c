"""Touches logged by a CRM, made up for tests of the actuals (one per day and rep, in turn)."""

from __future__ import annotations

from datetime import date, timedelta

from prospector.actuals.records import Happened, LoggedFact, Source
from prospector.model import Channel, Plan


def generated_facts(plan: Plan, count: int, first: int = 0,
                    subject: str = "Call") -> list[LoggedFact]:
    """``count`` phone touches numbered from ``first``, spread over the plan's reps, accounts and
    the campaign's first 150 days; keys as a Salesforce export's row ids."""
    reps, accounts = plan.reps, plan.accounts
    return [LoggedFact(key=f"salesforce:00T{n:09d}", kind=Happened.TOUCH,
                       rep_id=reps[n % len(reps)].id, account_id=accounts[n % len(accounts)].id,
                       account_name=accounts[n % len(accounts)].name,
                       date=date(2027, 1, 11) + timedelta(days=n % 150),
                       channel=Channel.PHONE, subject=f"{subject} {n}", source=Source.SALESFORCE)
            for n in range(first, first + count)]


def with_imported(plan: Plan, facts: list[LoggedFact]) -> Plan:
    """``plan`` with ``facts`` imported into its actuals."""
    return plan.model_copy(update={"actuals": plan.actuals.with_facts(facts)})
