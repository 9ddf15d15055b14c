"""Text contrast as WCAG 2 measures it, for the playbook's brand ink and the app's own colours."""

from __future__ import annotations

from collections.abc import Sequence

WHITE = (255, 255, 255)


def luminance(rgb: Sequence[int]) -> float:
    """WCAG 2 relative luminance of an (r, g, b) colour, 0-255 each."""
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])


def contrast(a: Sequence[int], b: Sequence[int]) -> float:
    """WCAG 2 contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
