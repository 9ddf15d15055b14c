"""Command-line verbs of the feature modules (pdf, check, accounts, schedule...).

Each module here defines ``register(verb)``; ``prospector.cli`` finds them all. Finding the plan a
verb means (``resolve_plan``, ``open_store``) is ``prospector.plan_lookup``'s.
"""
