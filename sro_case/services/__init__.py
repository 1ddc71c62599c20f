"""The use cases on the encrypted file of this PC: one service per feature over the one
``Store`` (unit of work, audit, permissions). Front ends reach them through the facade
``sro_case.app`` (the ``Store`` is its in-process implementation)."""
