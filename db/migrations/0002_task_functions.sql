-- Task distribution (DESIGN.md): the counters the picker reads, kept by triggers so that every
-- writer (the API, the demo seed, a manual fix in psql) keeps them right, and the two hot
-- operations as functions, so each is one round trip whose inner plans PostgreSQL caches per
-- connection.

-- slices.taken_count = assignments of the slice in state leased or completed
CREATE FUNCTION assignments_keep_taken_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delta integer := 0;
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.state IN ('leased', 'completed') THEN
    delta := delta - 1;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.state IN ('leased', 'completed') THEN
    delta := delta + 1;
  END IF;
  IF delta <> 0 THEN
    UPDATE slices SET taken_count = taken_count + delta
    WHERE id = COALESCE(NEW.slice_id, OLD.slice_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER assignments_keep_taken_count
AFTER INSERT OR DELETE OR UPDATE OF state ON assignments
FOR EACH ROW EXECUTE FUNCTION assignments_keep_taken_count();
--> statement-breakpoint
UPDATE slices SET taken_count = c.n
FROM (
  SELECT slice_id, count(*)::integer AS n FROM assignments
  WHERE state IN ('leased', 'completed') GROUP BY slice_id
) AS c
WHERE c.slice_id = slices.id;
--> statement-breakpoint

-- slices.is_gold mirrors gold_slices
CREATE FUNCTION gold_slices_keep_is_gold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE slices SET is_gold = true WHERE id = NEW.slice_id;
  ELSE
    UPDATE slices SET is_gold = false WHERE id = OLD.slice_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER gold_slices_keep_is_gold
AFTER INSERT OR DELETE ON gold_slices
FOR EACH ROW EXECUTE FUNCTION gold_slices_keep_is_gold();
--> statement-breakpoint
UPDATE slices SET is_gold = true FROM gold_slices WHERE gold_slices.slice_id = slices.id;
--> statement-breakpoint

-- The next task of a rater in a study, leased in the same transaction that picks it.
-- outcome: 'leased' (a new or the rater's existing live lease), 'none' (nothing left for this
-- rater), 'no_study', 'not_rater', 'blocked', 'not_active'.
CREATE FUNCTION lease_next_task(p_study integer, p_user integer)
RETURNS TABLE (outcome text, assignment_id integer, slice_id integer, lease_expires_at timestamptz)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_study studies%ROWTYPE;
  v_blocked boolean;
  v_want_gold boolean;
  v_gold boolean;
  v_slice integer;
BEGIN
  SELECT * INTO v_study FROM studies WHERE id = p_study;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'no_study', NULL::integer, NULL::integer, NULL::timestamptz;
    RETURN;
  END IF;
  SELECT m.blocked INTO v_blocked FROM study_members m
  WHERE m.study_id = p_study AND m.user_id = p_user AND m.role = 'rater';
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'not_rater', NULL::integer, NULL::integer, NULL::timestamptz;
    RETURN;
  END IF;
  IF v_blocked THEN
    RETURN QUERY SELECT 'blocked', NULL::integer, NULL::integer, NULL::timestamptz;
    RETURN;
  END IF;
  IF v_study.status <> 'active' THEN
    RETURN QUERY SELECT 'not_active', NULL::integer, NULL::integer, NULL::timestamptz;
    RETURN;
  END IF;

  -- An expired lease stops counting against k: end it before looking for room. Usually the
  -- partial index finds nothing. Every caller walks it in the same order, so two callers that
  -- end the same leases queue behind each other instead of deadlocking.
  UPDATE assignments SET state = 'expired', finished_at = lease_expires_at
  WHERE study_id = p_study AND state = 'leased' AND lease_expires_at <= now();

  -- asking again while holding a live lease gives the same task
  RETURN QUERY SELECT 'leased', a.id, a.slice_id, a.lease_expires_at FROM assignments a
  WHERE a.study_id = p_study AND a.user_id = p_user AND a.state = 'leased';
  IF FOUND THEN
    RETURN;
  END IF;

  -- gold is drawn at the study's rate; when the wanted kind has no room the other kind is served
  v_want_gold := random() < v_study.gold_rate;
  FOREACH v_gold IN ARRAY ARRAY[v_want_gold, NOT v_want_gold] LOOP
    -- SKIP LOCKED: a slice another rater is taking right now is passed over, not waited for;
    -- when its lock is granted the row is re-read, so a slice that just reached k is skipped too
    SELECT s.id INTO v_slice FROM slices s
    WHERE s.study_id = p_study AND s.is_gold = v_gold AND s.taken_count < v_study.raters_per_slice
      AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.slice_id = s.id AND a.user_id = p_user)
    ORDER BY s.taken_count, s.priority DESC, s.id
    LIMIT 1
    FOR UPDATE SKIP LOCKED;
    EXIT WHEN FOUND;
  END LOOP;
  IF v_slice IS NULL THEN
    RETURN QUERY SELECT 'none', NULL::integer, NULL::integer, NULL::timestamptz;
    RETURN;
  END IF;

  RETURN QUERY INSERT INTO assignments AS a (study_id, slice_id, user_id, lease_expires_at)
  VALUES (p_study, v_slice, p_user, now() + make_interval(secs => v_study.lease_seconds))
  ON CONFLICT DO NOTHING
  RETURNING 'leased', a.id, a.slice_id, a.lease_expires_at;
  IF FOUND THEN
    RETURN;
  END IF;
  -- the same rater's concurrent request took the one lease slot first: share its task
  RETURN QUERY SELECT 'leased', a.id, a.slice_id, a.lease_expires_at FROM assignments a
  WHERE a.study_id = p_study AND a.user_id = p_user AND a.state = 'leased';
END $$;
--> statement-breakpoint

-- Stores a rater's label map against their lease, once. The label map has been checked against
-- the slice and the study's classes by the caller.
-- outcome: 'created'; 'replayed' (this rater already labelled the slice, or sent this key for it:
-- the first annotation is returned); 'key_reused' (the key names a submission for another slice);
-- 'no_task' (no such assignment of this rater); 'lease_ended' (expired, skipped or past expiry).
CREATE FUNCTION record_annotation(
  p_assignment integer,
  p_user integer,
  p_labels jsonb,
  p_duration_ms integer,
  p_idempotency_key text
)
RETURNS TABLE (outcome text, annotation_id integer, created_at timestamptz, lease_state text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_assignment assignments%ROWTYPE;
  v_prior annotations%ROWTYPE;
  v_id integer;
  v_created timestamptz;
BEGIN
  -- the row lock orders this submission against a concurrent skip, heartbeat or resubmission
  SELECT * INTO v_assignment FROM assignments WHERE id = p_assignment AND user_id = p_user
  FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'no_task', NULL::integer, NULL::timestamptz, NULL::text;
    RETURN;
  END IF;
  IF p_idempotency_key IS NOT NULL THEN
    SELECT * INTO v_prior FROM annotations
    WHERE user_id = p_user AND idempotency_key = p_idempotency_key;
    IF FOUND THEN
      RETURN QUERY SELECT
        CASE WHEN v_prior.slice_id = v_assignment.slice_id THEN 'replayed' ELSE 'key_reused' END,
        v_prior.id, v_prior.created_at, v_assignment.state::text;
      RETURN;
    END IF;
  END IF;
  SELECT * INTO v_prior FROM annotations
  WHERE slice_id = v_assignment.slice_id AND user_id = p_user;
  IF FOUND THEN
    RETURN QUERY SELECT 'replayed', v_prior.id, v_prior.created_at, v_assignment.state::text;
    RETURN;
  END IF;
  IF v_assignment.state <> 'leased' OR v_assignment.lease_expires_at <= now() THEN
    RETURN QUERY SELECT 'lease_ended', NULL::integer, NULL::timestamptz,
      CASE WHEN v_assignment.state = 'leased' THEN 'expired' ELSE v_assignment.state::text END;
    RETURN;
  END IF;
  INSERT INTO annotations AS n
    (study_id, slice_id, user_id, assignment_id, labels, duration_ms, idempotency_key)
  VALUES (v_assignment.study_id, v_assignment.slice_id, p_user, p_assignment, p_labels,
    p_duration_ms, p_idempotency_key)
  RETURNING n.id, n.created_at INTO v_id, v_created;
  UPDATE assignments SET state = 'completed', finished_at = now() WHERE id = p_assignment;
  RETURN QUERY SELECT 'created', v_id, v_created, 'completed'::text;
END $$;
