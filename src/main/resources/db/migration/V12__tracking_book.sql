-- Motcua schema, version 12: the one-stop desk's tracking book (sổ theo dõi hồ sơ, form 07 of the appendix of Circular
-- 03/2025/TT-VPCP) and its entry number on the receipt slip (form 01: "Vào Sổ theo dõi hồ sơ, Quyển số …, Số thứ tự …").
--
-- 1. The book of a desk for a period lists the dossiers it received in that period, oldest first. This index serves it
--    as an ordered range of one desk's rows, however many dossiers the city holds (parts of an interconnected dossier
--    are the parent's business, not lines of the book).
CREATE INDEX dossier_book ON dossier (received_by, submitted_at, id) WHERE parent_id IS NULL;

-- 2. A desk keeps one book a year (Quyển số: the year). A dossier's number in it (Số thứ tự) follows from the
--    per-agency-per-day receipt counter, which is gap-free and never issues a number twice (version 2): the numbers the
--    desk gave on the earlier days of that year, plus the dossier's own number of its day, the last digits of its
--    receipt code. So the number never changes once given, whoever prints the slip and in whatever order dossiers
--    committed. A citizen printing their own slip may not see the desk's counters, hence a function that runs as the
--    owner (as dossier_lookup does) and answers only the two numbers, and only for a dossier the caller names by its
--    id, which the caller has read under its own row-level security first.
CREATE POLICY receipt_counter_owner_book ON receipt_counter FOR SELECT TO CURRENT_USER USING (true);
CREATE FUNCTION dossier_book_entry(p_id uuid)
    RETURNS TABLE (book int, seq bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
    WITH code AS (
        SELECT d.received_by, m[1] AS yymmdd, m[2]::bigint AS n
          FROM dossier d, regexp_match(d.receipt_code, '-([0-9]{6})-([0-9]+)$') AS m
         WHERE d.id = p_id AND d.parent_id IS NULL
    ), day AS (
        SELECT received_by, to_date(yymmdd, 'YYMMDD') AS day, n FROM code
    )
    SELECT extract(year FROM day.day)::int,
           coalesce((SELECT sum(c.last_value) FROM receipt_counter c
                      WHERE c.tenant_id = day.received_by
                        AND c.day >= date_trunc('year', day.day)::date AND c.day < day.day), 0)::bigint + day.n
      FROM day
$$;
REVOKE ALL ON FUNCTION dossier_book_entry(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dossier_book_entry(uuid) TO ${appRole};
