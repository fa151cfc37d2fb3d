"""The top-k selection equals a full sort: highest positive scores first, ties in passage order."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.retrieval import _top

SCORES = st.lists(st.sampled_from([0.0, 0.0, 0.0, 0.5, 1.0, 1.0, 2.5, 3.0]) | st.floats(0, 10), max_size=60)


@settings(derandomize=True, deadline=None)  # max_examples: the profile's (tests/conftest.py)
@given(SCORES, st.integers(1, 12))
def test_top_equals_sorting_every_positive_score(scores, limit):
    expected = sorted((i for i, s in enumerate(scores) if s > 0), key=lambda i: (-scores[i], i))[:limit]
    assert _top(np.asarray(scores, dtype=np.float64), limit) == expected


@pytest.mark.slow
@settings(max_examples=60, derandomize=True, deadline=None)
@given(
    st.lists(st.sampled_from([0.0, 0.0, 0.0, 0.5, 1.0, 1.0, 2.5, 3.0]) | st.floats(0, 10), min_size=200, max_size=400),
    st.integers(1, 12),
)
def test_top_from_a_sampled_cut_equals_sorting_every_positive_score(scores, limit):
    """Long enough that _top bounds the cut from every TOP_SAMPLE_STRIDE-th score first."""
    expected = sorted((i for i, s in enumerate(scores) if s > 0), key=lambda i: (-scores[i], i))[:limit]
    assert _top(np.asarray(scores, dtype=np.float64), limit) == expected
