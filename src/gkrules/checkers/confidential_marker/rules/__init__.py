"""The rules of confidential-marker, one module each."""

from .fenhao_without_mark import FenhaoWithoutMark
from .internal_label import InternalLabel
from .secrecy_mark import SecrecyMark

RULES = (SecrecyMark, FenhaoWithoutMark, InternalLabel)

__all__ = ["RULES", "FenhaoWithoutMark", "InternalLabel", "SecrecyMark"]
