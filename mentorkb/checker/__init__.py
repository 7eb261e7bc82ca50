"""The criteria checker's scoring, shared by the command line and (as test vectors) the browser page."""
