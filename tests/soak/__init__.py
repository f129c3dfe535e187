"""The soak: real processes on one store for a while, with faults, then the store's invariants checked."""
