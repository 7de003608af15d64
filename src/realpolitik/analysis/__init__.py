"""Analysis of the store: deduplicated events, relations over time (dyads) and the actor network."""

from .dedup import busiest, clusters, mentions, recluster
from .dyads import compare_series, dyad_series, gdelt_series, plot_series
from .network import alignment_shift, build_graph, edges, summary, write_graph

__all__ = ["clusters", "mentions", "busiest", "recluster", "dyad_series", "gdelt_series", "compare_series",
           "plot_series", "edges", "build_graph", "summary", "alignment_shift", "write_graph"]
