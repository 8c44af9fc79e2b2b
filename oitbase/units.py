"""A unit of the register (one government unit and its website) and the key that keeps its identity.

A unit is known by its ``code`` (the register's unit code) and keeps it when its website moves. Without a code, two
addresses are the same unit when their :func:`url_key` is equal: the scheme, a leading ``www.``, the port of the
scheme, a trailing slash and a trailing index file (``index.php``, ``home.html`` …) do not matter. A URL the unit's
site redirects to is recorded as one of its addresses, so a check of the new address finds the same unit.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from oitbase.unitkey import url_key

__all__ = ["Unit", "url_key"]


class Unit(BaseModel):
    """One row of the units register (``oit units import``)."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(description="The unit's code in the register (e.g. DLA's 7-digit code); its identity.")
    name: str = Field("", description="Thai name of the unit.")
    url: str = Field(description="The unit's website as the register gives it.")
    type: str = Field("", description="lao, agency, or a sector scheme (ovec …); empty: the catalog's first.")
    province: str = Field("", description="Province (จังหวัด).")
    parent: str = Field("", description="The body the unit reports to (e.g. อำเภอ, กรม, สำนักงานเขต).")
    year: int | None = Field(None, description="Fiscal year to check (พ.ศ.); empty: the year under way.")
    catalog: str = Field("", description="Catalog id or file; empty: the year's catalog.")
    email: str = Field("", description="Where regression alerts for this unit are e-mailed (comma-separated).")
    webhook: str = Field("", description="URL that regression alerts for this unit are POSTed to (JSON).")

    @property
    def key(self) -> str:
        return url_key(self.url)
