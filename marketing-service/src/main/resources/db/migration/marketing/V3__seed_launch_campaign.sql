-- The launch campaign: grade A and B customers get 14.6% down to 9.125% on drawdowns of at
-- least 100 yuan over 3, 6 or 12 months, usable for 30 days from the day their line is granted.
insert into campaign (id, name, kind, discounted_rate, interest_free_days, minimum_amount, allowed_terms,
                      valid_from, valid_until, valid_days, rule_grades, status, created_at, created_by,
                      changed_at, changed_by)
values ('6c61756e-6368-4000-8000-000000000001', 'Launch: 9.125% for grades A and B', 'RATE_DISCOUNT', 0.091250, null,
        100.00, '{3,6,12}', null, null, 30, '{A,B}', 'ACTIVE', now(), 'system', now(), 'system');
