"""The domain stays free of Qt: prospector/ never imports PySide6 or ui."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "prospector"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_domain_source_never_imports_qt_or_ui():
    offenders = {
        str(path.relative_to(PACKAGE)):
            sorted(_imported_modules(path) & {"PySide6", "ui", "shiboken6"})
        for path in PACKAGE.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_the_whole_domain_loads_no_qt():
    code = (
        "import pkgutil, importlib, sys, prospector\n"
        "for m in pkgutil.walk_packages(prospector.__path__, 'prospector.'):\n"
        "    if m.name != 'prospector.__main__': importlib.import_module(m.name)\n"
        "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'ui'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
