"""Domain: enums, catalogues, plain dataclasses and validation. No I/O except reading catalogues."""
