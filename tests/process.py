"""Running the project's own Python in a child process, for what one test process cannot show:
settings read at start-up, production refusing to start, modules a fresh process loads."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def run_project_python(*args, without=(), timeout=120, **env):
    """`python ARGS…` in the project folder, with this process's environment less the variables
    named in `without`, plus `env`; returns the finished process (stdout and stderr as text)."""
    environment = {name: value for name, value in os.environ.items() if name not in without}
    environment.update(env)
    return subprocess.run(
        [sys.executable, *args], cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=timeout
    )
