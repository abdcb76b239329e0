"""Finding filters: they only ever suppress findings, each time with a reason."""
