"""The scale benchmark: a synthetic-archive maker and a timed build at several sizes."""
