-- The quality blacklist (issue #7): serious-dishonesty cases under SAMR Order 44 and their due
-- process (blacklist/case_machine.h). A case is one proposed listing of one enterprise: its
-- current state, the reason, legal basis and deciding authority, the joint-punishment
-- measures that apply while it is listed, and the day of each step (the deadlines are worked
-- out from them on the working-day calendar). Every step is an event with actor, party, day,
-- time and reason, and may carry documents (the notice, an objection, the answer, the
-- commitment letter 守信承诺书), kept with their SHA-256. record_id is the dishonesty_list
-- credit record written when the case is published (it caps the grade) and revoked when the
-- case is removed or expires; 0 before.
CREATE TABLE blacklist_case (
  id $ID_PRIMARY_KEY,
  uscc TEXT NOT NULL REFERENCES enterprise (uscc),
  region_code TEXT NOT NULL,
  state TEXT NOT NULL,
  rule_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  basis TEXT NOT NULL,
  authority TEXT NOT NULL,
  measures TEXT NOT NULL,
  notified_on TEXT NOT NULL DEFAULT '',
  objection_filed_on TEXT NOT NULL DEFAULT '',
  listed_on TEXT NOT NULL DEFAULT '',
  published_on TEXT NOT NULL DEFAULT '',
  removal_requested_on TEXT NOT NULL DEFAULT '',
  removed_on TEXT NOT NULL DEFAULT '',
  record_id BIGINT NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX blacklist_case_uscc ON blacklist_case (uscc);
CREATE INDEX blacklist_case_state ON blacklist_case (state, region_code);
CREATE TABLE blacklist_event (
  case_id BIGINT NOT NULL REFERENCES blacklist_case (id),
  seq BIGINT NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  party TEXT NOT NULL,
  actor TEXT NOT NULL,
  on_day TEXT NOT NULL,
  at TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (case_id, seq)
);
CREATE TABLE blacklist_document (
  case_id BIGINT NOT NULL REFERENCES blacklist_case (id),
  event_seq BIGINT NOT NULL,
  position BIGINT NOT NULL,
  name TEXT NOT NULL,
  content TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  PRIMARY KEY (case_id, event_seq, position)
);
