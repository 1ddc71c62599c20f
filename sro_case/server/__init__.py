"""The team server (#17): the same case management for a whole city on PostgreSQL, with
need-to-know enforced by the server and, underneath, by PostgreSQL's row-level security.

``database`` opens PostgreSQL as the server's role; ``setup`` creates a team database
(``sro-case server init``); ``accounts`` signs people in (Argon2id, hashed session tokens,
throttling); ``service`` is what a signed-in person may do; ``api`` serves it over HTTP
(``sro-case server run``).
"""
