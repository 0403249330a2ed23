-- Agreements ending within a horizon (the deadlines page) look up valid_to; most agreements have none.
CREATE INDEX ix_agreements_valid_to ON agreements (valid_to) WHERE valid_to IS NOT NULL;
