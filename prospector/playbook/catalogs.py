"""The playbook's catalogs kept in step with its sources: ``python -m prospector.playbook.catalogs``
extracts every label (``babel.cfg``: the Python of ``prospector/`` and the templates) into
``prospector/locale/playbook.pot``, updates each language's ``.po`` from it (new labels come in
empty, labels gone are dropped) and compiles the ``.mo`` files the playbook reads. The same as
the ``pybabel`` commands in ``babel.cfg``, in one step."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import BinaryIO

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from .translations import DOMAIN, LOCALE_DIR

ROOT = LOCALE_DIR.parent.parent
POT = LOCALE_DIR / f"{DOMAIN}.pot"
# The markers beyond gettext's own: a counted noun's pair, and a chapter's title (its 2nd argument)
KEYWORDS = {**DEFAULT_KEYWORDS, "NP_": (1, 2), "Chapter": (2,)}


def extract(root: Path = ROOT) -> Catalog:
    """Every label of the playbook's sources, as a template catalog (no translations)."""
    with (root / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    catalog = Catalog(domain=DOMAIN, project="Prospector", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
            str(root), method_map, options_map, keywords=KEYWORDS, strip_comment_tags=True):
        if filename.startswith(("tests", "bench", "ui", "docs", ".")):
            continue
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments,
                    context=context)
    return catalog


def read(language: str) -> Catalog:
    with (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as po:
        return read_po(po, locale=language, domain=DOMAIN)


def translated(message: Message) -> bool:
    """Every form of ``message`` has its translation."""
    strings = message.string if isinstance(message.string, tuple | list) else [message.string]
    return all(strings)


def shipped() -> list[str]:
    """The languages with a catalog (besides English, the sources' own)."""
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def _write_if_changed(path: Path, write: Callable[[BinaryIO], None]) -> None:
    buffer = io.BytesIO()
    write(buffer)
    if not path.is_file() or path.read_bytes() != buffer.getvalue():
        path.write_bytes(buffer.getvalue())


def main() -> int:
    template = extract()
    _write_if_changed(POT, lambda out: write_po(out, template, omit_header=True,
                                                no_location=True, sort_output=False))
    for language in shipped():
        catalog = read(language)
        created = catalog.creation_date
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.creation_date = created  # unchanged labels leave the files as they are
        folder = LOCALE_DIR / language / "LC_MESSAGES"
        _write_if_changed(folder / f"{DOMAIN}.po", partial(
            write_po, catalog=catalog, no_location=True, omit_header=False, width=100))
        _write_if_changed(folder / f"{DOMAIN}.mo", partial(write_mo, catalog=catalog))
        empty = sum(1 for m in catalog if m.id and not translated(m))
        print(f"{language}: {len(catalog) - 1} labels, {empty} not translated yet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
