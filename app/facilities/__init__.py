"""Training centers and GPOI's gender-inclusive facility upgrades at them."""
