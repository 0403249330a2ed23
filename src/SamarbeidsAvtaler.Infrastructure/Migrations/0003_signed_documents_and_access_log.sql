-- Signed agreement PDFs kept byte for byte, and the access log of agreement views and downloads.

CREATE TABLE signed_documents (
    agreement_id uuid NOT NULL,
    pdf bytea NOT NULL,
    pdf_sha256 character varying(64) NOT NULL,
    content_sha256 character varying(64) NOT NULL,
    signed_on date NOT NULL,
    rendered_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_signed_documents PRIMARY KEY (agreement_id),
    CONSTRAINT fk_signed_documents_agreements_agreement_id FOREIGN KEY (agreement_id) REFERENCES agreements (id) ON DELETE RESTRICT,
    CONSTRAINT ck_signed_documents_sha256 CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$' AND content_sha256 ~ '^[0-9a-f]{64}$')
);

CREATE UNIQUE INDEX ix_signed_documents_pdf_sha256 ON signed_documents (pdf_sha256);

-- A signed document never changes: the first rendering is the one that counts.
CREATE FUNCTION signed_documents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'signed_documents is immutable: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER signed_documents_no_update_or_delete
    BEFORE UPDATE OR DELETE ON signed_documents
    FOR EACH ROW EXECUTE FUNCTION signed_documents_immutable();

CREATE TABLE access_log (
    id bigint GENERATED ALWAYS AS IDENTITY,
    occurred_at timestamp with time zone NOT NULL,
    user_id uuid,
    user_name character varying(200) NOT NULL,
    agreement_id uuid NOT NULL,
    reference_number character varying(20) NOT NULL,
    version_number integer NOT NULL,
    action character varying(40) NOT NULL,
    CONSTRAINT pk_access_log PRIMARY KEY (id)
);

CREATE INDEX ix_access_log_agreement_id_occurred_at ON access_log (agreement_id, occurred_at);
CREATE INDEX ix_access_log_occurred_at ON access_log (occurred_at);
CREATE INDEX ix_access_log_user_id_occurred_at ON access_log (user_id, occurred_at);

-- The access log is append-only, like the audit trail.
CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$;

CREATE TRIGGER access_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION append_only();
