"""What the disclosure-attribute rules compile once per engine from the checker's parameters."""

from __future__ import annotations

import re

from gkrules.context import CheckerSetup
from gkrules.errors import RulesetError
from gkrules.metadata import gbt9704

from .params import DisclosureAttributeParams

PUBLIC, ON_REQUEST, WITHHELD = "主动公开", "依申请公开", "不予公开"
#: how far each attribute keeps a document from the web: the strictest one stated decides
RANK = {PUBLIC: 0, ON_REQUEST: 1, WITHHELD: 2}


class Kit:
    def __init__(self, setup: CheckerSetup):
        p: DisclosureAttributeParams = setup.params or DisclosureAttributeParams()
        self.p = p
        try:
            self.normative_number = re.compile(p.normative_number_pattern)
            self.enforcement = tuple(re.compile(x) for x in p.enforcement_number_patterns)
        except re.error as exc:
            raise RulesetError(f"disclosure-attribute 参数中的正则表达式无效：{exc}") from None
        # longest first: 不予公开 before 公开, 依申请公开 before 公开
        self.words = sorted([(w, WITHHELD) for w in p.withheld_words] + [(w, ON_REQUEST) for w in p.on_request_words]
                            + [(w, PUBLIC) for w in p.public_words], key=lambda x: len(x[0]), reverse=True)

    def value_of(self, raw: str) -> str | None:
        """The attribute a 附注 or field value states (主动公开, 依申请公开, 不予公开), or None."""
        # a 发文稿纸 form: ☑主动公开 □依申请公开 □不予公开 says 主动公开
        t = gbt9704.squeeze(gbt9704.checked_choice(raw))
        found = [v for w, v in self.words if w in t]
        if not found:
            # 公开, 是, （此件公开）
            return PUBLIC if gbt9704.annotation_body(t) in ("公开", "是") else None
        return max(found, key=RANK.__getitem__)
