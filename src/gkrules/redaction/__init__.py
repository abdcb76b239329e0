"""Redaction of the formats bureaus publish (docx, xlsx, PDF) — see :mod:`gkrules.redact`
for the entry points, the report and the text formats."""
