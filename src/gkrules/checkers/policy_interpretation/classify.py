"""Which documents need an interpretation, and why (rules-basis §4.2).

Needs one: 规章, 行政规范性文件 (a ××规〔YYYY〕N号 number, a 文件类型 field saying so) and
policy documents of the 文种 listed in the rule set (办法, 规定, 细则, 意见…), unless they
are addressed only to the bureau's own units (工作要点, 实施方案, 制度 sent to 局机关各科室 are
internal work documents) or are of a kind the rule set exempts (成立领导小组, 转发). Statistics
releases, news and notices are not policies. A sidecar or host ``kind`` overrides the text.

Every decision carries its reasons, in Chinese, so a finding can say why a document was
taken for a policy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from attrs import frozen

from gkrules.errors import RulesetError
from gkrules.metadata.kind import normative_reason
from gkrules.model import Document, Metadata

from .names import bracketed, inner_title, normalise, refs_in_title
from .params import PolicyInterpretationParams

POLICY = "policy"
INTERPRETATION = "interpretation"
OTHER = "other"
#: a policy of another organ reposted here, and the bureau's own internal work rule (read from
#: the content, gkrules.metadata.role): the interpretation is not this page's duty
REPOST = "repost"
INTERNAL = "internal"

_TRAILING_NOTE = re.compile(r"[（(][^（()）]*[）)]$")
_SEGMENTS = re.compile(r"[、，,；;]|[^\S\n]+")
_BRACKETED = re.compile(r"[（(][^（）()\n]{0,12}[）)]")
_HOST_SOURCES = ("sidecar", "host")


@frozen
class Role:
    """What a document is for this checker, with the reasons (Chinese, for messages)."""

    role: str
    reasons: tuple[str, ...] = ()
    #: (start, end) of the text that shows it best (the title, the number), if in the text
    span: tuple[int, int] | None = None


def compile_patterns(patterns: Iterable[str], what: str) -> tuple[re.Pattern, ...]:
    out = []
    for p in patterns:
        try:
            out.append(re.compile(p))
        except re.error as exc:
            raise RulesetError(f"policy-interpretation 参数 {what} 中的正则表达式 {p!r} 无效：{exc}") from None
    return tuple(out)


class PolicyClassifier:
    def __init__(self, p: PolicyInterpretationParams):
        self.doctypes = tuple(sorted({normalise(d) for d in p.policy_doctypes if d.strip()}, key=len, reverse=True))
        self.normative_number = compile_patterns([p.normative_number_pattern], "normative_number_pattern")[0]
        self.normative_categories = tuple(p.normative_categories)
        self.internal = compile_patterns(p.internal_addressees, "internal_addressees")
        self.public = compile_patterns(p.public_addressees, "public_addressees")
        self.exempt = compile_patterns(p.exempt_titles, "exempt_titles")
        self.internal_titles = compile_patterns(p.internal_titles, "internal_titles")
        self.interpretation = compile_patterns(p.interpretation_titles, "interpretation_titles")
        self.named_interpretation = compile_patterns(p.named_interpretation_titles, "named_interpretation_titles")
        self.not_interpretation = compile_patterns(p.not_interpretation_titles, "not_interpretation_titles")

    # -- pieces ------------------------------------------------------------------------------

    def is_interpretation_title(self, title: str | None) -> bool:
        if not title or any(rx.search(title) for rx in self.not_interpretation):
            return False
        if any(rx.search(title) for rx in self.interpretation):
            return True
        return any(rx.search(title) for rx in self.named_interpretation) and self.names_a_policy(title)

    def names_a_policy(self, title: str) -> bool:
        """The title cites a policy: a 《name》 (or the bare title) of a policy 文种, or says 政策/新规."""
        if "政策" in title or "新规" in title:
            return True
        return any(self.doctype(x) for x in [*bracketed(title), *refs_in_title(title)])

    def doctype(self, title: str | None) -> str | None:
        """The policy 文种 of a title, or of the document that a 印发/发布 notice issues."""
        if not title:
            return None
        candidates = [title]
        inner = inner_title(title)
        if inner:
            candidates.insert(0, inner)
        for cand in candidates:
            t = normalise(cand)
            t = _TRAILING_NOTE.sub("", t) if _TRAILING_NOTE.search(t) else t
            for word in self.doctypes:
                if t.endswith(word):
                    return word
        return None

    def normative_reason(self, meta: Metadata) -> str | None:
        return normative_reason(meta, self.normative_number, self.normative_categories)

    def addressee_scope(self, addressee: str | None) -> str | None:
        """``internal`` when every organ addressed is the bureau's own (at least one surely so,
        none outside), ``public`` when one is outside, else None."""
        if not addressee:
            return None
        segments = [s for s in _SEGMENTS.split(_BRACKETED.sub("", addressee)) if s]
        internal = public = False
        for seg in segments:
            if any(rx.search(seg) for rx in self.internal):
                internal = True
            elif any(rx.search(seg) for rx in self.public):
                public = True
        if public:
            return "public"
        return "internal" if internal else None

    # -- the decision --------------------------------------------------------------------------

    def classify(self, doc: Document) -> Role:
        meta = doc.metadata
        title = meta.title
        title_span = meta.spans.get("title")
        kind_from_host = meta.sources.get("kind") in _HOST_SOURCES
        where = "元数据文件" if meta.sources.get("kind") == "sidecar" else "发布系统"
        if kind_from_host:
            if meta.kind == INTERPRETATION:
                return Role(INTERPRETATION, (f"{where}标明为政策解读（kind: interpretation）",), title_span)
            if meta.kind == POLICY:
                reasons = [f"{where}标明为政策文件（kind: policy）"]
                normative = self.normative_reason(meta)
                if normative:
                    reasons.append(normative)
                return Role(POLICY, tuple(reasons), title_span)
            return Role(OTHER, (f"{where}标明类型为 {meta.kind}",))
        if self.is_interpretation_title(title):
            return Role(INTERPRETATION, ("标题表明是解读材料",), title_span)
        if meta.role in (REPOST, INTERNAL):
            normative = self.normative_reason(meta)
            # 转发《X办法》的通知: the 文种 of the document forwarded
            doctype = self.doctype(title) or next((d for x in bracketed(title or "") if (d := self.doctype(x))), None)
            if meta.role == INTERNAL and normative:
                pass  # a 规 number or a 规范性文件 field outweighs an applicability clause
            elif doctype or normative:
                what = normative or f"文种为“{doctype}”"
                return Role(meta.role, (what, *meta.role_reasons), title_span)
            else:
                return Role(OTHER, meta.role_reasons)
        if title and any(rx.search(title) for rx in self.exempt):
            return Role(OTHER, ("成立领导小组、转发、名单等文件无须解读",))
        normative = self.normative_reason(meta)
        scope = self.addressee_scope(meta.addressee)
        doctype = self.doctype(title)
        reasons = []
        span = title_span
        if normative:
            reasons.append(normative)
            if meta.doc_number and "doc_number" in meta.spans and normative.startswith("发文字号"):
                span = meta.spans["doc_number"]
        elif scope == "internal":
            return Role(OTHER, (f"主送“{meta.addressee}”，是发给本机关内设机构的内部工作文件",))
        elif scope is None and title and any(rx.search(title) for rx in self.internal_titles):
            return Role(OTHER, ("标题表明是本机关内部管理制度",))
        if doctype:
            reasons.append(f"文种为“{doctype}”（标题：{title}）")
        if not reasons:
            return Role(OTHER)
        if scope == "public":
            reasons.append(f"主送“{meta.addressee}”，涉及本机关以外的单位、企业或公众")
        return Role(POLICY, tuple(reasons), span)


__all__ = ["INTERNAL", "INTERPRETATION", "OTHER", "POLICY", "REPOST", "PolicyClassifier", "Role", "compile_patterns"]
