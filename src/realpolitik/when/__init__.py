"""When: an event's own date, read from its sentence against the article's publication date."""

from .dates import NEWS_WINDOW_DAYS, DateMention, DateResolver, is_background, mark_historical

__all__ = ["NEWS_WINDOW_DAYS", "DateMention", "DateResolver", "is_background", "mark_historical"]
