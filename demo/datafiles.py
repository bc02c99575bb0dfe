"""Read the demo's data files (demo/data/<name>.yaml)."""

from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


def read(name):
    """The parsed contents of demo/data/<name>.yaml (a fresh copy on every call)."""
    with open(DATA_DIR / f"{name}.yaml", encoding="utf-8") as file:
        return yaml.safe_load(file)
