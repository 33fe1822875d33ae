-- Motcua schema, version 11: what the officers' live queue needs (issue 18).
--
-- 1. A signal when a tenant's queue changes. Every replica LISTENs on one channel; a dossier inserted or changed in a
--    way a queue shows (state, holder, step, due time, closing) notifies the tenants whose queue it is in: the one
--    holding it, the one it left when forwarded, and the desk that received it for another office (Decree
--    118/2025/NĐ-CP). PostgreSQL sends notifications at commit only, and folds identical ones of one transaction,
--    so a rolled-back action signals nothing and a batch signals each tenant once. The payload is only a tenant code:
--    what changed is read again, under row-level security, by whoever is told.
CREATE FUNCTION dossier_queue_signal() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM pg_notify('motcua_queue', NEW.tenant_id);
    IF TG_OP = 'UPDATE' AND OLD.tenant_id IS DISTINCT FROM NEW.tenant_id THEN
        PERFORM pg_notify('motcua_queue', OLD.tenant_id);
    END IF;
    IF NEW.received_by IS DISTINCT FROM NEW.tenant_id THEN
        PERFORM pg_notify('motcua_queue', NEW.received_by);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER dossier_queue_signal
    AFTER INSERT OR UPDATE OF status, tenant_id, step_code, holder_name, due_at, closed_at ON dossier
    FOR EACH ROW EXECUTE FUNCTION dossier_queue_signal();

-- 2. Searching the queue by name as officers type it, with or without diacritics: "nguyen van an" finds "Nguyễn Văn
--    An". Text is stored in NFC, so folding the precomposed Vietnamese letters is enough. IMMUTABLE, so it could back
--    an index; the queue searches a tenant's open dossiers only (the partial queue index bounds the scan).
CREATE FUNCTION motcua_fold(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
SELECT translate(lower(t),
    'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ',
    'aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy')
$$;

-- 3. A citizen's ID number is searched exactly, among every dossier the officer may see (open or closed).
CREATE INDEX dossier_applicant_id ON dossier (applicant_id) WHERE applicant_id IS NOT NULL;

-- 4. What a desk received for other offices and still follows to the return (Decree 118/2025/NĐ-CP).
CREATE INDEX dossier_received_for_others ON dossier (received_by, due_at, id)
    WHERE closed_at IS NULL AND received_by <> tenant_id;
