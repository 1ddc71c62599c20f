"""The small kernel under every feature: the unit of work (an unlocked database, its
transactions, the signed-in user and role checks), the hash-chained audit entries, and the
mapping of database records to the frozen views of ``sro_case.domain.models``."""
