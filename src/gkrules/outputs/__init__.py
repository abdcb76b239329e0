"""Formatters: JSON (the report contract), SARIF 2.1.0, readable Chinese text."""
