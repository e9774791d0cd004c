"""newsdigest: turn raw news dumps into a daily, country-grouped digest (offline NLP, no LLM)."""

__version__ = "0.1.0"
