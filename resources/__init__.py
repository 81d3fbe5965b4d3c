"""The data kmdesk ships (vocabularies, demo library, icons). Installed as the package
``kmdesk.resources`` (``package-dir`` in pyproject.toml) and read through importlib.resources:
``kmdesk.core.paths.resource``."""
