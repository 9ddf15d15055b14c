"""Reusable widgets of the plan builder."""
