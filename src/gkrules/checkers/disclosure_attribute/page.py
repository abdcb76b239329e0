"""What kind of page a document without a stated attribute is — a 公文, a page that reads as
an issued document — and what the rules that find no attribute advise."""

from __future__ import annotations

from gkrules.facts import DocumentFacts
from gkrules.metadata import gbt9704

from .kit import Kit
from .stated import FIELD_NAMES_NEARBY


def official(facts: DocumentFacts, kit: Kit) -> str | None:
    """Why the document is a 公文 (it has a 发文字号 or a GB/T 9704 head), or None."""
    meta = facts.metadata
    if meta.doc_number:
        org = gbt9704.DOC_NUMBER.search(meta.doc_number)
        if org and any(rx.search(org.group("org")) for rx in kit.enforcement):
            return None  # an enforcement instrument, not a 公文
        return f"有发文字号“{meta.doc_number}”"
    head = facts.head()
    if head.masthead is not None:
        return f"有发文机关标志“{head.masthead.text}”"
    return None


def document_like(facts: DocumentFacts) -> str | None:
    """Why a page that is not a 公文 still reads as an issued document (a portal metadata
    block, a 主送机关, a signature date), or None: a news item or a bare table carries no
    attribute of its own, and a finding on every one of them would be noise."""
    meta = facts.metadata
    header = [n for n, src in meta.sources.items() if src == "header" and n in FIELD_NAMES_NEARBY]
    if len(header) >= 2:
        return "有网站元数据栏"
    if meta.addressee:
        return f"有主送机关“{meta.addressee}”"
    if meta.sources.get("formed") == "gbt9704":
        return "有落款成文日期"
    return None


#: what missing, missing-page and unknown-value all advise: state the attribute where it counts
STATE_IT_SUGGESTION = ("请核实并标注公开属性：在成文日期下一行加附注“（此件主动公开）”，或在网站元数据栏填写公开方式；"
                       "发布系统可在元数据（disclosure）中直接提供。")
