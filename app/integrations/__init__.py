"""Integrations with other systems: the IATI 2.03 export."""
