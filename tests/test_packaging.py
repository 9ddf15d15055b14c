"""The wheel carries every package, the templates, the fonts and the sample."""

import subprocess
import sys
import tomllib
import zipfile

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


def test_the_wheel_carries_templates_fonts_and_the_sample(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path),
                    str(REPO)], check=True, capture_output=True, stdin=subprocess.DEVNULL)
    wheel = next(tmp_path.glob("prospector-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in ("prospector/templates/playbook.html.j2",
                     "prospector/templates/playbook/css/00-base.css",
                     "prospector/assets/fonts/NotoSans-Regular.ttf",
                     "prospector/assets/fonts/OFL.txt",
                     "prospector/locale/de/LC_MESSAGES/playbook.mo",
                     "prospector/locale/fr/LC_MESSAGES/playbook.mo",
                     "prospector/locale/es/LC_MESSAGES/playbook.mo",
                     "ui/locale/de/LC_MESSAGES/app.mo",
                     "prospector/locale/de/LC_MESSAGES/coach.mo",
                     "prospector/locale/fr/LC_MESSAGES/coach.mo",
                     "prospector/assets/samples/sample-plan.json",
                     "prospector/assets/samples/sample-activities-report.csv",
                     "prospector/templates/playbook/review.html.j2",
                     "prospector/templates/playbook/review.css",
                     "prospector/review/build.py",
                     "prospector/coach/engine.py", "ui/main_window.py",
                     "ui/widgets/list_editor.py"):
        assert expected in names, expected
    assert not any(n.startswith("tests/") for n in names)
