"""Mentoring for newcomers knowledge base: content model, validation and build pipeline."""
