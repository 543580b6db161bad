-- bang-khen-ca-nhan of kien-giang-2021-2025, phase 2021-2025, as plain SQL: the baseline thidua
-- is measured against. Reads the relations people, person_years, registrations (views over
-- read_csv, or tables already loaded) and selected_units (the units thidua selected for
-- co-thi-dua or bang-khen-tap-the, given as a VALUES table: recomputing the collective awards
-- in SQL is not what is compared).
--
-- The rules follow thidua's three-valued logic: a blank cell is "not known", and only a known
-- pass counts, so a candidate is eligible only when every criterion is known to hold.
WITH
flags AS (
  -- DATA.md's booleans: 1/0, true/false, có/không, x; anything else (blank, review) unknown.
  SELECT person_id, year, unit_id, rating,
         CASE WHEN lower(excellent_par) IN ('1', 'true', 'có', 'x') THEN true
              WHEN lower(excellent_par) IN ('0', 'false', 'không') THEN false END AS excellent_par,
         CASE WHEN lower(disciplined) IN ('1', 'true', 'có', 'x') THEN true
              WHEN lower(disciplined) IN ('0', 'false', 'không') THEN false END AS disciplined
  FROM person_years
  WHERE year BETWEEN 2021 AND 2025
),
per_person AS (
  SELECT person_id,
         count(*) FILTER (WHERE rating IN ('htt', 'htxs')) AS years_htt_or_better,
         count(*) FILTER (WHERE rating = 'htxs') AS years_htxs,
         bool_or(excellent_par) AS excellent_par_some_year,
         any_value(disciplined) FILTER (WHERE year = 2025) AS disciplined_2025,
         any_value(unit_id) FILTER (WHERE year = 2025) AS unit_2025
  FROM flags
  GROUP BY person_id
),
registered_on_time AS (
  -- The earliest registration for the phase counts; the plan's deadline is 2022-03-30. A CSV
  -- dataset cannot say a late registration was accepted (only the application records that).
  SELECT subject_id AS person_id
  FROM registrations
  WHERE period = '2021-2025'
  GROUP BY subject_id
  HAVING min(registered_on) <= DATE '2022-03-30'
),
eligible AS (
  SELECT p.id,
         coalesce(pp.unit_2025, p.unit_id) AS unit,
         CASE WHEN lower(p.par_role) IN ('1', 'true', 'có', 'x') THEN 1 ELSE 0 END AS key_par_role,
         pp.years_htxs AS key_htxs_years,
         CASE p.gender WHEN 'nu' THEN true WHEN 'nam' THEN false END AS woman
  FROM people p
  JOIN per_person pp ON pp.person_id = p.id
  JOIN registered_on_time r ON r.person_id = p.id
  WHERE coalesce(pp.unit_2025, p.unit_id) IN (SELECT unit_id FROM selected_units)
    AND pp.years_htt_or_better = 5
    AND pp.excellent_par_some_year
    AND pp.disciplined_2025 = false
),
-- Seats are filled by classes of equal keys; the class crossing the last seat is split by the
-- legal preference (women first, when known for the whole class), and what still does not fit
-- is tied. First at most 2 per unit, then the quota of 42 among those kept.
per_unit_classes AS (
  SELECT *,
         rank() OVER (PARTITION BY unit ORDER BY key_par_role DESC, key_htxs_years DESC) - 1 AS better,
         count(*) OVER same_class AS class_size,
         sum(CASE WHEN woman IS NULL THEN 1 ELSE 0 END) OVER same_class AS class_unknown,
         sum(CASE WHEN woman THEN 1 ELSE 0 END) OVER same_class AS class_women
  FROM eligible
  WINDOW same_class AS (PARTITION BY unit, key_par_role, key_htxs_years)
),
per_unit AS (
  SELECT id, unit, key_par_role, key_htxs_years, woman,
         CASE WHEN better + class_size <= 2 THEN 'kept'
              WHEN better >= 2 THEN 'out'
              WHEN class_unknown > 0 THEN 'tied'
              WHEN class_women <= 2 - better THEN
                CASE WHEN woman THEN 'kept' WHEN 2 - better - class_women > 0 THEN 'tied' ELSE 'out' END
              ELSE CASE WHEN woman THEN 'tied' ELSE 'out' END
         END AS outcome
  FROM per_unit_classes
),
quota_classes AS (
  SELECT *,
         rank() OVER (ORDER BY key_par_role DESC, key_htxs_years DESC) - 1 AS better,
         count(*) OVER same_class AS class_size,
         sum(CASE WHEN woman IS NULL THEN 1 ELSE 0 END) OVER same_class AS class_unknown,
         sum(CASE WHEN woman THEN 1 ELSE 0 END) OVER same_class AS class_women
  FROM per_unit
  WHERE outcome = 'kept'
  WINDOW same_class AS (PARTITION BY key_par_role, key_htxs_years)
),
quota AS (
  SELECT id,
         CASE WHEN better + class_size <= 42 THEN 'selected'
              WHEN better >= 42 THEN 'out'
              WHEN class_unknown > 0 THEN 'tied'
              WHEN class_women <= 42 - better THEN
                CASE WHEN woman THEN 'selected' WHEN 42 - better - class_women > 0 THEN 'tied' ELSE 'out' END
              ELSE CASE WHEN woman THEN 'tied' ELSE 'out' END
         END AS outcome
  FROM quota_classes
)
SELECT (SELECT count(*) FROM eligible) AS eligible,
       (SELECT list(id ORDER BY id) FROM quota WHERE outcome = 'selected') AS selected,
       (SELECT list(id ORDER BY id) FROM (SELECT id FROM quota WHERE outcome = 'tied'
                                          UNION ALL
                                          SELECT id FROM per_unit WHERE outcome = 'tied')) AS tied
