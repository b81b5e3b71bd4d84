"""The PM Bureau's WPS fact sheet, regenerated from the records: its figures, what moved them
between two dates, and the printable page's data."""
