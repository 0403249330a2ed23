-- Deviations (samhandlingsavvik, R22, R24–R26) and disputes about interpreting the agreements (R23).
-- No column holds a patient's identity: the reporter's own avvik system keeps it, and a deviation
-- carries that system's case reference instead (R24). Free text is checked for fødselsnummer and
-- D-nummer before it reaches these tables.

-- Case numbers (AVVIK-2026-0001, TVIST-2026-0001) come from the same counters as agreements.
ALTER TABLE reference_counters ALTER COLUMN prefix TYPE character varying(8);

-- R26: the agreed discharge hours are terms of a tjenesteavtale; all four set or none.
-- R23: whether the agreement makes a dispute body's statement binding (seed 004) or advisory (seed 003).
ALTER TABLE agreements
    ADD COLUMN discharge_weekday_from time without time zone,
    ADD COLUMN discharge_weekday_to time without time zone,
    ADD COLUMN discharge_holiday_from time without time zone,
    ADD COLUMN discharge_holiday_to time without time zone,
    ADD COLUMN dispute_statements_binding boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT ck_agreements_discharge_hours CHECK (
        (discharge_weekday_from IS NULL AND discharge_weekday_to IS NULL AND discharge_holiday_from IS NULL AND discharge_holiday_to IS NULL)
        OR (discharge_weekday_from < discharge_weekday_to AND discharge_holiday_from < discharge_holiday_to));

-- The access log names case views too: either an agreement (with its version) or a case.
ALTER TABLE access_log
    ALTER COLUMN agreement_id DROP NOT NULL,
    ALTER COLUMN version_number DROP NOT NULL,
    ADD COLUMN case_kind character varying(10),
    ADD COLUMN case_id uuid,
    ADD CONSTRAINT ck_access_log_subject CHECK (
        (agreement_id IS NOT NULL AND version_number IS NOT NULL AND case_id IS NULL AND case_kind IS NULL)
        OR (agreement_id IS NULL AND version_number IS NULL AND case_id IS NOT NULL AND case_kind IN ('Avvik', 'Tvist')));
CREATE INDEX ix_access_log_case_id_occurred_at ON access_log (case_id, occurred_at);

CREATE TABLE deviations (
    id uuid NOT NULL,
    case_number character varying(20) NOT NULL,
    reporting_party_id uuid NOT NULL,
    other_party_id uuid NOT NULL,
    agreement_id uuid NOT NULL,
    statutory_area_number integer,
    category character varying(60) NOT NULL,
    occurred_at timestamp without time zone NOT NULL,
    title character varying(200) NOT NULL,
    description character varying(4000) NOT NULL,
    reporter_case_reference character varying(60) NOT NULL,
    outside_agreed_hours boolean,
    status character varying(50) NOT NULL,
    reported_at timestamp with time zone NOT NULL,
    reported_by_user_id uuid,
    reported_by_name character varying(200) NOT NULL,
    sent_at timestamp with time zone,
    answer_due_on date,
    answered_at timestamp with time zone,
    answered_on date,
    explanation character varying(4000),
    measures character varying(4000),
    escalated_at timestamp with time zone,
    recommendation character varying(4000),
    closed_at timestamp with time zone,
    CONSTRAINT pk_deviations PRIMARY KEY (id),
    CONSTRAINT fk_deviations_parties_reporting_party_id FOREIGN KEY (reporting_party_id) REFERENCES parties (id) ON DELETE RESTRICT,
    CONSTRAINT fk_deviations_parties_other_party_id FOREIGN KEY (other_party_id) REFERENCES parties (id) ON DELETE RESTRICT,
    CONSTRAINT fk_deviations_agreements_agreement_id FOREIGN KEY (agreement_id) REFERENCES agreements (id) ON DELETE RESTRICT,
    CONSTRAINT ck_deviations_parties_differ CHECK (reporting_party_id <> other_party_id),
    CONSTRAINT ck_deviations_statutory_area_number CHECK (statutory_area_number BETWEEN 1 AND 13),
    CONSTRAINT ck_deviations_category CHECK (category IN ('DischargeWithoutEpicrisisAndMedicationList', 'DischargeOutsideAgreedHours',
        'Admission', 'InformationExchange', 'Ict', 'Medication', 'Other')),
    CONSTRAINT ck_deviations_status CHECK (status IN ('Registered', 'SentToOtherParty', 'Answered', 'Closed', 'SentToMunicipalityAndSpecialistService')),
    CONSTRAINT ck_deviations_occurred_at CHECK (occurred_at >= TIMESTAMP '1900-01-01 00:00' AND occurred_at < TIMESTAMP '2200-01-01 00:00'),
    CONSTRAINT ck_deviations_sent CHECK ((sent_at IS NULL) = (answer_due_on IS NULL)),
    CONSTRAINT ck_deviations_answered CHECK ((answered_at IS NULL) = (answered_on IS NULL)
        AND (answered_at IS NULL OR (explanation IS NOT NULL AND measures IS NOT NULL))),
    CONSTRAINT ck_deviations_closed CHECK ((status = 'Closed') = (closed_at IS NOT NULL))
);
CREATE UNIQUE INDEX ix_deviations_case_number ON deviations (case_number);
CREATE INDEX ix_deviations_reporting_party_id_occurred_at ON deviations (reporting_party_id, occurred_at);
CREATE INDEX ix_deviations_other_party_id_occurred_at ON deviations (other_party_id, occurred_at);
CREATE INDEX ix_deviations_agreement_id ON deviations (agreement_id);
CREATE INDEX ix_deviations_occurred_at ON deviations (occurred_at);
CREATE INDEX ix_deviations_status_answer_due_on ON deviations (status, answer_due_on);

CREATE TABLE deviation_events (
    id uuid NOT NULL,
    deviation_id uuid NOT NULL,
    status character varying(50) NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    actor_user_id uuid,
    actor_name character varying(200) NOT NULL,
    comment character varying(4000),
    CONSTRAINT pk_deviation_events PRIMARY KEY (id),
    CONSTRAINT fk_deviation_events_deviations_deviation_id FOREIGN KEY (deviation_id) REFERENCES deviations (id) ON DELETE CASCADE,
    CONSTRAINT ck_deviation_events_status CHECK (status IN ('Registered', 'SentToOtherParty', 'Answered', 'Closed', 'SentToMunicipalityAndSpecialistService'))
);
CREATE INDEX ix_deviation_events_deviation_id_occurred_at ON deviation_events (deviation_id, occurred_at);

CREATE TABLE disputes (
    id uuid NOT NULL,
    case_number character varying(20) NOT NULL,
    raising_party_id uuid NOT NULL,
    other_party_id uuid NOT NULL,
    agreement_id uuid NOT NULL,
    title character varying(200) NOT NULL,
    question character varying(4000) NOT NULL,
    current_step character varying(40) NOT NULL,
    raised_at timestamp with time zone NOT NULL,
    raised_by_user_id uuid,
    raised_by_name character varying(200) NOT NULL,
    resolved_at timestamp with time zone,
    resolution character varying(4000),
    loss_claim_amount numeric(14,2),
    loss_claim_description character varying(2000),
    loss_claimed_on date,
    CONSTRAINT pk_disputes PRIMARY KEY (id),
    CONSTRAINT fk_disputes_parties_raising_party_id FOREIGN KEY (raising_party_id) REFERENCES parties (id) ON DELETE RESTRICT,
    CONSTRAINT fk_disputes_parties_other_party_id FOREIGN KEY (other_party_id) REFERENCES parties (id) ON DELETE RESTRICT,
    CONSTRAINT fk_disputes_agreements_agreement_id FOREIGN KEY (agreement_id) REFERENCES agreements (id) ON DELETE RESTRICT,
    CONSTRAINT ck_disputes_parties_differ CHECK (raising_party_id <> other_party_id),
    CONSTRAINT ck_disputes_current_step CHECK (current_step IN ('ServiceLevel', 'DisagreementProtocol', 'StrategicCommittee', 'NationalDisputeBoard')),
    CONSTRAINT ck_disputes_resolved CHECK ((resolved_at IS NULL) = (resolution IS NULL)),
    CONSTRAINT ck_disputes_loss_claim CHECK (
        (loss_claim_amount IS NULL AND loss_claim_description IS NULL AND loss_claimed_on IS NULL)
        OR (loss_claim_amount > 0 AND loss_claim_description IS NOT NULL AND loss_claimed_on IS NOT NULL))
);
CREATE UNIQUE INDEX ix_disputes_case_number ON disputes (case_number);
CREATE INDEX ix_disputes_raising_party_id ON disputes (raising_party_id);
CREATE INDEX ix_disputes_other_party_id ON disputes (other_party_id);
CREATE INDEX ix_disputes_agreement_id ON disputes (agreement_id);

CREATE TABLE dispute_steps (
    id uuid NOT NULL,
    dispute_id uuid NOT NULL,
    step character varying(40) NOT NULL,
    entered_at timestamp with time zone NOT NULL,
    actor_user_id uuid,
    actor_name character varying(200) NOT NULL,
    comment character varying(4000),
    agenda_item_id uuid,
    statement character varying(4000),
    statement_force character varying(20),
    statement_given_on date,
    CONSTRAINT pk_dispute_steps PRIMARY KEY (id),
    CONSTRAINT fk_dispute_steps_disputes_dispute_id FOREIGN KEY (dispute_id) REFERENCES disputes (id) ON DELETE CASCADE,
    CONSTRAINT fk_dispute_steps_agenda_items_agenda_item_id FOREIGN KEY (agenda_item_id) REFERENCES agenda_items (id) ON DELETE RESTRICT,
    CONSTRAINT ck_dispute_steps_step CHECK (step IN ('ServiceLevel', 'DisagreementProtocol', 'StrategicCommittee', 'NationalDisputeBoard')),
    CONSTRAINT ck_dispute_steps_agenda_item CHECK ((step = 'StrategicCommittee') = (agenda_item_id IS NOT NULL)),
    CONSTRAINT ck_dispute_steps_statement CHECK (
        (statement IS NULL AND statement_force IS NULL AND statement_given_on IS NULL)
        OR (statement IS NOT NULL AND statement_force IN ('Advisory', 'Binding') AND statement_given_on IS NOT NULL
            AND step IN ('StrategicCommittee', 'NationalDisputeBoard')))
);
CREATE UNIQUE INDEX ix_dispute_steps_dispute_id_step ON dispute_steps (dispute_id, step);
CREATE INDEX ix_dispute_steps_agenda_item_id ON dispute_steps (agenda_item_id);
