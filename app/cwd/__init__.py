"""CWD teams (demining, survey, risk education, stockpile management) and their rosters."""
