"""Command-line verbs of the feature modules (pdf, check, accounts, schedule...).

Each module here defines ``register(verb)``; ``prospector.cli`` finds them all. Helpers shared by
verbs (``resolve_plan``, ``open_store``) live in ``prospector.cli``; import them inside handlers.
"""
