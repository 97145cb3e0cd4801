-- Issue 20: the customer-base models (BG/NBD, Gamma-Gamma) fitted at an as-of date, and each buyer's scores
-- under them for the rule fields p_alive, expected_purchases_90d and predicted_clv.

-- One fitted model per as-of date and time unit; a refit of the same date replaces it. Only converged fits are
-- stored. The spend model is absent (gg_* NULL, gg_refused its reason) when it could not be fitted.
CREATE TABLE prediction_models (
  -- AUTOINCREMENT: a refit replaces the row of its date, and its new id must never be an old model's
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  as_of              TEXT    NOT NULL,
  unit               TEXT    NOT NULL CHECK (unit IN ('week', 'day')),
  fitted_at          TEXT    NOT NULL,
  buyers             INTEGER NOT NULL CHECK (buyers >= 0),
  repeat_buyers      INTEGER NOT NULL CHECK (repeat_buyers >= 0),
  r                  REAL    NOT NULL CHECK (r > 0),
  alpha              REAL    NOT NULL CHECK (alpha > 0),
  a                  REAL    NOT NULL CHECK (a > 0),
  b                  REAL    NOT NULL CHECK (b > 0),
  log_likelihood     REAL    NOT NULL,
  evaluations        INTEGER NOT NULL,
  gg_p               REAL CHECK (gg_p > 0),
  gg_q               REAL CHECK (gg_q > 1),
  gg_v               REAL CHECK (gg_v > 0),
  gg_log_likelihood  REAL,
  gg_buyers          INTEGER,
  gg_refused         TEXT,
  -- the CLV the scores carry: over this many days, discounted monthly at this rate (0 = undiscounted)
  horizon_days       INTEGER NOT NULL CHECK (horizon_days > 0),
  monthly_discount   REAL    NOT NULL CHECK (monthly_discount >= 0),
  -- 1 while member_predictions holds this model's scores (older models keep their parameters only)
  scored             INTEGER NOT NULL DEFAULT 0 CHECK (scored IN (0, 1)),
  UNIQUE (as_of, unit)
);

-- Each buyer's summary and scores under a model. Members without a purchase by the as-of date have no row, and so
-- no value for the prediction fields. Derived data, rewritten by every fit (a million rows for a million buyers):
-- member_id carries no foreign key, whose look-up per row would slow every fit, and a member is never deleted.
CREATE TABLE member_predictions (
  model_id             INTEGER NOT NULL REFERENCES prediction_models (id) ON DELETE CASCADE,
  member_id            INTEGER NOT NULL,
  frequency            INTEGER NOT NULL CHECK (frequency >= 0),
  recency_days         INTEGER NOT NULL CHECK (recency_days >= 0),
  age_days             INTEGER NOT NULL CHECK (age_days >= recency_days),
  p_alive              REAL    NOT NULL CHECK (p_alive BETWEEN 0 AND 1),
  expected_90d         REAL    NOT NULL CHECK (expected_90d >= 0),
  expected_spend_cents INTEGER CHECK (expected_spend_cents >= 0),
  clv_cents            INTEGER CHECK (clv_cents >= 0),
  PRIMARY KEY (model_id, member_id)
) WITHOUT ROWID;
