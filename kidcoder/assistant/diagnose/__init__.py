"""Diagnosis of a child's program: one module per error family, found through a registry."""
