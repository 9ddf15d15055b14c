"""The steps of the plan builder, in the order a leader works through them."""
