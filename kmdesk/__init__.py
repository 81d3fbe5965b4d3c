"""kmdesk: an offline knowledge store for traditional knowledge, practices and resources,
with FPIC consent enforced by code and encryption, and sync to the CBD Clearing-House."""

__version__ = "0.1.0"
