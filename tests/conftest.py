"""Shared fixtures. Qt runs offscreen; every test gets its own empty data folder."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
from pathlib import Path

import pytest

from prospector.model import Plan
from prospector.resources import sample_plan_path

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Never touch the real user data folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("PROSPECTOR_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def sample_doc() -> dict:
    return json.loads(sample_plan_path().read_text("utf-8"))


@pytest.fixture
def sample_plan(sample_doc) -> Plan:
    return Plan.model_validate(sample_doc)
