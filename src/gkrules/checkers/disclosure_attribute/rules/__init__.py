"""The rules of disclosure-attribute, one module each."""

from .conflict import Conflict
from .missing import Missing
from .missing_page import MissingPage
from .normative_withheld import NormativeWithheld
from .on_request import OnRequest
from .repost import Repost
from .unknown_value import UnknownValue
from .withheld import Withheld

RULES = (Withheld, NormativeWithheld, OnRequest, Conflict, Missing, MissingPage, UnknownValue, Repost)

__all__ = ["RULES", "Conflict", "Missing", "MissingPage", "NormativeWithheld", "OnRequest", "Repost", "UnknownValue",
           "Withheld"]
