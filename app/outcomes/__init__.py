"""The four WPS outcomes of the Department of State (and, later, their indicators)."""
