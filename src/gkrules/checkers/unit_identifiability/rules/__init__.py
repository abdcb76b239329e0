"""The rules of unit-identifiability, one module each (in the order of the docs' table)."""

from .contributions_unmatched import ContributionsUnmatched
from .cross_table_differencing import CrossTableDifferencing
from .dominance import Dominance
from .exclusion import Exclusion
from .group_attribute import GroupAttribute
from .named_unit import NamedUnit
from .named_unit_public import NamedUnitPublic
from .narrow_interval import NarrowInterval
from .negative_contributions import NegativeContributions
from .recoverable_suppression import RecoverableSuppression
from .singleton_pair import SingletonPair
from .small_cell import SmallCell
from .small_cell_review import SmallCellReview
from .small_count_mention import SmallCountMention
from .small_count_text import SmallCountText
from .table_not_understood import TableNotUnderstood
from .top_n_list import TopNList
from .top_n_names import TopNNames

RULES = (SmallCell, SmallCellReview, Dominance, NamedUnit, NamedUnitPublic, SmallCountText, SmallCountMention,
         TopNList, TopNNames, Exclusion, GroupAttribute, RecoverableSuppression, NarrowInterval,
         CrossTableDifferencing, SingletonPair, NegativeContributions, TableNotUnderstood, ContributionsUnmatched)

__all__ = ["RULES", "ContributionsUnmatched", "CrossTableDifferencing", "Dominance", "Exclusion", "GroupAttribute",
           "NamedUnit", "NamedUnitPublic", "NarrowInterval", "NegativeContributions", "RecoverableSuppression",
           "SingletonPair", "SmallCell", "SmallCellReview", "SmallCountMention", "SmallCountText",
           "TableNotUnderstood", "TopNList", "TopNNames"]
