//! Money amounts and percentages.
