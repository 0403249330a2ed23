-- Agreements: the three kinds, their parties and signatures, text, attachments, § 6-2 coverage,
-- version chain and lifecycle (DOMAIN.md sections 3-5, R1-R7).

-- § 6-2 minimum contents as dated reference data: eleven points from 2012, thirteen from 1 August 2022.
CREATE TABLE statutory_areas (
    number integer NOT NULL,
    title character varying(300) NOT NULL,
    valid_from date NOT NULL,
    valid_to date,
    CONSTRAINT pk_statutory_areas PRIMARY KEY (number)
);

INSERT INTO statutory_areas (number, title, valid_from) VALUES
    (1, 'Ansvars- og oppgavefordeling', '2012-01-01'),
    (2, 'Samarbeid ved innleggelse, utskrivning, habilitering, rehabilitering og lærings- og mestringstilbud', '2012-01-01'),
    (3, 'Innleggelse i sykehus', '2012-01-01'),
    (4, 'Døgnopphold for øyeblikkelig hjelp (§ 3-5)', '2012-01-01'),
    (5, 'Utskrivningsklare pasienter', '2012-01-01'),
    (6, 'Kunnskapsoverføring, informasjonsutveksling, faglige nettverk og hospitering', '2012-01-01'),
    (7, 'Forskning, utdanning, praksis og læretid', '2012-01-01'),
    (8, 'Jordmortjenester', '2012-01-01'),
    (9, 'IKT-løsninger lokalt', '2012-01-01'),
    (10, 'Forebygging', '2012-01-01'),
    (11, 'Beredskapsplaner og den akuttmedisinske kjeden', '2012-01-01'),
    (12, 'Planlegging og utvikling av tjenester', '2022-08-01'),
    (13, 'Tjenester til barn og unge med behov for sammensatte tjenester', '2022-08-01');

CREATE TABLE reference_counters (
    prefix character varying(4) NOT NULL,
    year integer NOT NULL,
    last_value integer NOT NULL,
    CONSTRAINT pk_reference_counters PRIMARY KEY (prefix, year)
);

CREATE TABLE agreements (
    id uuid NOT NULL,
    reference_number character varying(20) NOT NULL,
    version_number integer NOT NULL,
    previous_version_id uuid,
    change_summary character varying(4000),
    kind character varying(40) NOT NULL,
    status character varying(30) NOT NULL,
    title character varying(300) NOT NULL,
    language character varying(20) NOT NULL,
    valid_from date NOT NULL,
    valid_to date,
    next_review_date date,
    notice_period_months integer NOT NULL,
    level character varying(20),
    parent_agreement_id uuid,
    is_legally_binding boolean,
    replaces character varying(4000),
    meeting_frequency character varying(4000),
    contact_routines character varying(4000),
    compensation character varying(4000),
    rhf_informed_on date,
    practice_specialty character varying(100),
    practice_municipality_id uuid,
    practice_address character varying(200),
    practice_share_percent numeric(5,2),
    practice_hours_per_week numeric(5,2),
    practice_weeks_per_year integer,
    practice_staffing character varying(4000),
    practice_profile character varying(4000),
    practice_norm_figures character varying(4000),
    created_at timestamp with time zone NOT NULL,
    sent_for_signature_at timestamp with time zone,
    signed_on date,
    notice_given_by_party_id uuid,
    notice_given_by_name character varying(200),
    notice_given_on date,
    ends_on date,
    replaced_by_agreement_id uuid,
    replaced_on date,
    CONSTRAINT pk_agreements PRIMARY KEY (id),
    CONSTRAINT ck_agreements_kind CHECK (kind IN ('OperatingAgreement', 'SpecialistCooperationAgreement', 'MunicipalCooperationAgreement')),
    CONSTRAINT ck_agreements_status CHECK (status IN ('Draft', 'AwaitingSignature', 'Active', 'UnderNotice', 'Ended', 'Replaced')),
    CONSTRAINT ck_agreements_language CHECK (language IN ('Bokmal', 'Nynorsk')),
    CONSTRAINT ck_agreements_level CHECK (CASE WHEN kind = 'MunicipalCooperationAgreement' THEN level IN ('Overarching', 'Service', 'Supplementary') ELSE level IS NULL END),
    -- R4: level 2 and 3 hang under another agreement; R5: a level 3 states whether it binds.
    CONSTRAINT ck_agreements_parent CHECK (CASE WHEN level IN ('Service', 'Supplementary') THEN parent_agreement_id IS NOT NULL ELSE parent_agreement_id IS NULL END),
    CONSTRAINT ck_agreements_supplementary_binding CHECK (level IS DISTINCT FROM 'Supplementary' OR is_legally_binding IS NOT NULL),
    CONSTRAINT ck_agreements_valid_period CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CONSTRAINT ck_agreements_version CHECK (version_number >= 1 AND (version_number = 1) = (previous_version_id IS NULL)),
    CONSTRAINT ck_agreements_notice CHECK (status NOT IN ('UnderNotice') OR (notice_given_on IS NOT NULL AND ends_on IS NOT NULL)),
    CONSTRAINT ck_agreements_practice CHECK (practice_share_percent IS NULL OR practice_share_percent > 0 AND practice_share_percent <= 100),
    CONSTRAINT fk_agreements_agreements_parent_agreement_id FOREIGN KEY (parent_agreement_id) REFERENCES agreements (id) ON DELETE RESTRICT,
    CONSTRAINT fk_agreements_agreements_previous_version_id FOREIGN KEY (previous_version_id) REFERENCES agreements (id) ON DELETE RESTRICT,
    CONSTRAINT fk_agreements_agreements_replaced_by_agreement_id FOREIGN KEY (replaced_by_agreement_id) REFERENCES agreements (id) ON DELETE RESTRICT,
    CONSTRAINT fk_agreements_parties_notice_given_by_party_id FOREIGN KEY (notice_given_by_party_id) REFERENCES parties (id) ON DELETE RESTRICT,
    CONSTRAINT fk_agreements_parties_practice_municipality_id FOREIGN KEY (practice_municipality_id) REFERENCES parties (id) ON DELETE RESTRICT
);

CREATE TABLE agreement_parties (
    id uuid NOT NULL,
    agreement_id uuid NOT NULL,
    party_id uuid NOT NULL,
    role character varying(40) NOT NULL,
    signatory_name character varying(200),
    signatory_title character varying(200),
    signed_by_name character varying(200),
    signed_by_title character varying(200),
    signed_on date,
    signature_method character varying(20),
    signature_reference character varying(200),
    CONSTRAINT pk_agreement_parties PRIMARY KEY (id),
    CONSTRAINT ck_agreement_parties_role CHECK (role IN ('RegionalHealthAuthority', 'Specialist', 'SpecialistService', 'Municipality')),
    -- A signature is whole or absent.
    CONSTRAINT ck_agreement_parties_signature CHECK ((signed_by_name IS NULL) = (signed_on IS NULL) AND (signed_on IS NULL) = (signature_method IS NULL)),
    CONSTRAINT ck_agreement_parties_signature_method CHECK (signature_method IN ('Paper', 'Electronic')),
    CONSTRAINT fk_agreement_parties_agreements_agreement_id FOREIGN KEY (agreement_id) REFERENCES agreements (id) ON DELETE CASCADE,
    CONSTRAINT fk_agreement_parties_parties_party_id FOREIGN KEY (party_id) REFERENCES parties (id) ON DELETE RESTRICT
);

CREATE TABLE agreement_sections (
    id uuid NOT NULL,
    agreement_id uuid NOT NULL,
    position integer NOT NULL,
    heading character varying(300) NOT NULL,
    body character varying(100000) NOT NULL,
    CONSTRAINT pk_agreement_sections PRIMARY KEY (id),
    CONSTRAINT fk_agreement_sections_agreements_agreement_id FOREIGN KEY (agreement_id) REFERENCES agreements (id) ON DELETE CASCADE
);

CREATE TABLE agreement_cooperation_forms (
    agreement_id uuid NOT NULL,
    form character varying(40) NOT NULL,
    description character varying(4000),
    CONSTRAINT pk_agreement_cooperation_forms PRIMARY KEY (agreement_id, form),
    CONSTRAINT fk_agreement_cooperation_forms_agreements_agreement_id FOREIGN KEY (agreement_id) REFERENCES agreements (id) ON DELETE CASCADE
);

CREATE TABLE agreement_statutory_areas (
    agreement_id uuid NOT NULL,
    area_number integer NOT NULL,
    CONSTRAINT pk_agreement_statutory_areas PRIMARY KEY (agreement_id, area_number),
    CONSTRAINT fk_agreement_statutory_areas_agreements_agreement_id FOREIGN KEY (agreement_id) REFERENCES agreements (id) ON DELETE CASCADE,
    CONSTRAINT fk_agreement_statutory_areas_statutory_areas_area_number FOREIGN KEY (area_number) REFERENCES statutory_areas (number) ON DELETE RESTRICT
);

CREATE TABLE attachments (
    id uuid NOT NULL,
    agreement_id uuid NOT NULL,
    file_name character varying(255) NOT NULL,
    content_type character varying(100) NOT NULL,
    size_bytes bigint NOT NULL,
    sha256 character varying(64) NOT NULL,
    is_binding boolean NOT NULL,
    description character varying(4000),
    uploaded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_attachments PRIMARY KEY (id),
    CONSTRAINT fk_attachments_agreements_agreement_id FOREIGN KEY (agreement_id) REFERENCES agreements (id) ON DELETE CASCADE
);

CREATE TABLE attachment_contents (
    attachment_id uuid NOT NULL,
    bytes bytea NOT NULL,
    CONSTRAINT pk_attachment_contents PRIMARY KEY (attachment_id),
    CONSTRAINT fk_attachment_contents_attachments_attachment_id FOREIGN KEY (attachment_id) REFERENCES attachments (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_agreement_parties_agreement_id_party_id ON agreement_parties (agreement_id, party_id);
CREATE INDEX ix_agreement_parties_party_id ON agreement_parties (party_id);
CREATE INDEX ix_agreement_sections_agreement_id_position ON agreement_sections (agreement_id, position);
CREATE INDEX ix_agreement_statutory_areas_area_number ON agreement_statutory_areas (area_number);
CREATE INDEX ix_agreements_created_at ON agreements (created_at);
CREATE INDEX ix_agreements_ends_on ON agreements (ends_on);
CREATE INDEX ix_agreements_next_review_date ON agreements (next_review_date);
CREATE INDEX ix_agreements_notice_given_by_party_id ON agreements (notice_given_by_party_id);
CREATE INDEX ix_agreements_parent_agreement_id ON agreements (parent_agreement_id);
CREATE INDEX ix_agreements_practice_municipality_id ON agreements (practice_municipality_id);
CREATE INDEX ix_agreements_previous_version_id ON agreements (previous_version_id);
CREATE UNIQUE INDEX ix_agreements_reference_number_version_number ON agreements (reference_number, version_number);
CREATE INDEX ix_agreements_replaced_by_agreement_id ON agreements (replaced_by_agreement_id);
CREATE INDEX ix_agreements_status_kind ON agreements (status, kind);
CREATE INDEX ix_agreements_valid_from ON agreements (valid_from);
CREATE INDEX ix_attachments_agreement_id ON attachments (agreement_id);

-- Search by title ("fastlege" finds "Samarbeid med fastleger"), served like party names by trigrams.
CREATE INDEX ix_agreements_title_trgm ON agreements USING gin (lower(title) gin_trgm_ops);
CREATE INDEX ix_agreements_reference_number_trgm ON agreements USING gin (lower(reference_number) gin_trgm_ops);
