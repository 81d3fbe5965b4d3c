"""A local stand-in for the CBD Clearing-House and a Bioland site: a demo and test tool, not part of the app's core."""
