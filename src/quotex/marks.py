"""Quotation marks, shared by the boilerplate, paragraph and quotation stages."""

from __future__ import annotations

# each opening mark with the marks that may close it, and each closing mark with its openers
OPENERS = {"«": "»", "“": "”", "„": "“”", "‹": "›", '"': '"'}
CLOSERS = {"»": "«", "”": "“„", "“": "„", "›": "‹"}
