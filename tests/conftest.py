"""Shared fixtures: the real spaCy pipeline and knowledge, loaded once for the whole run."""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.coder import Coder, get_coder
from realpolitik.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def coder(settings) -> Coder:
    """The default coder (md model), built once per test session."""
    return get_coder(settings)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder beside the checkout (CI has it too); tests that need it skip loudly without it."""
    if not SHARED.exists():
        pytest.skip(f"{SHARED} is missing: the seed article and dev set live there")
    return SHARED
