"""The overlay engine: layers read once into shapely 2 arrays, indexed, repaired, measured and overlaid."""
