"""Fristen: due reviews, ending helps and consents running out, for the signed-in worker."""
