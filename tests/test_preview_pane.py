"""What the preview prints for the step being edited."""

from __future__ import annotations

from ui.preview import preview_part


def test_each_step_previews_its_own_part_of_the_playbook():
    assert preview_part("cadences") == ["cadences"]
    assert preview_part("basics") == ["cover", "basics"]  # company, owner, dates: the cover
    assert preview_part("targets") == ["ideal_client_profile", "accounts"]
    assert preview_part("conversations", "objections") == ["objections"]  # the one edited
    assert preview_part("review") is None  # the whole playbook, as exported
