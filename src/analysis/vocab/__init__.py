"""The vocabulary of the data: periods, regions, units and industries, shared by every layer."""
