"""Built-in checkers. Each is a plugin module registered under the ``gkrules`` entry-point
group exactly like a third-party checker."""
