"""The plan's actuals: what the reps did, as the CRM logged it or the leader entered it by hand.

- ``records.py``: one fact a CRM export logged (a touch, a meeting, an opportunity created), with
  the key that keeps a re-import from counting it twice.
- ``weekly.py``: a figure the leader enters by hand for a rep, a week and a target.
- ``counting.py``: what each target of the plan counts among the actuals.
- ``ledger.py``: ``Actuals``, everything above kept in the plan, and the export names (of reps
  and accounts) the leader mapped once, remembered for the next import.

Reading CRM exports into these is ``prospector/actuals_import/``. This package imports only
``prospector/fields.py``, so the plan (``model.py``) can hold its actuals.
"""
