"""Funding: obligations and disbursements by program, fiscal year, partner and purpose."""
