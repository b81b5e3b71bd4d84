"""Programs: GPOI, IMET, CWD, GDRP and any an admin adds."""
