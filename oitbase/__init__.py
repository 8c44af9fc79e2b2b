"""The base layer: Thai text (``thai``, ``thai_repair``, ``thaidates``), document extraction (``extract``), the
report model (``model``) and fetch-failure wording (``fetch_errors``). It imports nothing else of this project, and
every other package may import it."""

__version__ = "0.1.0"
