"""The rules of hidden-content, one module each."""

from .author_property import AuthorProperty
from .comment import Comment
from .embedded_object import EmbeddedObject
from .hidden_rows_columns import HiddenRowsColumns
from .hidden_sheet import HiddenSheet
from .hidden_text import HiddenText
from .tracked_deletion import TrackedDeletion
from .tracked_insertion import TrackedInsertion

RULES = (TrackedDeletion, TrackedInsertion, HiddenText, Comment, HiddenSheet, HiddenRowsColumns, EmbeddedObject,
         AuthorProperty)

__all__ = ["RULES", "AuthorProperty", "Comment", "EmbeddedObject", "HiddenRowsColumns", "HiddenSheet", "HiddenText",
           "TrackedDeletion", "TrackedInsertion"]
