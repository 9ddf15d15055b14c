"""Compiled templates kept between runs (``prospector/playbook/template_cache.py``): a kept
template is used when nothing changed, and never printed in place of an edited one."""

import shutil

import jinja2
import pytest

from prospector.playbook import render
from prospector.resources import templates_dir

MARK = "Kept-template check: the edited text"


@pytest.fixture
def own_templates(tmp_path, monkeypatch):
    """A copy of the templates and an empty cache folder; each new environment stands for a
    new run of ``prospector pdf``."""
    folder = tmp_path / "templates"
    shutil.copytree(templates_dir(), folder)
    monkeypatch.setattr(render, "templates_dir", lambda: folder)
    monkeypatch.setenv("PROSPECTOR_CACHE_DIR", str(tmp_path / "cache"))
    render.environment.cache_clear()
    yield folder
    render.environment.cache_clear()


def _new_run(sample_plan, monkeypatch) -> tuple[str, int]:
    """The leader's edition's HTML in a fresh environment, and how many templates it compiled."""
    render.environment.cache_clear()
    compiled = []
    original = jinja2.Environment._compile

    def counting(self, source, filename):
        compiled.append(filename)
        return original(self, source, filename)

    monkeypatch.setattr(jinja2.Environment, "_compile", counting)
    html = render.render_playbook_html(sample_plan)
    monkeypatch.setattr(jinja2.Environment, "_compile", original)
    return html, len(compiled)


def test_an_edited_template_is_printed_not_its_kept_compiled_code(
        own_templates, sample_plan, monkeypatch, tmp_path):
    first, compiled_first = _new_run(sample_plan, monkeypatch)
    assert compiled_first > 5 and any((tmp_path / "cache").rglob("*.jinja"))
    again, compiled_again = _new_run(sample_plan, monkeypatch)
    assert (again, compiled_again) == (first, 0)  # nothing changed: the kept code prints

    page = own_templates / "playbook.html.j2"
    page.write_text(page.read_text("utf-8").replace("<body>", f"<body><p>{MARK}</p>", 1),
                    "utf-8")
    edited, compiled_edited = _new_run(sample_plan, monkeypatch)
    assert MARK in edited and MARK not in first
    assert compiled_edited == 1  # the edited template alone


def test_a_cache_folder_that_cannot_be_written_still_prints(own_templates, sample_plan,
                                                            monkeypatch, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be", "utf-8")
    monkeypatch.setenv("PROSPECTOR_CACHE_DIR", str(blocked))
    html, compiled = _new_run(sample_plan, monkeypatch)
    assert "<body>" in html and compiled > 5

