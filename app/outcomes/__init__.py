"""The four WPS outcomes of the Department of State, their indicators, targets and results."""
