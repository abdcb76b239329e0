"""The analysis of one release batch that the rules read, made once per batch.

Every document of the batch and every entry of the host's catalogue becomes an ``Item``: a
policy, an interpretation or something else, with the names it is known by and, for an
interpretation, the names of the policy it cites. The batch side is indexed; every
interpretation and every other document or catalogue entry is looked up once (a catalogue can
be large, a batch is small). The result says which policies of the batch some interpretation
covers and which documents or entries each interpretation of the batch cites.
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import field, frozen

from gkrules.context import BatchContext

from .classify import INTERPRETATION, POLICY, Role
from .index import NameIndex
from .items import Item, document_item
from .kit import Kit
from .names import any_same, any_same_number


@frozen
class Batch:
    #: the role of each document of the batch, in order
    roles: tuple[Role, ...]
    #: the policies and the interpretations of the batch
    policies: tuple[Item, ...] = ()
    readings: tuple[Item, ...] = ()
    #: positions in ``policies`` that an interpretation (batch or catalogue) cites
    covered: frozenset[int] = frozenset()
    #: position in ``readings`` → what that interpretation cites, and how (for the message)
    cited: Mapping[int, tuple[tuple[Item, str], ...]] = field(factory=dict)


def batch(ctx: BatchContext, kit: Kit) -> Batch:
    """The batch's analysis, shared by the rules (computed by the first that asks)."""
    documents, catalog, today = ctx.documents, ctx.catalog, ctx.today  # the analysis must not hold ctx
    return kit.per_batch(ctx, lambda: _analyse(documents, catalog, today, kit))


def cites(interp: Item, target: Item, slack: int) -> str | None:
    """How ``interp`` cites ``target`` (for the message), or None."""
    hit = any_same(interp.refs, target.names, slack)
    if hit:
        return f"标题《{hit}》"
    number = any_same_number(interp.ref_numbers, target.numbers)
    if number:
        return f"发文字号 {number}"
    if interp.ref_urls & target.urls:
        return "原文链接"
    if target.linked & interp.urls:
        return "解读链接"
    return None


def _analyse(documents, catalog, today, kit: Kit) -> Batch:
    roles = tuple(kit.classifier.classify(d) for d in documents)
    if not any(r.role in (POLICY, INTERPRETATION) for r in roles):
        return Batch(roles)  # every other finding is about a policy or an interpretation of the batch
    items = [document_item(kit.classifier, i, d, today, roles[i]) for i, d in enumerate(documents)]
    everything = items + [kit.catalog_item(e) for e in catalog]
    policies = [x for x in items if x.role.role == POLICY]
    readings = [x for x in items if x.role.role == INTERPRETATION]
    slack = kit.p.title_prefix_slack
    by_name = NameIndex(slack)
    for k, x in enumerate(policies):
        by_name.add(k, x.names, x.numbers, x.urls | x.linked)
    by_ref = NameIndex(slack)
    for k, x in enumerate(readings):
        by_ref.add(k, x.refs, x.ref_numbers, x.ref_urls | x.urls)
    covered: set[int] = set()
    cited: dict[int, list[tuple[Item, str]]] = {}
    for other in everything:
        if other.role.role == INTERPRETATION:
            for k in by_name.candidates(other.refs, other.ref_numbers, other.ref_urls | other.urls):
                if k not in covered and cites(other, policies[k], slack):
                    covered.add(k)
        else:
            for k in by_ref.candidates(other.names, other.numbers, other.urls | other.linked):
                how = cites(readings[k], other, slack)
                if how:
                    cited.setdefault(k, []).append((other, how))
    return Batch(roles, tuple(policies), tuple(readings), frozenset(covered),
                 {k: tuple(v) for k, v in cited.items()})


__all__ = ["Batch", "batch", "cites"]
