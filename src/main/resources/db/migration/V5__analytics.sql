-- Analytics: "first purchase ever in a period" (new buyers, retention bases, cohorts) is asked of the
-- members' statistics column; without this index each question scans every member.
CREATE INDEX members_first_purchase ON members (first_purchase_at);
