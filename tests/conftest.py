import pytest


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch):
    """Tests see govcheck's default output, wherever they run (CI sets GITHUB_ACTIONS)."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GOVCHECK_DEBUG", raising=False)
