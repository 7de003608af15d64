"""realpolitik: geopolitical news in, CAMEO-coded, sourced, dated, geolocated event data out.

Stages, in the one direction data flows: ingest -> nlp -> actors -> events -> when/where -> coder -> store
-> analysis -> export/batch/cli. Import the public entry points from their stage modules.
"""

__version__ = "0.1.0"
