"""Prospector: a sales leader's prospecting plan, from targets to a printed playbook.

This package is the domain and its services. It never imports Qt (see tests/test_architecture.py).
"""

__version__ = "0.1.0"
