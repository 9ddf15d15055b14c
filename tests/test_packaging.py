"""The wheel carries every package, the templates, the fonts and the sample."""

import tomllib

from tests.conftest import REPO


def test_every_python_package_is_listed_in_pyproject():
    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(REPO).parts)
        for top in ("prospector", "ui")
        for init in (REPO / top).rglob("__init__.py")
    }
    assert on_disk - listed == set()
    assert {"prospector.templates", "prospector.assets"} <= listed
