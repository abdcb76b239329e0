"""gkrules plugin of the 澜江省 statistics bureau (an invented province used as the worked example
of a provincial plugin): the ``lanjiang`` rule set and the ``lanjiang-data-status`` checker."""

__version__ = "0.1.0"
