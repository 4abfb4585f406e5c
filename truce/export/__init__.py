"""Exports of resolved incidents to the formats analysts already use.

    ACLED     CSV with ACLED's column names (event_date, time_precision, event_type, actor1, inter1 …)
    UCDP      CSV with UCDP GED's column names (date_start, date_end, date_prec, where_prec, best …)
    PLOVER    JSON lines in the PLOVER/POLECAT event shape (event_type, mode, actor, recipient …)
    GeoJSON   a FeatureCollection of incidents that have coordinates

Each function takes incidents and a mapping of article id to ``Article`` (for outlets and URLs) and
writes to a text stream. Values the pipeline could not fill stay empty; nothing is invented. A
place that every report only guesses (``location_basis`` "mentioned") is exported as near it
(ACLED geo_precision and UCDP where_prec at least 2) and flagged in PLOVER and GeoJSON.
"""

from truce.export.formats import FORMATS, export_incidents

__all__ = ["FORMATS", "export_incidents"]
