"""PySide6 desktop client. Talks only to the facade (sro_case.app, .local, .documents); never imports SQLAlchemy.

Source strings are German (the default language) and go through ``self.tr()`` so that the
English translation in ``resources/translations`` can replace them.
"""
