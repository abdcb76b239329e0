"""``engine.with_fingerprint`` (issue 19) builds what ``attrs.evolve(f, fingerprint=…)`` built,
for any finding."""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.engine import with_fingerprint
from gkrules.model import Finding, Location, Severity

_opt_text = st.none() | st.text(max_size=8)
_locations = st.none() | st.builds(Location, start=st.none() | st.integers(0, 99), end=st.none() | st.integers(0, 99),
                                   line=st.none() | st.integers(1, 9), column=st.none() | st.integers(1, 9),
                                   page=st.none() | st.integers(1, 9), ref=_opt_text, hidden=st.booleans())
_findings = st.builds(Finding, checker=st.text(max_size=8), rule=st.text(max_size=8),
                      severity=st.sampled_from(list(Severity)), message=st.text(max_size=8), location=_locations,
                      evidence=_opt_text, basis=_opt_text, suggestion=_opt_text, fingerprint=st.text(max_size=8),
                      tags=st.lists(st.text(max_size=4), max_size=3).map(tuple))


@settings(max_examples=500, deadline=None)
@given(_findings, st.text(max_size=32))
def test_the_same_finding_as_evolve(f, fp):
    assert with_fingerprint(f, fp) == attrs.evolve(f, fingerprint=fp)
    assert repr(with_fingerprint(f, fp)) == repr(attrs.evolve(f, fingerprint=fp))


def test_every_field_of_finding_is_named():
    """A field added to Finding must be added to with_fingerprint too."""
    assert [a.name for a in attrs.fields(Finding)] == ["checker", "rule", "severity", "message", "location",
                                                       "evidence", "basis", "suggestion", "fingerprint", "tags"]
