"""Partner countries, their program memberships and host-force benchmarks."""
