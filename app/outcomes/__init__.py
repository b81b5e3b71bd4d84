"""The four WPS outcomes of the Department of State, as the fact sheet words them."""
