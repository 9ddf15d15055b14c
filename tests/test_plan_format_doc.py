"""The documented plan-file format stays in step with the model."""

import json

from prospector.planfile import plan_json_schema
from tests.conftest import REPO


def test_schema_in_docs_is_generated_from_the_current_model():
    on_disk = json.loads((REPO / "docs" / "plan-format.schema.json").read_text("utf-8"))
    assert on_disk == plan_json_schema(), "run: python -m prospector.planfile"


def test_format_doc_describes_every_section():
    text = (REPO / "docs" / "plan-format.md").read_text("utf-8")
    for section in plan_json_schema()["properties"]:
        assert f"`{section}`" in text, section
