"""The open export of the whole database (and its import): every table in documented CSV,
for moving to another system."""
