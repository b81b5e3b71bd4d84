"""GDRP: advisory engagements with partner institutions and the policy milestones partners adopt."""
