"""Feasibility of every pledge: forecasts and their backtests, detectability, delivery from
reference classes, dated evidence, the status rules, and `verdict`, the one place a status is
assembled. Results are written to data/processed/results/."""
