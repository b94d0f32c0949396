-- Sessions that can be ended, and login throttling (issue 10, items 3 and 5).
--
-- A token names a session (user_session.id) and the user's security stamp at
-- sign-in. The API rebuilds the viewer from these rows on every request, so a
-- token stops working as soon as the session is revoked (logout) or expires,
-- or the user's stamp moves on.

-- ─────────────── Security stamp ───────────────
-- Bumped by the database itself whenever anything a token's rights depend on
-- changes: in the same transaction as the change, whichever code path (API,
-- console, SQL by an operator) makes it.
ALTER TABLE "app_user" ADD COLUMN "security_stamp" INTEGER NOT NULL DEFAULT 1;

CREATE FUNCTION app_user_bump_security_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.security_stamp := OLD.security_stamp + 1;
  RETURN NEW;
END;
$$;

CREATE TRIGGER app_user_security_stamp
  BEFORE UPDATE ON "app_user"
  FOR EACH ROW
  WHEN (OLD.active IS DISTINCT FROM NEW.active
     OR OLD.role IS DISTINCT FROM NEW.role
     OR OLD.region_code IS DISTINCT FROM NEW.region_code
     OR OLD.department IS DISTINCT FROM NEW.department
     OR OLD.can_read_personal_data IS DISTINCT FROM NEW.can_read_personal_data
     OR OLD.cadre_id IS DISTINCT FROM NEW.cadre_id
     OR OLD.password_hash IS DISTINCT FROM NEW.password_hash)
  EXECUTE FUNCTION app_user_bump_security_stamp();

-- ─────────────── Sessions ───────────────
CREATE TABLE "user_session" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- The expiry of the newest token issued for the session (login or refresh).
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    -- Set by logout.
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "user_session_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "user_session_user_id_idx" ON "user_session"("user_id");
CREATE INDEX "user_session_expires_at_idx" ON "user_session"("expires_at");

ALTER TABLE "user_session" ADD CONSTRAINT "user_session_user_id_fkey"
  FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─────────────── Login throttling ───────────────
-- One row per username ('u:<name>') and per client address ('a:<address>'):
-- login attempts not yet forgiven in a fixed window. In PostgreSQL so that
-- every API replica counts the same attempts.
CREATE TABLE "login_throttle" (
    "key" VARCHAR(80) NOT NULL,
    "attempts" INTEGER NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "login_throttle_window_start_idx" ON "login_throttle"("window_start");
