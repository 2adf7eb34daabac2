"""Learned components of zfxxgk, each trained in-project by a script beside it (see README.md)."""
