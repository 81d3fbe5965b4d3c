"""The library on disk: engine, schema, migrations, records, files, backups and the read-only reader."""
