#!/usr/bin/python3
"""Turns the results of bench/run.sh into the Markdown report of docs/PERFORMANCE.md.

Usage: bench/report.py DIR, where DIR holds machine.txt and run-N/results.txt (key=value).
Every ratio is computed within one run (sige against the baselines measured in that same
run), then the median over the runs is taken; absolute figures are shown for each run too.
"""

import pathlib
import statistics
import sys


def read_kv(path):
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            out[key.strip()] = value.strip()
    return out


def num(run, key):
    try:
        return float(run[key])
    except (KeyError, ValueError):
        return None


def ratio(a, b):
    return None if a is None or not b else a / b


def fmt(value, kind):
    if value is None:
        return "—"
    if kind == "rps":
        return f"{value:,.0f}".replace(",", " ")
    if kind == "ms":
        return f"{value:.1f}" if value >= 10 else f"{value:.2f}"
    if kind == "pct":
        return f"{100 * value:.0f} %"
    if kind == "mb":
        return f"{value / 1024:.0f}"
    if kind == "int":
        return f"{value:.0f}"
    return str(value)


def cell(v, kind):
    if kind == "none":
        return ""
    if kind == "cpu_pair":
        return f"{fmt(v[0], 'int')}; {fmt(v[1], 'pct')}"
    if kind == "pair":
        return " / ".join(fmt(x, "ms") for x in v)
    if kind == "pair_mb":
        return " / ".join(fmt(x, "mb") for x in v)
    if kind == "pair_int":
        return " / ".join(fmt(x, "int") for x in v)
    return fmt(v, kind)

def median(values, kind):
    if kind.startswith("pair") or kind == "cpu_pair":
        cols = list(zip(*values))
        return tuple(median(list(c), "x") for c in cols)
    present = [x for x in values if x is not None]
    return statistics.median(present) if present else None


def print_table(rows, runs):
    """One line per figure: its value in each run and the median over the runs."""
    print("| figure | " + " | ".join(f"run {i + 1}" for i in range(len(runs))) + " | **median** |")
    print("|" + " --- |" * (len(runs) + 2))
    for label, kind, f in rows:
        values = [f(r) for r in runs]
        if kind == "none":
            print(f"| {label} |" + " |" * (len(runs) + 1))
            continue
        cells = [cell(v, kind) for v in values]
        print(f"| {label} | " + " | ".join(cells) + f" | **{cell(median(values, kind), kind)}** |")


def main():
    out = pathlib.Path(sys.argv[1])
    machine = read_kv(out / "machine.txt")
    runs = [read_kv(p) for p in sorted(out.glob("run-*/results.txt"), key=lambda p: int(p.parent.name[4:]))]
    if not runs:
        sys.exit("report.py: no hay resultados en " + str(out))

    # Derived figures per run.
    for r in runs:
        for name in ("transfer", "transfer_low"):
            rps = num(r, name + ".rps")
            r[name + ".pairs"] = rps / 2 if rps is not None else None
            cpu = num(r, name + ".cpu_us")
            r[name + ".pair_cpu_us"] = 2 * cpu if cpu is not None else None
        hwm = [num(r, k) for k in r if k.startswith("hwm.")]
        sampled = num(r, "rss.sampled_peak.kb")
        r["rss.peak.kb"] = max([x for x in hwm + [sampled] if x is not None], default=None)
        # The FULL baseline ran just before and just after sige's writes: use their mean.
        for what in ("register.tps", "register.p50_ms", "register.p99_ms", "transfer.pairs_per_s",
                     "register.cpu_us", "transfer.cpu_us"):
            both = [num(r, f"sqlite_{when}.{what}") for when in ("full_before", "full_after")]
            both = [x for x in both if x is not None]
            r[f"sqlite_full.{what}"] = sum(both) / len(both) if both else None
        for name in ("pg.transfer", "pg.transfer_low"):
            rps = num(r, name + ".rps")
            r[name + ".pairs"] = rps / 2 if rps is not None else None
            cpu = num(r, name + ".cpu_us")
            r[name + ".pair_cpu_us"] = 2 * cpu if cpu is not None else None
        both = [num(r, f"pgbench_{when}.tps") for when in ("before", "after")]
        both = [x for x in both if x is not None]
        r["pgbench.tps"] = sum(both) / len(both) if both else None
        pg_hwm = [num(r, key) for key in r if key.startswith("pg.hwm.")]
        r["pg.rss.peak.kb"] = max([x for x in pg_hwm + [num(r, "pg.rss.sampled_peak.kb")] if x is not None],
                                  default=None)
        r["ready.worst_ms"] = max(x for x in (num(r, "ready.listo_ms"), num(r, "ready.healthz_ms"), 0) if x is not None)

    def val(r, key):
        v = r.get(key)
        if isinstance(v, float) or v is None:
            return v
        return num(r, key)

    rows = []  # (label, kind, function of a run)

    def add(label, kind, f):
        rows.append((label, kind, f))

    def k(key):
        return lambda r: val(r, key)

    def rat(a, b):
        return lambda r: ratio(val(r, a), val(r, b))

    conns = machine.get("conns", "64")
    low = machine.get("low_conns", "8")
    add(f"**nginx**, static 200-byte file, {conns} conns: req/s", "rps", k("nginx.rps"))
    add("  nginx p50 / p99 ms", "pair", lambda r: (val(r, "nginx.p50"), val(r, "nginx.p99")))
    add(f"**GET dossier** (ADMIN, any of the ids), {conns} conns: req/s", "rps", k("get_admin.rps"))
    add("  ratio to nginx", "pct", rat("get_admin.rps", "nginx.rps"))
    add("  p50 / p99 ms", "pair", lambda r: (val(r, "get_admin.p50"), val(r, "get_admin.p99")))
    add(f"GET dossier (desk clerk, ids on its route), {conns} conns: req/s", "rps", k("get_desk.rps"))
    add("  ratio to nginx", "pct", rat("get_desk.rps", "nginx.rps"))
    add("  p50 / p99 ms", "pair", lambda r: (val(r, "get_desk.p50"), val(r, "get_desk.p99")))
    add(f"**search** (ADMIN: q= and filters, page of 50), {conns} conns: req/s", "rps", k("search_admin.rps"))
    add("  ratio to nginx", "pct", rat("search_admin.rps", "nginx.rps"))
    add("  p50 / p99 ms", "pair", lambda r: (val(r, "search_admin.p50"), val(r, "search_admin.p99")))
    add(f"search (desk clerk, its scope), {conns} conns: req/s", "rps", k("search_desk.rps"))
    add("  ratio to nginx", "pct", rat("search_desk.rps", "nginx.rps"))
    add("  p50 / p99 ms", "pair", lambda r: (val(r, "search_desk.p50"), val(r, "search_desk.p99")))
    add(f"GET dossier (ADMIN), {low} conns, while {conns} conns register: req/s", "rps", k("get_while_writing.rps"))
    add("  p50 / p99 ms", "pair", lambda r: (val(r, "get_while_writing.p50"), val(r, "get_while_writing.p99")))
    add("**bare SQLite register**, synchronous=FULL: tx/s (mean of before / after)", "rps", k("sqlite_full.register.tps"))
    add("  before / after sige's writes", "pair_int", lambda r: (val(r, "sqlite_full_before.register.tps"), val(r, "sqlite_full_after.register.tps")))
    add("  p50 / p99 ms", "pair", lambda r: (val(r, "sqlite_full.register.p50_ms"), val(r, "sqlite_full.register.p99_ms")))
    add(f"**register** (desk clerk), {conns} conns: req/s", "rps", k("register.rps"))
    add("  ratio to bare SQLite", "pct", rat("register.rps", "sqlite_full.register.tps"))
    add("  p50 / p99 ms", "pair", lambda r: (val(r, "register.p50"), val(r, "register.p99")))
    add(f"register, {low} conns: req/s", "rps", k("register_low.rps"))
    add("  ratio to bare SQLite", "pct", rat("register_low.rps", "sqlite_full.register.tps"))
    add("  p50 / p99 ms", "pair", lambda r: (val(r, "register_low.p50"), val(r, "register_low.p99")))
    add("**bare SQLite send+receive**, FULL: pairs/s (mean of before / after)", "rps", k("sqlite_full.transfer.pairs_per_s"))
    add("  before / after sige's writes", "pair_int", lambda r: (val(r, "sqlite_full_before.transfer.pairs_per_s"), val(r, "sqlite_full_after.transfer.pairs_per_s")))
    add(f"**transfer+receive**, {conns} conns: pairs/s", "rps", k("transfer.pairs"))
    add("  ratio to bare SQLite", "pct", rat("transfer.pairs", "sqlite_full.transfer.pairs_per_s"))
    add("  p50 / p99 ms (per request)", "pair", lambda r: (val(r, "transfer.p50"), val(r, "transfer.p99")))
    add(f"transfer+receive, {low} conns: pairs/s", "rps", k("transfer_low.pairs"))
    add("  ratio to bare SQLite", "pct", rat("transfer_low.pairs", "sqlite_full.transfer.pairs_per_s"))
    add("  p50 / p99 ms (per request)", "pair", lambda r: (val(r, "transfer_low.p50"), val(r, "transfer_low.p99")))
    add("bare SQLite register, synchronous=NORMAL: tx/s", "rps", k("sqlite_normal.register.tps"))
    add("bare SQLite send+receive, NORMAL: pairs/s", "rps", k("sqlite_normal.transfer.pairs_per_s"))
    add("*CPU time per operation (µs; hardly depends on the load of the machine):*", "none", lambda r: None)
    add("  nginx, per request", "int", k("nginx.cpu_us"))
    add("  GET dossier (ADMIN), per request; nginx's share", "cpu_pair", lambda r: (val(r, "get_admin.cpu_us"), ratio(val(r, "nginx.cpu_us"), val(r, "get_admin.cpu_us"))))
    add("  search (ADMIN), per request", "int", k("search_admin.cpu_us"))
    add("  search (clerk), per request", "int", k("search_desk.cpu_us"))
    add("  bare SQLite register (FULL), per transaction", "int", k("sqlite_full.register.cpu_us"))
    add(f"  register ({conns} conns), per request; bare SQLite's share", "cpu_pair", lambda r: (val(r, "register.cpu_us"), ratio(val(r, "sqlite_full.register.cpu_us"), val(r, "register.cpu_us"))))
    add("  bare SQLite send+receive (FULL), per pair", "int", k("sqlite_full.transfer.cpu_us"))
    add(f"  transfer+receive ({conns} conns), per pair; bare SQLite's share", "cpu_pair", lambda r: (val(r, "transfer.pair_cpu_us"), ratio(val(r, "sqlite_full.transfer.cpu_us"), val(r, "transfer.pair_cpu_us"))))
    add("server RSS peak (VmHWM), MB", "mb", k("rss.peak.kb"))
    add("server RSS after the reads / at the end, MB", "pair_mb", lambda r: (val(r, "rss.search_desk.kb"), val(r, "rss.transfer_low.kb")))
    add("`sige serve` ready: own report / first /healthz 200, ms", "pair_int", lambda r: (val(r, "ready.listo_ms"), val(r, "ready.healthz_ms")))
    phases = ("get_admin", "get_desk", "search_admin", "search_desk", "get_while_writing",
              "register", "register_low", "transfer", "transfer_low")
    add("non-2xx responses (all sige runs)", "int", lambda r: sum(val(r, n + ".non2xx") or 0 for n in phases))
    add("socket errors / timeouts > 10 s (all sige runs)", "int", lambda r: sum(val(r, n + ".socket_errors") or 0 for n in phases))
    add("load average at start / end of the run", "pair", lambda r: (val(r, "load.start"), val(r, "load.end")))

    print(f"## Benchmark run of {machine.get('date', '?')}\n")
    print(f"- machine: {machine.get('nproc')} cores, {machine.get('cpu')}, {machine.get('memory_mb')} MB, "
          f"{machine.get('kernel')}, {machine.get('os')}")
    print(f"- tools: wrk {machine.get('wrk')} (-t{machine.get('wrk_threads')}), nginx {machine.get('nginx')}, "
          f"SQLite {machine.get('sqlite')}; sige at {machine.get('git')}, binary built {machine.get('sige_built', '?')}")
    print(f"- data: {machine.get('dossiers')} dossiers, {machine.get('organizations')} organisations "
          f"(sige-datagen); each wrk run {machine.get('duration')} s")
    print(f"- command: `{machine.get('command')}`")
    print(f"- load average: {machine.get('load_start')} at start, {machine.get('load_end', '?')} at end\n")

    print_table(rows, runs)

    # Targets, judged on the medians of the per-run figures.
    def med_of(f):
        return median([f(r) for r in runs], "x")

    get_ratio = med_of(rat("get_admin.rps", "nginx.rps"))
    get_p99 = med_of(k("get_admin.p99"))
    reg_ratio = med_of(rat("register.rps", "sqlite_full.register.tps"))
    reg_low_ratio = med_of(rat("register_low.rps", "sqlite_full.register.tps"))
    rss_peak = max((r["rss.peak.kb"] for r in runs if r.get("rss.peak.kb") is not None), default=None)
    ready = max((r["ready.worst_ms"] for r in runs), default=None)

    def yes(ok):
        return "**met**" if ok else "**not met**"

    print("\n| target | measured | |")
    print("| --- | --- | --- |")
    ok_get = get_ratio is not None and get_p99 is not None and get_ratio >= 0.30 and get_p99 < 10
    print(f"| GET dossier ≥ 30 % of nginx, p99 < 10 ms at {conns} conns | {fmt(get_ratio, 'pct')}, "
          f"p99 {fmt(get_p99, 'ms')} ms (medians) | {yes(ok_get)} |")
    ok_reg = reg_ratio is not None and reg_ratio >= 0.5
    ok_reg_low = reg_low_ratio is not None and reg_low_ratio >= 0.5
    print(f"| register ≥ 50 % of bare SQLite (synchronous=FULL) | {fmt(reg_ratio, 'pct')} at {conns} conns, "
          f"{fmt(reg_low_ratio, 'pct')} at {low} (medians) | {yes(ok_reg and ok_reg_low)} |")
    ok_rss = rss_peak is not None and rss_peak < 150 * 1024
    print(f"| server RSS < 150 MB during the run | peak {fmt(rss_peak, 'mb')} MB (worst run) | {yes(ok_rss)} |")
    ok_ready = ready is not None and ready < 1000
    print(f"| `sige serve` ready < 1 s | {fmt(ready, 'int')} ms (worst run, wall time to /healthz) | {yes(ok_ready)} |")

    if any(val(r, "pg.get_admin.rps") is not None for r in runs):
        postgresql(runs, machine, val, k, rat)


def postgresql(runs, machine, val, k, rat):
    """The same phases on PostgreSQL, its own baseline (pgbench), two nodes, and both
    backends side by side."""
    conns = machine.get("conns", "64")
    low = machine.get("low_conns", "8")
    clients = machine.get("pgbench_clients", "8")
    rows = []

    def add(label, kind, f):
        rows.append((label, kind, f))

    def p50_p99(name):
        return lambda r: (val(r, name + ".p50"), val(r, name + ".p99"))

    print(f"\n### PostgreSQL {machine.get('postgresql', '')}\n")
    print(f"The same data copied with `sige migrate` (in {machine.get('pg_migrate_s', '?')} s) into a "
          f"throwaway server with durable settings (fsync and synchronous commits on); pgbench "
          f"scale {machine.get('pgbench_scale', '?')}, {clients} clients.\n")
    add(f"**pgbench** TPC-B-like, {clients} clients: tx/s (mean of before / after)", "rps", k("pgbench.tps"))
    add("  before / after sige's writes", "pair_int",
        lambda r: (val(r, "pgbench_before.tps"), val(r, "pgbench_after.tps")))
    add(f"**GET dossier** (ADMIN), {conns} conns: req/s", "rps", k("pg.get_admin.rps"))
    add("  ratio to nginx", "pct", rat("pg.get_admin.rps", "nginx.rps"))
    add("  p50 / p99 ms", "pair", p50_p99("pg.get_admin"))
    add(f"GET dossier (desk clerk), {conns} conns: req/s", "rps", k("pg.get_desk.rps"))
    add("  p50 / p99 ms", "pair", p50_p99("pg.get_desk"))
    add(f"**search** (ADMIN), {conns} conns: req/s", "rps", k("pg.search_admin.rps"))
    add("  p50 / p99 ms", "pair", p50_p99("pg.search_admin"))
    add(f"search (desk clerk), {conns} conns: req/s", "rps", k("pg.search_desk.rps"))
    add("  p50 / p99 ms", "pair", p50_p99("pg.search_desk"))
    add(f"GET dossier (ADMIN), {low} conns, while {conns} conns register: req/s", "rps", k("pg.get_while_writing.rps"))
    add("  p50 / p99 ms", "pair", p50_p99("pg.get_while_writing"))
    add(f"**register**, {conns} conns: req/s", "rps", k("pg.register.rps"))
    add("  ratio to pgbench's tx/s", "pct", rat("pg.register.rps", "pgbench.tps"))
    add("  p50 / p99 ms", "pair", p50_p99("pg.register"))
    add(f"register, {low} conns: req/s", "rps", k("pg.register_low.rps"))
    add("  ratio to pgbench's tx/s", "pct", rat("pg.register_low.rps", "pgbench.tps"))
    add("  p50 / p99 ms", "pair", p50_p99("pg.register_low"))
    add(f"**transfer+receive**, {conns} conns: pairs/s", "rps", k("pg.transfer.pairs"))
    add("  requests/s to pgbench's tx/s", "pct", rat("pg.transfer.rps", "pgbench.tps"))
    add("  p50 / p99 ms (per request)", "pair", p50_p99("pg.transfer"))
    add(f"transfer+receive, {low} conns: pairs/s", "rps", k("pg.transfer_low.pairs"))
    add("  p50 / p99 ms (per request)", "pair", p50_p99("pg.transfer_low"))
    add(f"**register through nginx, one node**, {conns} conns: req/s", "rps", k("pg.nodes1_register.rps"))
    add("  p50 / p99 ms", "pair", p50_p99("pg.nodes1_register"))
    add(f"**register through nginx, two nodes**, {conns} conns: req/s", "rps", k("pg.nodes2_register.rps"))
    add("  two nodes to one node", "pct", rat("pg.nodes2_register.rps", "pg.nodes1_register.rps"))
    add("  p50 / p99 ms", "pair", p50_p99("pg.nodes2_register"))
    add("*CPU time per operation, sige and PostgreSQL together (µs):*", "none", lambda r: None)
    add("  GET dossier (ADMIN), per request", "int", k("pg.get_admin.cpu_us"))
    add("  search (ADMIN), per request", "int", k("pg.search_admin.cpu_us"))
    add("  register, per request", "int", k("pg.register.cpu_us"))
    add("  transfer+receive, per pair", "int", k("pg.transfer.pair_cpu_us"))
    add("  register with two nodes and nginx, per request", "int", k("pg.nodes2_register.cpu_us"))
    add("server RSS peak (VmHWM), MB", "mb", k("pg.rss.peak.kb"))
    add("`sige serve` ready: own report / first /healthz 200, ms", "pair_int",
        lambda r: (val(r, "pg.ready.listo_ms"), val(r, "pg.ready.healthz_ms")))
    phases = ("get_admin", "get_desk", "search_admin", "search_desk", "get_while_writing", "register",
              "register_low", "transfer", "transfer_low", "nodes1_register", "nodes2_register")
    add("non-2xx responses / socket errors (all sige runs)", "pair_int",
        lambda r: (sum(val(r, f"pg.{n}.non2xx") or 0 for n in phases),
                   sum(val(r, f"pg.{n}.socket_errors") or 0 for n in phases)))
    print_table(rows, runs)

    print("\n### SQLite and PostgreSQL side by side (medians)\n")
    print("| figure | SQLite | PostgreSQL | PostgreSQL ÷ SQLite | p99 ms, SQLite / PostgreSQL "
          "| CPU µs per operation, SQLite / PostgreSQL (with its server) |")
    print("| --- | --- | --- | --- | --- | --- |")
    side = (("GET dossier (ADMIN)", "get_admin", "rps", "cpu_us"),
            ("GET dossier (desk clerk)", "get_desk", "rps", "cpu_us"),
            ("search (ADMIN)", "search_admin", "rps", "cpu_us"),
            ("search (desk clerk)", "search_desk", "rps", "cpu_us"),
            (f"GET while {conns} conns register", "get_while_writing", "rps", "cpu_us"),
            (f"register, {conns} conns", "register", "rps", "cpu_us"),
            (f"register, {low} conns", "register_low", "rps", "cpu_us"),
            (f"transfer+receive pairs/s, {conns} conns", "transfer", "pairs", "pair_cpu_us"),
            (f"transfer+receive pairs/s, {low} conns", "transfer_low", "pairs", "pair_cpu_us"))
    for label, name, what, cpu in side:
        a = median([val(r, f"{name}.{what}") for r in runs], "x")
        b = median([val(r, f"pg.{name}.{what}") for r in runs], "x")
        per_run = median([ratio(val(r, f"pg.{name}.{what}"), val(r, f"{name}.{what}")) for r in runs], "x")
        p99 = (median([val(r, f"{name}.p99") for r in runs], "x"),
               median([val(r, f"pg.{name}.p99") for r in runs], "x"))
        cpus = (median([val(r, f"{name}.{cpu}") for r in runs], "x"),
                median([val(r, f"pg.{name}.{cpu}") for r in runs], "x"))
        print(f"| {label} | {fmt(a, 'rps')} | {fmt(b, 'rps')} | {fmt(per_run, 'pct')} | "
              f"{cell(p99, 'pair')} | {cell(cpus, 'pair_int')} |")


if __name__ == "__main__":
    main()
