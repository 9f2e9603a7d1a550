"""The database function behind `jmsc.coop.account._lock_for_posting` (issue #15: posting at ≤ 2× a bare create).

Profiled, a posting spent more time in PostgreSQL *planning* its lock-and-read statements (a join of
five tables and four sub-queries, planned anew on every posting: ~1.1 ms) than executing them. A
PL/pgSQL function keeps the plans of its statements for the life of the connection, so a posting pays
for execution only. The function does exactly what the three statements did: lock the account rows
(in id order), lock the cooperative's ledger (the row of its no-gap transaction sequence), then read
the ledger state. Each statement of a VOLATILE function takes a new snapshot in READ COMMITTED, so
the read sees what the posting that held the locks committed; in REPEATABLE READ the snapshot is the
transaction's, as before. It is (re)created by `jmsc.coop.account.init()` on install and update.
"""

from odoo.tools import SQL

LEDGER_STATE_FUNCTION = SQL(
    """
    CREATE OR REPLACE FUNCTION jmsc_coop_ledger_state(
        account_ids integer[], caller_key varchar, generated_key varchar, period date
    ) RETURNS TABLE (
        id integer, balance numeric, state varchar, last_value_date date, held numeric,
        key_transaction_id integer, system_key_transaction_id integer,
        cooperative_id integer, member_id integer, product_id integer, member_status varchar, kind varchar,
        min_balance numeric, allow_deposit boolean, allow_withdrawal boolean, allow_transfer boolean,
        allow_fee boolean, allow_shu boolean,
        sequence_id integer, number_next integer, prefix varchar, suffix varchar, padding integer,
        closed boolean
    ) LANGUAGE plpgsql VOLATILE SET plan_cache_mode = force_generic_plan AS $function$
    #variable_conflict use_column
    DECLARE
        account integer;
        seq_id integer;
        sequences integer[] := '{}';
    BEGIN
        -- one account per statement (a scalar key): the plans kept are index look-ups, whatever the
        -- tables' sizes (a generic plan for "= ANY(array)" would hash-join whole tables)
        account_ids := ARRAY(SELECT DISTINCT unnest(account_ids) ORDER BY 1);
        FOREACH account IN ARRAY account_ids LOOP
            PERFORM 1 FROM jmsc_coop_account a WHERE a.id = account FOR UPDATE;
            SELECT p.coop_transaction_sequence_id INTO seq_id
              FROM jmsc_coop_account a JOIN res_partner p ON p.id = a.cooperative_id WHERE a.id = account;
            IF seq_id IS NOT NULL AND NOT seq_id = ANY(sequences) THEN
                sequences := sequences || seq_id;
            END IF;
        END LOOP;
        sequences := ARRAY(SELECT unnest(sequences) ORDER BY 1);
        FOREACH seq_id IN ARRAY sequences LOOP
            PERFORM 1 FROM ir_sequence s WHERE s.id = seq_id FOR UPDATE;
        END LOOP;
        FOREACH account IN ARRAY account_ids LOOP
            RETURN QUERY
            SELECT a.id, a.balance::numeric, a.state::varchar, a.last_value_date,
                   (SELECT SUM(h.amount) FROM jmsc_coop_hold h
                     WHERE h.account_id = a.id AND h.state = 'active')::numeric,
                   (SELECT t.id FROM jmsc_coop_transaction t
                     WHERE t.idempotency_key = caller_key AND t.cooperative_id = a.cooperative_id LIMIT 1),
                   (SELECT t.id FROM jmsc_coop_transaction t
                     WHERE t.system_key = generated_key AND t.cooperative_id = a.cooperative_id LIMIT 1),
                   a.cooperative_id, a.member_id, a.product_id, m.status::varchar, pr.kind::varchar,
                   pr.min_balance::numeric, pr.allow_deposit, pr.allow_withdrawal, pr.allow_transfer,
                   pr.allow_fee, pr.allow_shu, s.id, s.number_next, s.prefix::varchar, s.suffix::varchar,
                   s.padding,
                   EXISTS(SELECT 1 FROM jmsc_coop_period cp WHERE cp.cooperative_id = a.cooperative_id
                                                              AND cp.month = period)
              FROM jmsc_coop_account a
              JOIN jmsc_coop_member m ON m.id = a.member_id
              JOIN jmsc_coop_product pr ON pr.id = a.product_id
              JOIN res_partner p ON p.id = a.cooperative_id
              LEFT JOIN ir_sequence s ON s.id = p.coop_transaction_sequence_id
             WHERE a.id = account;
        END LOOP;
    END
    $function$
    """
)

# One posting of one leg in one round trip: the locks and the ledger state above, the rules of
# `jmsc.coop.account._check_posting`, then the number, the running balance and the insert. It inserts
# only when every rule holds. A key seen before is answered with the posting that used it (the caller
# replays it or refuses a different posting). On anything else (the cooperative's first posting, a
# sequence whose prefix has date placeholders, a closed month, a rule broken) it changes nothing and
# the caller takes the general path, which raises the error an officer reads. So this function may
# refuse more than Python would, never less: the tests of every refusal go through it first.
# `today` is the user's today (Asia/Jakarta), given by the caller.
POST_ONE_FUNCTION = SQL(
    """
    CREATE OR REPLACE FUNCTION jmsc_coop_post_one(
        account integer, tx_type varchar, signed numeric, value_day date, today date, closing boolean,
        tx_channel varchar, country integer, tx_reference varchar, tx_note varchar,
        caller_key varchar, generated_key varchar, user_id integer
    ) RETURNS TABLE (outcome varchar, transaction_id integer, kind varchar)
    LANGUAGE plpgsql VOLATILE SET plan_cache_mode = force_generic_plan AS $function$
    DECLARE
        st record;
        new_balance numeric;
        number text;
        new_id integer;
    BEGIN
        SELECT * INTO st FROM jmsc_coop_ledger_state(
            ARRAY[account], caller_key, generated_key, date_trunc('month', value_day)::date
        );
        IF NOT FOUND THEN
            RETURN QUERY SELECT 'general'::varchar, NULL::integer, NULL::varchar;
            RETURN;
        END IF;
        IF st.key_transaction_id IS NOT NULL THEN
            RETURN QUERY SELECT 'idempotency_key'::varchar, st.key_transaction_id, st.kind;
            RETURN;
        END IF;
        IF st.system_key_transaction_id IS NOT NULL THEN
            RETURN QUERY SELECT 'system_key'::varchar, st.system_key_transaction_id, st.kind;
            RETURN;
        END IF;
        new_balance := st.balance + signed;
        IF st.sequence_id IS NULL OR st.closed
           OR strpos(COALESCE(st.prefix, '') || COALESCE(st.suffix, ''), chr(37)) > 0
           OR st.state NOT IN ('active', 'dormant')
           OR (st.state = 'dormant' AND signed < 0)
           OR (st.member_status IS DISTINCT FROM 'active' AND tx_type <> 'reversal')
           OR value_day > today
           OR (st.last_value_date IS NOT NULL AND value_day < st.last_value_date)
           OR NOT COALESCE(CASE tx_type
                   WHEN 'deposit' THEN st.allow_deposit
                   WHEN 'withdrawal' THEN st.allow_withdrawal OR closing
                   WHEN 'transfer' THEN st.allow_transfer
                   WHEN 'fee' THEN st.allow_fee
                   WHEN 'shu' THEN st.allow_shu
                   WHEN 'reversal' THEN TRUE
               END, FALSE)
           OR (signed < 0 AND new_balance - COALESCE(st.held, 0) < 0)
           OR (signed < 0 AND NOT closing AND tx_type <> 'reversal' AND new_balance < COALESCE(st.min_balance, 0))
        THEN
            RETURN QUERY SELECT 'general'::varchar, NULL::integer, st.kind;
            RETURN;
        END IF;
        number := st.number_next::text;
        IF length(number) < COALESCE(st.padding, 0) THEN
            number := lpad(number, st.padding, '0');
        END IF;
        UPDATE ir_sequence SET number_next = number_next + 1 WHERE id = st.sequence_id;
        UPDATE jmsc_coop_account SET balance = new_balance, last_value_date = value_day WHERE id = account;
        INSERT INTO jmsc_coop_transaction
               (create_uid, write_uid, name, account_id, cooperative_id, member_id, product_id,
                transaction_type, amount, running_balance, value_date, channel, source_country_id,
                reference, note, idempotency_key, system_key, create_date, write_date)
        VALUES (user_id, user_id, COALESCE(st.prefix, '') || number || COALESCE(st.suffix, ''), account,
                st.cooperative_id, st.member_id, st.product_id, tx_type, signed, new_balance, value_day,
                tx_channel, country, tx_reference, tx_note, caller_key, generated_key,
                NOW() AT TIME ZONE 'UTC', NOW() AT TIME ZONE 'UTC')
        RETURNING id INTO new_id;
        RETURN QUERY SELECT 'posted'::varchar, new_id, st.kind;
    END
    $function$
    """
)
