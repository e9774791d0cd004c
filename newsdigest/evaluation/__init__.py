"""`newsdigest eval …`: quality measured on ../shared data, next to baselines."""
