"""What the confidential-marker rules compile once per engine from the checker's parameters."""

from __future__ import annotations

import re

from gkrules.context import CheckerSetup

from .params import ConfidentialMarkerParams

# what a label line may hold besides its labels: spaces, brackets, punctuation, ★
STRIP = re.compile(r"[\s（）()【】\[\]〔〕「」『』<>《》，。、：:；;！!？?·…—\-*★“”\"']")


class Kit:
    def __init__(self, setup: CheckerSetup):
        p: ConfidentialMarkerParams = setup.params or ConfidentialMarkerParams()
        self.p = p
        self.labels = setup.keyword_matcher(p.internal_labels)
        self.self_refs = tuple(p.self_references)
        self.label_words = sorted(set(p.internal_labels), key=len, reverse=True)
        # more than label_line_slack characters that neither STRIP removes nor any label word
        # contains: whatever the replacements, the line keeps them, so it is no label line
        label_chars = "".join(sorted({re.escape(ch) for w in self.label_words for ch in w}))
        strip_class = STRIP.pattern[1:-1]
        kept = f"{strip_class}{label_chars}"  # complementary classes: a linear match, no backtracking
        self.too_much_text = re.compile(rf"(?:[{kept}]*[^{kept}]){{{p.label_line_slack + 1}}}")
