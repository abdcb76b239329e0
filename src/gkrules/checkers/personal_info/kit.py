"""What the personal-info checker compiles once per engine: the cue book, the fast presence
searches and the recognizers."""

from __future__ import annotations

import attrs

from .cues import CueBook, alternation
from .params import Cues, PersonalInfoParams

#: lists that are not cue words around a value (they are looked up otherwise)
_NOT_CUES = {"surname", "compound_surname", "org_suffix", "health", "official_title"}


class Kit:
    def __init__(self, params: PersonalInfoParams):
        self.params = params
        lists = {f.name: getattr(params.cues, f.name) for f in attrs.fields(Cues)}
        self.book = CueBook({k: v for k, v in lists.items() if k not in _NOT_CUES})
        self.presence = {k: rx for k, v in lists.items() if (rx := alternation(v)) is not None}
