-- PostgreSQL port of db/migration/V7__points_rewards_coupons.sql; keep the two equal in effect.

-- Coupons as points rewards. A coupon reward names the coupon template the owner picked (or none
-- when a campaign was picked) and the campaign its codes are issued under: every issued coupon
-- belongs to a campaign, so a reward made from a template gets a campaign of its own.
ALTER TABLE rewards ADD COLUMN coupon_template_id BIGINT  REFERENCES coupon_templates (id);
ALTER TABLE rewards ADD COLUMN campaign_id BIGINT  REFERENCES campaigns (id);

-- a redemption of a coupon reward: the coupon it issued, written in the same transaction
ALTER TABLE points_ledger ADD COLUMN coupon_id BIGINT  REFERENCES coupons (id);
