"""How complete each step of a plan is (declared with the steps in :mod:`prospector.sections`)."""

from __future__ import annotations

from .sections import StepStatus, step_status

__all__ = ["StepStatus", "step_status"]
