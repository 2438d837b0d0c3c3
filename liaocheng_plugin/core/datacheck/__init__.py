"""数据体检: the input check run before every check (CRS, codes, KCXS, encodings, geometries)."""
