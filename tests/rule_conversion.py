"""Checkers not yet rewritten as one module per rule (gkrules.rule). A checker leaves this set
when it is converted; the rule-as-unit tests are strict xfails for those left, so the set can
only shrink."""

PENDING: set[str] = set()

#: converted or not, checkers some of whose rules have no failing or no passing example in the
#: rule set and no stated reason (Rule.examples_note): also a set that can only shrink
EXAMPLES_MISSING: set[str] = set()
