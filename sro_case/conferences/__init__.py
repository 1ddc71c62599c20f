"""Team conferences: capturing a conference into the case file, and the case documents
(conference protocol, § 36 help plan) rendered from what was captured."""
