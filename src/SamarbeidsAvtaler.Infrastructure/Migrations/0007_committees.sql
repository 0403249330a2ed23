-- The helsefellesskap's cooperation structure (seed 004 § 5, DOMAIN.md R15-R20): persons, bodies
-- with their areas, seat quotas and yearly leadership, memberships, meetings with agenda items,
-- documents, attendance and minutes.

CREATE TABLE persons (
    id uuid NOT NULL,
    name character varying(200) NOT NULL,
    title character varying(200),
    organisation_party_id uuid,
    email character varying(254),
    phone character varying(30),
    gp_employment character varying(20),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_persons PRIMARY KEY (id),
    CONSTRAINT fk_persons_parties_organisation_party_id FOREIGN KEY (organisation_party_id) REFERENCES parties (id) ON DELETE RESTRICT,
    CONSTRAINT ck_persons_gp_employment CHECK (gp_employment IN ('SelfEmployed', 'Salaried'))
);
CREATE INDEX ix_persons_name ON persons (name);
CREATE INDEX ix_persons_organisation_party_id ON persons (organisation_party_id);

CREATE TABLE committees (
    id uuid NOT NULL,
    name character varying(200) NOT NULL,
    short_name character varying(20) NOT NULL,
    kind character varying(40) NOT NULL,
    overarching_agreement_id uuid NOT NULL,
    mandate character varying(4000),
    tasks character varying(4000),
    appointed_by character varying(200),
    appointed_by_committee_id uuid,
    reports_to_committee_id uuid,
    term_years integer NOT NULL,
    requires_personal_deputies boolean NOT NULL,
    wound_up_on date,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_committees PRIMARY KEY (id),
    CONSTRAINT fk_committees_agreements_overarching_agreement_id FOREIGN KEY (overarching_agreement_id) REFERENCES agreements (id) ON DELETE RESTRICT,
    CONSTRAINT fk_committees_committees_appointed_by_committee_id FOREIGN KEY (appointed_by_committee_id) REFERENCES committees (id) ON DELETE RESTRICT,
    CONSTRAINT fk_committees_committees_reports_to_committee_id FOREIGN KEY (reports_to_committee_id) REFERENCES committees (id) ON DELETE RESTRICT,
    CONSTRAINT ck_committees_kind CHECK (kind IN ('PartnershipMeeting', 'StrategicCommittee', 'AreaCommittee', 'ProfessionalCommittee', 'Secretariat', 'SpecialistCouncil')),
    CONSTRAINT ck_committees_term_years CHECK (term_years BETWEEN 1 AND 10),
    CONSTRAINT ck_committees_wound_up_on CHECK (wound_up_on IS NULL OR wound_up_on BETWEEN DATE '1900-01-01' AND DATE '2199-12-31')
);
CREATE UNIQUE INDEX ix_committees_overarching_agreement_id_name ON committees (overarching_agreement_id, name);
CREATE INDEX ix_committees_appointed_by_committee_id ON committees (appointed_by_committee_id);
CREATE INDEX ix_committees_reports_to_committee_id ON committees (reports_to_committee_id);

CREATE TABLE committee_area_municipalities (
    committee_id uuid NOT NULL,
    municipality_id uuid NOT NULL,
    CONSTRAINT pk_committee_area_municipalities PRIMARY KEY (committee_id, municipality_id),
    CONSTRAINT fk_committee_area_municipalities_committees_committee_id FOREIGN KEY (committee_id) REFERENCES committees (id) ON DELETE CASCADE,
    CONSTRAINT fk_committee_area_municipalities_parties_municipality_id FOREIGN KEY (municipality_id) REFERENCES parties (id) ON DELETE RESTRICT
);
CREATE INDEX ix_committee_area_municipalities_municipality_id ON committee_area_municipalities (municipality_id);

CREATE TABLE committee_seat_quotas (
    id uuid NOT NULL,
    committee_id uuid NOT NULL,
    label character varying(200) NOT NULL,
    side character varying(20) NOT NULL,
    min_seats integer NOT NULL,
    max_seats integer NOT NULL,
    party_ids uuid[] NOT NULL,
    CONSTRAINT pk_committee_seat_quotas PRIMARY KEY (id),
    CONSTRAINT fk_committee_seat_quotas_committees_committee_id FOREIGN KEY (committee_id) REFERENCES committees (id) ON DELETE CASCADE,
    CONSTRAINT ck_committee_seat_quotas_seats CHECK (min_seats >= 0 AND max_seats >= min_seats AND max_seats BETWEEN 1 AND 50)
);
CREATE INDEX ix_committee_seat_quotas_committee_id ON committee_seat_quotas (committee_id);

CREATE TABLE committee_members (
    id uuid NOT NULL,
    committee_id uuid NOT NULL,
    person_id uuid NOT NULL,
    side character varying(20) NOT NULL,
    role character varying(20) NOT NULL,
    representation character varying(40),
    deputy_for_member_id uuid,
    term_from date NOT NULL,
    term_to date NOT NULL,
    appointed_by character varying(200),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_committee_members PRIMARY KEY (id),
    CONSTRAINT fk_committee_members_committees_committee_id FOREIGN KEY (committee_id) REFERENCES committees (id) ON DELETE CASCADE,
    CONSTRAINT fk_committee_members_persons_person_id FOREIGN KEY (person_id) REFERENCES persons (id) ON DELETE RESTRICT,
    CONSTRAINT fk_committee_members_committee_members_deputy_for_member_id FOREIGN KEY (deputy_for_member_id) REFERENCES committee_members (id) ON DELETE RESTRICT,
    CONSTRAINT ck_committee_members_side CHECK (side IN ('Municipal', 'SpecialistService')),
    CONSTRAINT ck_committee_members_role CHECK (role IN ('Member', 'Deputy', 'Observer', 'ObserverOnItem')),
    CONSTRAINT ck_committee_members_deputy CHECK ((role = 'Deputy') = (deputy_for_member_id IS NOT NULL)),
    CONSTRAINT ck_committee_members_term CHECK (term_to >= term_from AND term_from >= DATE '1900-01-01' AND term_to <= DATE '2199-12-31')
);
CREATE INDEX ix_committee_members_committee_id_term_to ON committee_members (committee_id, term_to);
CREATE INDEX ix_committee_members_person_id ON committee_members (person_id);
CREATE INDEX ix_committee_members_deputy_for_member_id ON committee_members (deputy_for_member_id);

CREATE TABLE committee_leadership (
    committee_id uuid NOT NULL,
    year integer NOT NULL,
    chair_member_id uuid,
    deputy_chair_member_id uuid,
    host_side character varying(20),
    CONSTRAINT pk_committee_leadership PRIMARY KEY (committee_id, year),
    CONSTRAINT fk_committee_leadership_committees_committee_id FOREIGN KEY (committee_id) REFERENCES committees (id) ON DELETE CASCADE,
    CONSTRAINT fk_committee_leadership_committee_members_chair_member_id FOREIGN KEY (chair_member_id) REFERENCES committee_members (id) ON DELETE RESTRICT,
    CONSTRAINT fk_committee_leadership_committee_members_deputy_chair_member_id FOREIGN KEY (deputy_chair_member_id) REFERENCES committee_members (id) ON DELETE RESTRICT,
    CONSTRAINT ck_committee_leadership_year CHECK (year BETWEEN 1900 AND 2199),
    CONSTRAINT ck_committee_leadership_distinct CHECK (chair_member_id IS NULL OR chair_member_id <> deputy_chair_member_id)
);
CREATE INDEX ix_committee_leadership_chair_member_id ON committee_leadership (chair_member_id);
CREATE INDEX ix_committee_leadership_deputy_chair_member_id ON committee_leadership (deputy_chair_member_id);

CREATE TABLE meetings (
    id uuid NOT NULL,
    committee_id uuid NOT NULL,
    date date NOT NULL,
    start_time time without time zone NOT NULL,
    end_time time without time zone,
    location character varying(200),
    is_digital boolean NOT NULL,
    status character varying(20) NOT NULL,
    minutes_text character varying(100000),
    minutes_status character varying(20),
    minutes_approved_on date,
    minutes_approved_by character varying(200),
    minutes_published_on date,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_meetings PRIMARY KEY (id),
    CONSTRAINT fk_meetings_committees_committee_id FOREIGN KEY (committee_id) REFERENCES committees (id) ON DELETE CASCADE,
    CONSTRAINT ck_meetings_status CHECK (status IN ('Planned', 'Held', 'Cancelled')),
    CONSTRAINT ck_meetings_minutes_status CHECK (minutes_status IN ('Draft', 'Approved')),
    CONSTRAINT ck_meetings_date CHECK (date BETWEEN DATE '1900-01-01' AND DATE '2199-12-31'),
    CONSTRAINT ck_meetings_published_only_approved CHECK (minutes_published_on IS NULL OR minutes_status = 'Approved')
);
CREATE INDEX ix_meetings_committee_id_date ON meetings (committee_id, date);

CREATE TABLE agenda_items (
    id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    committee_id uuid NOT NULL,
    year integer NOT NULL,
    number integer NOT NULL,
    title character varying(300) NOT NULL,
    description character varying(4000),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_agenda_items PRIMARY KEY (id),
    CONSTRAINT fk_agenda_items_meetings_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE,
    CONSTRAINT fk_agenda_items_committees_committee_id FOREIGN KEY (committee_id) REFERENCES committees (id) ON DELETE RESTRICT,
    CONSTRAINT ck_agenda_items_number CHECK (number >= 1)
);
CREATE UNIQUE INDEX ix_agenda_items_committee_id_year_number ON agenda_items (committee_id, year, number);
CREATE INDEX ix_agenda_items_meeting_id ON agenda_items (meeting_id);

CREATE TABLE agenda_item_documents (
    id uuid NOT NULL,
    agenda_item_id uuid NOT NULL,
    file_name character varying(200) NOT NULL,
    content_type character varying(100) NOT NULL,
    size_bytes bigint NOT NULL,
    content bytea NOT NULL,
    uploaded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_agenda_item_documents PRIMARY KEY (id),
    CONSTRAINT fk_agenda_item_documents_agenda_items_agenda_item_id FOREIGN KEY (agenda_item_id) REFERENCES agenda_items (id) ON DELETE CASCADE
);
CREATE INDEX ix_agenda_item_documents_agenda_item_id ON agenda_item_documents (agenda_item_id);

CREATE TABLE meeting_attendance (
    meeting_id uuid NOT NULL,
    member_id uuid NOT NULL,
    kind character varying(20) NOT NULL,
    CONSTRAINT pk_meeting_attendance PRIMARY KEY (meeting_id, member_id),
    CONSTRAINT fk_meeting_attendance_meetings_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE,
    CONSTRAINT fk_meeting_attendance_committee_members_member_id FOREIGN KEY (member_id) REFERENCES committee_members (id) ON DELETE CASCADE,
    CONSTRAINT ck_meeting_attendance_kind CHECK (kind IN ('Present', 'DeputyPresent', 'Absent'))
);
CREATE INDEX ix_meeting_attendance_member_id ON meeting_attendance (member_id);
