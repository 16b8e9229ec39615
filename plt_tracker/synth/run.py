"""One synth run: refuse a non-empty register, create the pemda, simulate and insert each,
then compute the stored vacancy states."""
from plt_tracker.audit.operations import record
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.synth import writer
from plt_tracker.synth.layout import pemda_plan


def generate(count, posts_per_pemda, seed, as_of, *, append=False, batch=5000, refresh=True,
             progress=None):
    """Generate `count` pemda of `posts_per_pemda` posts each with history up to `as_of`;
    return the rows added per table. All in one transaction: nothing is left half-written."""
    from plt_tracker.core.dates import today
    from plt_tracker.flags.state import refresh_all

    totals = {"instansi": count}
    with transaction():
        existing = writer.existing_rows()
        if any(existing.values()) and not append:
            found = ", ".join(f"{n} {t}" for t, n in existing.items() if n)
            raise RuleViolation(f"Basis data sudah berisi data ({found}). Data sintetis hanya "
                                f"dibuat di basis data kosong; pakai --append untuk menambah.")
        plan = pemda_plan(count, f"S{seed}")
        pemda_ids = writer.create_plan(plan)
        ids = writer.new_ids()
        for index, instansi_id in enumerate(pemda_ids):
            rows = writer.simulate_pemda(seed, index, ids, instansi_id, as_of, posts_per_pemda)
            for table, number in writer.insert_rows(rows, batch).items():
                totals[table] = totals.get(table, 0) + number
            if progress:
                progress(index + 1, len(pemda_ids))
        writer.reset_sequences()
        record("create", "synth", None, f"Data sintetis dibuat: {count} pemda, "
               f"{posts_per_pemda} jabatan per pemda, benih {seed}, riwayat sampai {as_of:%d/%m/%Y}",
               instansi_id=pemda_ids[0], params={"pemda": count, "seed": seed})
    if refresh:
        refresh_all(today())
    writer.analyze()
    return totals
