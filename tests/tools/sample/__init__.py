"""Deterministic generator of the Liaocheng sample data (synthetic layers on real boundaries)."""
