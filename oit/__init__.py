"""OIT self-check: check a Thai government unit's website against NACC's ITA/OIT items."""

__version__ = "0.1.0"
