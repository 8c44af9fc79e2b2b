"""The SQLite store: every table, query and migration of a check's data lives here (``storage.store``)."""
