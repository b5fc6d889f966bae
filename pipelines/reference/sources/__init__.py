"""Build step of the reference tables (reads the world list; never imported at run time)."""
