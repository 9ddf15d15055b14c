"""What good looks like, per step of the app: the steps as :mod:`prospector.sections` declares
them, by key."""

from __future__ import annotations

from prospector.sections import STEP_BY_KEY as STEPS
from prospector.sections import Step as Guidance

__all__ = ["STEPS", "Guidance"]
