"""Two steps of WeasyPrint 70's layout in fewer Python calls, with the same results.

* **Percentages.** Every box laid out (and laid out again: a table's cells, a line's inline
  boxes at each try) has its margins, paddings, widths and heights resolved against its
  containing block by ``weasyprint.layout.percent.resolve_percentages``: 14 calls of
  ``resolve_one_percentage``, each calling ``percentage`` and ``setattr``. The 300-account plan
  made 36,000 such calls, 470,000 of ``resolve_one_percentage``. In its place, a function doing
  the same arithmetic in the same order on the same values (a length's ``value``, a
  percentage's ``refer_to * value / 100``, anything else through WeasyPrint's ``percentage``),
  the attributes set directly, in every WeasyPrint module that imported it.
* **Backgrounds.** After each page, ``layout_box_backgrounds`` visits every box of it and reads
  nine properties of its style to find that it paints nothing (no colour, image, shadow, border
  or mask image, square corners), as most boxes do; boxes share their styles (a line's text
  boxes their parent's, a page's copies their original's). The answer is kept on the style, and
  a box whose style paints nothing gets WeasyPrint's result at once: no background, square
  corners. Any other box, and the page, go through WeasyPrint's own function.

``install()`` leaves WeasyPrint alone where its functions are not the ones it knows. The PDFs
are byte-identical with and without it (tests/test_layout_speed.py checks the boxes).
"""

from __future__ import annotations

from math import inf

_MARK = "_prospector_fewer_calls"
# the original's code, as WeasyPrint 70.0 has it (the names it calls, in order)
_KNOWN_NAMES = ("isinstance", "boxes", "Box", "width", "height", "PageBox",
                "resolve_one_percentage", "style", "check_math", "unit", "lower", "value", "inf",
                "hasattr", "setattr", "adjust_box_sizing")


def _resolve_percentages(percentage, check_math, adjust_box_sizing, box_type, page_type):
    def used(value, style, refer_to):
        if value is None or value == "auto":
            return value
        unit = getattr(value, "unit", None)
        if unit is None:
            return percentage(value, style, refer_to)
        if unit == "%":
            return refer_to * value.value / 100
        return value.value

    def resolve_percentages(box, containing_block):
        """Set used values as attributes of the box object (as WeasyPrint's)."""
        if isinstance(containing_block, box_type):
            cb_width = containing_block.width
            cb_height = containing_block.height
        else:
            cb_width, cb_height = containing_block
        maybe_height = cb_height if isinstance(box, page_type) else cb_width
        style = box.style
        box.margin_left = used(style["margin_left"], style, cb_width)
        box.margin_right = used(style["margin_right"], style, cb_width)
        box.margin_top = used(style["margin_top"], style, maybe_height)
        box.margin_bottom = used(style["margin_bottom"], style, maybe_height)
        box.padding_left = used(style["padding_left"], style, cb_width)
        box.padding_right = used(style["padding_right"], style, cb_width)
        box.padding_top = used(style["padding_top"], style, maybe_height)
        box.padding_bottom = used(style["padding_bottom"], style, maybe_height)
        box.width = used(style["width"], style, cb_width)
        min_width = used(style["min_width"], style, cb_width)
        box.min_width = 0 if min_width == "auto" else min_width
        box.max_width = used(style["max_width"], style, cb_width)
        if cb_height == "auto":
            height = style["height"]
            if height == "auto" or check_math(height) or height.unit == "%":
                box.height = "auto"
            else:
                assert height.unit.lower() == "px"
                box.height = height.value
            min_height = used(style["min_height"], style, 0)
            box.max_height = used(style["max_height"], style, inf)
        else:
            box.height = used(style["height"], style, cb_height)
            min_height = used(style["min_height"], style, cb_height)
            box.max_height = used(style["max_height"], style, cb_height)
        box.min_height = 0 if min_height == "auto" else min_height
        if style["border_collapse"] == "collapse":
            # border widths resolved by the collapsed borders' conflict resolution stay
            for name in ("border_top_width", "border_right_width", "border_bottom_width",
                         "border_left_width"):
                if not hasattr(box, name):
                    setattr(box, name, style[name])
        else:
            box.border_top_width = style["border_top_width"]
            box.border_right_width = style["border_right_width"]
            box.border_bottom_width = style["border_bottom_width"]
            box.border_left_width = style["border_left_width"]
        if style["box_sizing"] != "content-box":
            adjust_box_sizing(box, "width")
            adjust_box_sizing(box, "height")

    return resolve_percentages


_PLAIN = "_prospector_paints_nothing"
_CORNERS = ("border_top_left_radius", "border_top_right_radius", "border_bottom_right_radius",
            "border_bottom_left_radius")
_KNOWN_BACKGROUND_NAMES = (
    "draw.color", "get_color", "resolve_radii_percentages", "all_children",
    "layout_box_backgrounds", "style", "border_image", "mask_border_image", "parse_color",
    "alpha", "any", "background", "zip", "map", "cycle", "Background")


def _paints_nothing(style, get_color) -> bool:
    """Whether WeasyPrint's ``layout_box_backgrounds`` gives a box of ``style`` no background,
    no border or mask image and square corners (its radii all (0, 0))."""
    if style["border_image_source"][0] != "none" or style["mask_border_source"][0] != "none" \
            or style["box_shadow"]:
        return False
    if any((0, "px") not in style[corner] for corner in _CORNERS):
        return False
    if style["visibility"] == "hidden":
        return True
    return get_color(style, "background_color").alpha == 0 and \
        all(type_ != "url" and not value for type_, value in style["background_image"])


def _layout_box_backgrounds(original, get_color):
    def layout_box_backgrounds(page, box, get_image_from_uri, layout_children=True,
                               style=None):
        """WeasyPrint's, with the box of a style that paints nothing done at once."""
        own = box.style
        if style is not None or box is page or own is None:
            return original(page, box, get_image_from_uri, layout_children, style)
        plain = own.__dict__.get(_PLAIN)
        if plain is None:
            plain = own.__dict__[_PLAIN] = _paints_nothing(own, get_color)
        if not plain:
            return original(page, box, get_image_from_uri, layout_children, style)
        box.border_top_left_radius = box.border_top_right_radius = (0, 0)
        box.border_bottom_right_radius = box.border_bottom_left_radius = (0, 0)
        if layout_children:
            for child in box.all_children():
                layout_box_backgrounds(page, child, get_image_from_uri)
        box.background = None
        return None

    return layout_box_backgrounds


def _install_backgrounds() -> bool:
    import weasyprint.layout.background as background  # noqa: PLC0415 - WeasyPrint
    from weasyprint.draw.color import get_color  # noqa: PLC0415 - WeasyPrint

    current = background.layout_box_backgrounds
    if getattr(current, _MARK, False):
        return True
    if current.__code__.co_names != _KNOWN_BACKGROUND_NAMES:
        return False
    fast = _layout_box_backgrounds(current, get_color)
    setattr(fast, _MARK, True)
    fast.__wrapped__ = current  # WeasyPrint's own, for the tests
    background.layout_box_backgrounds = fast
    return True


def install() -> bool:
    """Resolve percentages in fewer calls and lay out the backgrounds of boxes that paint none
    at once; True if both are installed (now or before)."""
    return _install_percentages() & _install_backgrounds()


def _install_percentages() -> bool:
    import sys  # noqa: PLC0415 - only to find WeasyPrint's modules

    import weasyprint.layout.percent as percent  # noqa: PLC0415 - loaded with WeasyPrint
    from weasyprint.css.functions import check_math  # noqa: PLC0415 - WeasyPrint
    from weasyprint.formatting_structure import boxes  # noqa: PLC0415 - WeasyPrint

    current = percent.resolve_percentages
    if getattr(current, _MARK, False):
        return True
    if current.__code__.co_names != _KNOWN_NAMES or \
            current.__code__.co_varnames[:2] != ("box", "containing_block"):
        return False  # a WeasyPrint whose function we do not know: leave it
    fast = _resolve_percentages(percent.percentage, check_math, percent.adjust_box_sizing,
                                boxes.Box, boxes.PageBox)
    setattr(fast, _MARK, True)
    fast.__wrapped__ = current  # WeasyPrint's own, for the tests
    for name, module in list(sys.modules.items()):
        if name.startswith("weasyprint.") and \
                getattr(module, "resolve_percentages", None) is current:
            setattr(module, "resolve_percentages", fast)  # noqa: B010 - a module of WeasyPrint
    return True
