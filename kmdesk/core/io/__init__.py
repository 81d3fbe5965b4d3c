"""Importers and exporters, one module per format, around one pipeline (``importer``) and one
export door (``exporter``) so that every format gets the same preview, column mapping,
duplicate handling, row-by-row report, access rules and audit."""
