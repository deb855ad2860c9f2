"""Shared fixtures and hypothesis settings for the test suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# On CI the examples are derandomised: a run is reproducible and cannot fail by chance.
settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=bool(os.environ.get("CI")),
)
settings.register_profile("dev", max_examples=30, deadline=None)
settings.register_profile("thorough", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def seeds_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The source texts the package embeds, under their source ids and their old seed names.

    The texts travel with the library, so quote tests run in every clone with nothing beside it.
    """
    from welfare_ambito.citations import embedded_sources

    folder = tmp_path_factory.mktemp("sources")
    for source in embedded_sources().values():
        text = source.text()
        if text is None:
            continue
        for name in (source.id, *source.legacy):
            (folder / name).write_text(text, encoding="utf-8")
    return folder
