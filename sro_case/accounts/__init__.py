"""Who may open the database: users and roles, their key slots and passphrases, the recovery
key and its sheet, renewing the database key, and where the file may lie."""
