"""Suite-wide settings: hypothesis profiles and the ``nightly`` marker.

``ci`` (the default) keeps property tests to a few hundred examples in all; ``nightly``
(``HYPOTHESIS_PROFILE=nightly``) runs many more and enables tests marked ``nightly``.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "nightly",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip ``nightly`` tests unless the nightly profile is loaded or ``-m`` selects them."""
    if settings.get_current_profile_name() == "nightly" or "nightly" in (
        config.getoption("markexpr") or ""
    ):
        return
    skip = pytest.mark.skip(reason="nightly only: set HYPOTHESIS_PROFILE=nightly or -m nightly")
    for item in items:
        if "nightly" in item.keywords:
            item.add_marker(skip)
