"""Presentation: models in, HTML strings and reply markup out."""
