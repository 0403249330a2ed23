-- Issue 8: agreement rules corrected at their edges.
-- R1: a fully signed version whose valid-from is still to come is 'Signed', not yet in force; the
-- version it replaces stays 'Active' until then. A new version of one under notice records whether
-- the notice was withdrawn.
ALTER TABLE agreements DROP CONSTRAINT ck_agreements_status;
ALTER TABLE agreements ADD CONSTRAINT ck_agreements_status
    CHECK (status IN ('Draft', 'AwaitingSignature', 'Signed', 'Active', 'UnderNotice', 'Ended', 'Replaced'));
ALTER TABLE agreements ADD COLUMN notice_withdrawn boolean;

UPDATE agreements SET status = 'Signed' WHERE status = 'Active' AND valid_from > CURRENT_DATE;

-- R2: ends_on is the first day no longer in force; a notice leaves the agreement in force through
-- the same date a year later. Notices running now move one day, so their last day is that date.
UPDATE agreements SET ends_on = ends_on + 1 WHERE status = 'UnderNotice' AND notice_given_on IS NOT NULL;

-- R2 (004): the HF notifies its RHF of a notice, and the RHF notifies Helsedirektoratet.
ALTER TABLE agreements ADD COLUMN rhf_notified_of_notice_on date;
ALTER TABLE agreements ADD COLUMN rhf_notified_of_notice_by character varying(200);
ALTER TABLE agreements ADD COLUMN directorate_notified_of_notice_on date;
ALTER TABLE agreements ADD COLUMN directorate_notified_of_notice_by character varying(200);
ALTER TABLE agreements ADD CONSTRAINT ck_agreements_notice_chain
    CHECK (directorate_notified_of_notice_on IS NULL OR rhf_notified_of_notice_on IS NOT NULL);

-- R3 (004): the last yearly review and the date its result went to the partnarskapsmøte.
ALTER TABLE agreements ADD COLUMN last_reviewed_on date;
ALTER TABLE agreements ADD COLUMN review_reported_to_partnership_on date;

-- Dates a register can hold: never year 0001 or 9999 (±infinity-like extremes).
ALTER TABLE agreements ADD CONSTRAINT ck_agreements_date_range CHECK (
    valid_from BETWEEN DATE '1900-01-01' AND DATE '2199-12-31'
    AND (valid_to IS NULL OR valid_to BETWEEN DATE '1900-01-01' AND DATE '2199-12-31')
    AND (next_review_date IS NULL OR next_review_date BETWEEN DATE '1900-01-01' AND DATE '2199-12-31')
    AND (notice_given_on IS NULL OR notice_given_on BETWEEN DATE '1900-01-01' AND DATE '2199-12-31')
    AND (signed_on IS NULL OR signed_on BETWEEN DATE '1900-01-01' AND DATE '2199-12-31'));
