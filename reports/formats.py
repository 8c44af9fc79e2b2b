"""The report formats (kept apart so that the CLI can list them without loading the renderers)."""

FORMATS = ("html", "json", "md", "csv")
