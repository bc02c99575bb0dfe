"""The README's layout table is how a newcomer finds their way: it must name every folder of the
project, and nothing that is not there."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Folders that are tooling state, not project code.
NOT_PROJECT = {"node_modules", "var", "__pycache__"}  # .gitignore's folders


def layout_table_folders():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## How the code is laid out", 1)[1].split("\n## ", 1)[0]
    return {match.rstrip("/") for match in re.findall(r"^\| `([^`]+/)` \|", section, re.MULTILINE)}


def tracked_top_level_folders():
    return {
        path.name
        for path in ROOT.iterdir()
        if path.is_dir()
        and path.name not in NOT_PROJECT
        and not (path.name.startswith(".") and path.name != ".ci")
        and any(child.is_file() for child in path.rglob("*"))
    }


def test_the_layout_table_names_every_folder_and_only_real_ones():
    table = layout_table_folders()
    assert len(table) > 15
    assert tracked_top_level_folders() - table == set(), "folders missing from the README's layout table"
    assert table - tracked_top_level_folders() == set(), (
        "the README's layout table names folders that do not exist"
    )


def test_every_app_in_the_settings_has_its_row():
    from django.conf import settings

    project_apps = {
        app.split(".")[0] for app in settings.INSTALLED_APPS if (ROOT / app.split(".")[0]).is_dir()
    }
    assert project_apps <= layout_table_folders()
