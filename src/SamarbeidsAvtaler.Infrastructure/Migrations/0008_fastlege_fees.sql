-- The fastlege fee of R21 (seed 001): dated honorarsatser as reference data, and claims per fastlege
-- and period to the kommune that pays, with their activities. A finalised claim keeps, per line, the
-- rate, multiplier, started half hours and amount it was finalised with.

CREATE TABLE fee_rates (
    id uuid NOT NULL,
    valid_from date NOT NULL,
    hourly_rate numeric(10,2) NOT NULL,
    note character varying(500),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_fee_rates PRIMARY KEY (id),
    CONSTRAINT ck_fee_rates_hourly_rate CHECK (hourly_rate > 0 AND hourly_rate <= 10000),
    CONSTRAINT ck_fee_rates_valid_from CHECK (valid_from BETWEEN DATE '1900-01-01' AND DATE '2199-12-31')
);
CREATE UNIQUE INDEX ix_fee_rates_valid_from ON fee_rates (valid_from);

-- Seed 001, «Godtgjøring til oppnevnte fastleger»: the rate when the seed was written.
INSERT INTO fee_rates (id, valid_from, hourly_rate, note, created_at) VALUES
    ('01900000-0000-7000-8000-000000000880', DATE '2020-01-01', 880.00,
     'Veilederen for samarbeidsavtaler (seed 001), «Godtgjøring til oppnevnte fastleger»: «honorarsatsen i rammeavtalen pkt. 12.5 (per i dag 880 kroner per time)».',
     now());

CREATE TABLE fee_claims (
    id uuid NOT NULL,
    person_id uuid NOT NULL,
    paying_municipality_party_id uuid NOT NULL,
    period_from date NOT NULL,
    period_to date NOT NULL,
    status character varying(20) NOT NULL,
    finalised_on date,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_fee_claims PRIMARY KEY (id),
    CONSTRAINT fk_fee_claims_persons_person_id FOREIGN KEY (person_id) REFERENCES persons (id) ON DELETE RESTRICT,
    CONSTRAINT fk_fee_claims_parties_paying_municipality_party_id FOREIGN KEY (paying_municipality_party_id) REFERENCES parties (id) ON DELETE RESTRICT,
    CONSTRAINT ck_fee_claims_status CHECK (status IN ('Draft', 'Finalised')),
    CONSTRAINT ck_fee_claims_period CHECK (period_to >= period_from AND period_from >= DATE '1900-01-01' AND period_to <= DATE '2199-12-31'),
    CONSTRAINT ck_fee_claims_finalised CHECK ((status = 'Finalised') = (finalised_on IS NOT NULL))
);
CREATE INDEX ix_fee_claims_person_id_period_from ON fee_claims (person_id, period_from);
CREATE INDEX ix_fee_claims_paying_municipality_party_id_period_from ON fee_claims (paying_municipality_party_id, period_from);
CREATE INDEX ix_fee_claims_period_from ON fee_claims (period_from);

CREATE TABLE fee_claim_activities (
    id uuid NOT NULL,
    claim_id uuid NOT NULL,
    kind character varying(40) NOT NULL,
    starts_at timestamp without time zone NOT NULL,
    ends_at timestamp without time zone NOT NULL,
    inside_office_hours boolean NOT NULL,
    chosen_multiplier integer,
    description character varying(500),
    meeting_id uuid,
    created_at timestamp with time zone NOT NULL,
    frozen_rate_valid_from date,
    frozen_hourly_rate numeric(10,2),
    frozen_multiplier integer,
    frozen_started_half_hours integer,
    frozen_amount numeric(12,2),
    CONSTRAINT pk_fee_claim_activities PRIMARY KEY (id),
    CONSTRAINT fk_fee_claim_activities_fee_claims_claim_id FOREIGN KEY (claim_id) REFERENCES fee_claims (id) ON DELETE CASCADE,
    CONSTRAINT fk_fee_claim_activities_meetings_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE SET NULL,
    CONSTRAINT ck_fee_claim_activities_kind CHECK (kind IN ('Meeting', 'PreparatoryMeeting', 'Travel', 'CasePreparation')),
    CONSTRAINT ck_fee_claim_activities_time CHECK (ends_at > starts_at AND ends_at <= starts_at + interval '25 hours'
        AND starts_at >= TIMESTAMP '1900-01-01 00:00' AND ends_at < TIMESTAMP '2200-01-01 00:00'),
    CONSTRAINT ck_fee_claim_activities_chosen_multiplier CHECK (chosen_multiplier IN (1, 2)),
    CONSTRAINT ck_fee_claim_activities_frozen CHECK (
        (frozen_amount IS NULL AND frozen_hourly_rate IS NULL AND frozen_multiplier IS NULL AND frozen_started_half_hours IS NULL AND frozen_rate_valid_from IS NULL)
        OR (frozen_amount >= 0 AND frozen_hourly_rate > 0 AND frozen_multiplier IN (1, 2) AND frozen_started_half_hours >= 1 AND frozen_rate_valid_from IS NOT NULL))
);
CREATE INDEX ix_fee_claim_activities_claim_id_starts_at ON fee_claim_activities (claim_id, starts_at);
CREATE INDEX ix_fee_claim_activities_meeting_id ON fee_claim_activities (meeting_id);
