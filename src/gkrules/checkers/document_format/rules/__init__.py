"""The rules of document-format, one module each."""

from .annotation import Annotation
from .doc_number import DocNumber
from .formed_date import FormedDate

RULES = (DocNumber, FormedDate, Annotation)

__all__ = ["RULES", "Annotation", "DocNumber", "FormedDate"]
