"""The pre-commit hook, run through pre-commit itself in a throwaway repository: it
skips YAML that is not a record (its own .pre-commit-config.yaml, a mkdocs.yml), passes
every file to one process, and fails on a late key decision."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
pytest.importorskip("pre_commit")
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")


def hook() -> dict:
    """Our hook's definition, as .pre-commit-hooks.yaml gives it, run from this
    environment (``language: system``: nothing is downloaded)."""
    [h] = [h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
           if h["id"] == "govcheck"]
    return {**h, "language": "system"}


def repo(tmp_path: Path, files: dict[str, str]) -> Path:
    r = tmp_path / "repo"
    r.mkdir()
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "init", "-q", str(r)], check=True, env=env)
    config = {"repos": [{"repo": "local", "hooks": [hook()]}]}
    (r / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    for name, text in files.items():
        (r / name).parent.mkdir(parents=True, exist_ok=True)
        (r / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=r, check=True, env=env)
    return r


def run_hooks(r: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    bindir = str(Path(sys.executable).parent)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pc-home"),
           "PATH": bindir + os.pathsep + os.environ.get("PATH", ""),
           "GOVCHECK_CACHE_DIR": str(tmp_path / "cache")}
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files",
                           "--color", "never"], cwd=r, capture_output=True, text=True,
                          env=env, timeout=300)


def test_the_hook_passes_a_repository_with_other_yaml(tmp_path):
    clean = (ROOT / "fixtures" / "decisions" /
             "decision-2024-03-19-highways-resurfacing.txt").read_text(encoding="utf-8")
    r = repo(tmp_path, {"mkdocs.yml": "site_name: Docs\nnav: []\n",
                        "docs/package.json": '{"name": "x"}', "reports/report.txt": clean})
    p = run_hooks(r, tmp_path)
    assert "not a govcheck record" not in p.stdout, p.stdout
    assert p.returncode == 0, p.stdout + p.stderr


def test_the_hook_fails_on_a_late_key_decision(tmp_path):
    late = (ROOT / "fixtures" / "reports" /
            "cabinet-2024-06-25-waste-fleet-late-notice.txt").read_text(encoding="utf-8")
    r = repo(tmp_path, {"mkdocs.yml": "site_name: Docs\n", "reports/late.txt": late})
    p = run_hooks(r, tmp_path)
    assert p.returncode == 1, p.stdout + p.stderr
    assert "KD001" in p.stdout
