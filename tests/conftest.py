import os
import tempfile

import pytest

# the rule-pack cache goes to a scratch directory, never the user's home
os.environ.setdefault("GOVCHECK_CACHE_DIR", tempfile.mkdtemp(prefix="govcheck-test-cache-"))


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch):
    """Tests see govcheck's default output, wherever they run (CI sets GITHUB_ACTIONS)."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GOVCHECK_DEBUG", raising=False)
