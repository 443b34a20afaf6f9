// sige-bench-sqlite: the write-path baseline of docs/PERFORMANCE.md. A bare program that runs,
// directly with the sqlite3 C API (prepared statements, no sige layers), the statements the
// server runs to register a dossier and to send and receive a transfer, one transaction
// each, on the same schema and with the same connection settings (WAL, foreign keys,
// synchronous=FULL by default). Like the server, writers share one connection behind a
// mutex, from --threads threads.
//
//   register:  BEGIN IMMEDIATE; counter upsert; INSERT dossier (its FTS trigger fires);
//              SELECT audit head; INSERT audit_event (SHA-256 chained); UPDATE audit head;
//              COMMIT
//   transfer:  send    = BEGIN IMMEDIATE; SELECT dossier; INSERT transfer; UPDATE dossier;
//                        audit (3 statements); COMMIT
//              receive = BEGIN IMMEDIATE; SELECT transfer; UPDATE transfer; UPDATE dossier;
//                        audit (3 statements); COMMIT
//
// What the server adds on top (HTTP, JSON, authentication, access checks, the lookups of
// names for the answer) is what the ratio against this baseline measures.
//
// --db uses an existing sige database as it is (bench/run.sh gives it a copy of the generated
// 100,000 dossiers, so both sides write into tables of the same size); without it, a fresh
// database is created with sige's own migrations.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include "storage/database.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t NowMicros() {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

[[noreturn]] void Fail(sqlite3* db, const std::string& what) {
    throw std::runtime_error(what + ": " + sqlite3_errmsg(db));
}

void Exec(sqlite3* db, const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "?";
        sqlite3_free(err);
        throw std::runtime_error(std::string(sql) + ": " + msg);
    }
}

std::string Hex(const unsigned char* p, std::size_t n) {
    static const char* kDigits = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(kDigits[p[i] >> 4]);
        out.push_back(kDigits[p[i] & 15]);
    }
    return out;
}

std::string Sha256Hex(const std::string& data) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_Digest(data.data(), data.size(), md, &n, EVP_sha256(), nullptr);
    return Hex(md, n);
}

std::string RandomHex(int bytes) {
    unsigned char buf[64];
    RAND_bytes(buf, bytes);
    return Hex(buf, std::size_t(bytes));
}

/// A prepared statement, reset after each use.
class Stmt {
public:
    Stmt(sqlite3* db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s_, nullptr) != SQLITE_OK) {
            Fail(db, std::string("preparar ") + sql);
        }
    }
    ~Stmt() { sqlite3_finalize(s_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& Bind(int i, std::int64_t v) {
        sqlite3_bind_int64(s_, i, v);
        return *this;
    }
    Stmt& Bind(int i, int v) { return Bind(i, std::int64_t(v)); }
    Stmt& Bind(int i, const std::string& v) {
        sqlite3_bind_text(s_, i, v.data(), int(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt& Bind(int i, const char* v) {
        sqlite3_bind_text(s_, i, v, -1, SQLITE_STATIC);
        return *this;
    }
    Stmt& BindNull(int i) {
        sqlite3_bind_null(s_, i);
        return *this;
    }
    /// Steps once; true when a row came back (read it before Done()).
    bool Step() {
        int rc = sqlite3_step(s_);
        if (rc == SQLITE_ROW) {
            return true;
        }
        if (rc != SQLITE_DONE) {
            Fail(db_, sqlite3_sql(s_));
        }
        return false;
    }
    std::int64_t Int(int col) { return sqlite3_column_int64(s_, col); }
    std::string Text(int col) {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s_, col));
        return p ? p : "";
    }
    void Done() {
        sqlite3_reset(s_);
        sqlite3_clear_bindings(s_);
    }
    /// Runs a statement that returns nothing.
    void Run() {
        while (Step()) {
        }
        Done();
    }

private:
    sqlite3* db_;
    sqlite3_stmt* s_ = nullptr;
};

/// Who the rows name: ids taken from the database.
struct Refs {
    std::int64_t org = 0, unit_a = 0, unit_b = 0, type = 0, user = 0;
};

/// The connection and its statements, shared by the writer threads behind a mutex.
class Writer {
public:
    Writer(const std::string& path, const std::string& synchronous) {
        if (sqlite3_open_v2(path.c_str(), &db_,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                            nullptr) != SQLITE_OK) {
            Fail(db_, "abrir " + path);
        }
        sqlite3_busy_timeout(db_, 5000);
        // The server's connection settings (storage/sqlite/sqlite_database.cpp).
        Exec(db_, "PRAGMA journal_mode = WAL");
        Exec(db_, "PRAGMA foreign_keys = ON");
        Exec(db_, ("PRAGMA synchronous = " + synchronous).c_str());
        Exec(db_, "PRAGMA temp_store = MEMORY");
        Exec(db_, "PRAGMA cache_size = -16000");
        counter_ = std::make_unique<Stmt>(
            db_,
            "INSERT INTO dossier_counter (organization_id, year, last_number) VALUES (?, ?, 1) "
            "ON CONFLICT (organization_id, year) "
            "DO UPDATE SET last_number = dossier_counter.last_number + 1 RETURNING last_number");
        insert_dossier_ = std::make_unique<Stmt>(
            db_,
            "INSERT INTO dossier (organization_id, code, number, letters, year, type_id, summary, "
            "origin, reserved, priority, instrument_number, folios, volumes, procedure_id, "
            "applicant_name, applicant_id_type, applicant_id_number, applicant_email, "
            "applicant_phone, applicant_address, state, state_before_archive, registered_unit_id, "
            "desk_unit_id, custody_unit_id, custody_permission, custody_since, "
            "pending_transfer_id, created_by, created_at, updated_at, tracking_token, pin) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?) RETURNING id");
        head_ = std::make_unique<Stmt>(db_, "SELECT seq, hash FROM audit_head WHERE id = 1");
        insert_event_ = std::make_unique<Stmt>(
            db_,
            "INSERT INTO audit_event (seq, at, actor_id, actor, action, entity, entity_id, "
            "dossier_id, client, before_json, after_json, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        update_head_ =
            std::make_unique<Stmt>(db_, "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1");
        find_dossier_ = std::make_unique<Stmt>(
            db_,
            "SELECT state, custody_unit_id, pending_transfer_id, folios FROM dossier WHERE id = ?");
        insert_transfer_ = std::make_unique<Stmt>(
            db_,
            "INSERT INTO transfer (dossier_id, from_unit_id, to_unit_id, action, permission, "
            "from_permission, folios_added, volumes_added, notes, state, sent_at, sent_by, "
            "received_at, received_by, reverted_at, reverted_by, revert_reason, delivery_note_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
        mark_sent_ = std::make_unique<Stmt>(
            db_,
            "UPDATE dossier SET state = 'in_process', pending_transfer_id = ?, updated_at = ? "
            "WHERE id = ?");
        find_transfer_ = std::make_unique<Stmt>(
            db_, "SELECT dossier_id, to_unit_id, state, folios_added FROM transfer WHERE id = ?");
        mark_received_ = std::make_unique<Stmt>(db_,
                                                "UPDATE transfer SET state = 'received', "
                                                "received_at = ?, received_by = ? WHERE id = ?");
        move_custody_ = std::make_unique<Stmt>(
            db_,
            "UPDATE dossier SET custody_unit_id = ?, custody_permission = 'WRITE', "
            "custody_since = ?, folios = folios + ?, pending_transfer_id = NULL, updated_at = ? "
            "WHERE id = ?");
    }
    ~Writer() {
        counter_.reset();
        insert_dossier_.reset();
        head_.reset();
        insert_event_.reset();
        update_head_.reset();
        find_dossier_.reset();
        insert_transfer_.reset();
        mark_sent_.reset();
        find_transfer_.reset();
        mark_received_.reset();
        move_custody_.reset();
        sqlite3_close_v2(db_);
    }

    sqlite3* handle() { return db_; }
    std::mutex& mutex() { return mutex_; }

    /// One registration, one transaction. Returns the dossier id.
    std::int64_t Register(const Refs& r, std::int64_t serial) {
        const std::int64_t now = NowMicros();
        const int year = 2026;
        Exec(db_, "BEGIN IMMEDIATE");
        counter_->Bind(1, r.org).Bind(2, year);
        counter_->Step();
        const std::int64_t number = counter_->Int(0);
        counter_->Done();
        const std::string code =
            std::to_string(number) + "-B" + std::to_string(serial % 7) + "-" + std::to_string(year);
        const std::string summary = "Solicita licencia de funcionamiento para bodega " +
                                    std::to_string(serial) + " ubicada en Av. Grau";
        const std::string dni = std::to_string(10'000'000 + serial % 70'000'000);
        auto& d = *insert_dossier_;
        d.Bind(1, r.org).Bind(2, code).Bind(3, number).Bind(4, "B" + std::to_string(serial % 7));
        d.Bind(5, year).Bind(6, r.type).Bind(7, summary).Bind(8, "external").Bind(9, 0);
        d.Bind(10, "normal").Bind(11, "").Bind(12, 12).Bind(13, 1).BindNull(14);
        d.Bind(15, "María Quispe Huamán").Bind(16, "DNI").Bind(17, dni);
        d.Bind(18, "maria.quispe@gmail.com")
            .Bind(19, "987654321")
            .Bind(20, "Av. Grau 123, Cercado");
        d.Bind(21, "registered").BindNull(22).Bind(23, r.unit_a).Bind(24, r.unit_a);
        d.Bind(25, r.unit_a).Bind(26, "WRITE").Bind(27, now).BindNull(28).Bind(29, r.user);
        d.Bind(30, now).Bind(31, now).Bind(32, RandomHex(16)).Bind(33, "123456");
        d.Step();
        const std::int64_t id = d.Int(0);
        d.Done();
        // The audit event carries the dossier's snapshot, as the server's does.
        const std::string after =
            "{\"code\":\"" + code + "\",\"type_id\":" + std::to_string(r.type) + ",\"summary\":\"" +
            summary +
            "\",\"origin\":\"external\",\"reserved\":false,\"priority\":"
            "\"normal\",\"instrument_number\":\"\",\"folios\":12,"
            "\"volumes\":1,\"procedure_id\":null,\"applicant\":{\"name\":"
            "\"María Quispe Huamán\",\"id_type\":\"DNI\",\"id_number\":\"" +
            dni + "\"},\"state\":\"registered\",\"custody_unit_id\":" + std::to_string(r.unit_a) +
            ",\"custody_permission\":\"WRITE\"}";
        Audit(r, now, "dossier.registered", "dossier", id, id, "{}", after);
        Exec(db_, "COMMIT");
        return id;
    }

    /// Sends `dossier` from its custody unit to the other of A and B. Returns the transfer.
    std::int64_t Send(const Refs& r, std::int64_t dossier) {
        const std::int64_t now = NowMicros();
        Exec(db_, "BEGIN IMMEDIATE");
        find_dossier_->Bind(1, dossier);
        if (!find_dossier_->Step()) {
            throw std::runtime_error("no existe el expediente " + std::to_string(dossier));
        }
        const std::int64_t from = find_dossier_->Int(1);
        find_dossier_->Done();
        const std::int64_t to = from == r.unit_a ? r.unit_b : r.unit_a;
        auto& t = *insert_transfer_;
        t.Bind(1, dossier).Bind(2, from).Bind(3, to).Bind(4, "attend").Bind(5, "WRITE");
        t.Bind(6, "WRITE").Bind(7, 2).Bind(8, 0).Bind(9, "Para su atención y fines pertinentes.");
        t.Bind(10, "pending").Bind(11, now).Bind(12, r.user).BindNull(13).BindNull(14);
        t.BindNull(15).BindNull(16).Bind(17, "").BindNull(18);
        t.Step();
        const std::int64_t id = t.Int(0);
        t.Done();
        mark_sent_->Bind(1, id).Bind(2, now).Bind(3, dossier).Run();
        const std::string after = "{\"from_unit_id\":" + std::to_string(from) +
                                  ",\"to_unit_id\":" + std::to_string(to) +
                                  ",\"action\":\"attend\",\"permission\":\"WRITE\","
                                  "\"folios_added\":2,\"volumes_added\":0,\"notes\":\"Para su "
                                  "atención y fines pertinentes.\",\"state\":\"pending\"}";
        Audit(r, now, "transfer.sent", "transfer", id, dossier, "{}", after);
        Exec(db_, "COMMIT");
        return id;
    }

    void Receive(const Refs& r, std::int64_t transfer) {
        const std::int64_t now = NowMicros();
        Exec(db_, "BEGIN IMMEDIATE");
        find_transfer_->Bind(1, transfer);
        if (!find_transfer_->Step()) {
            throw std::runtime_error("no existe el pase " + std::to_string(transfer));
        }
        const std::int64_t dossier = find_transfer_->Int(0);
        const std::int64_t to = find_transfer_->Int(1);
        const std::int64_t folios = find_transfer_->Int(3);
        find_transfer_->Done();
        mark_received_->Bind(1, now).Bind(2, r.user).Bind(3, transfer).Run();
        move_custody_->Bind(1, to).Bind(2, now).Bind(3, folios).Bind(4, now).Bind(5, dossier).Run();
        const std::string after =
            "{\"state\":\"received\",\"custody_unit_id\":" + std::to_string(to) + ",\"folios\":14}";
        Audit(r, now, "transfer.received", "transfer", transfer, dossier,
              "{\"state\":\"pending\",\"folios\":12}", after);
        Exec(db_, "COMMIT");
    }

private:
    /// Appends one event to the hash chain, as storage/audit_store.cpp does.
    void Audit(const Refs& r,
               std::int64_t now,
               const char* action,
               const char* entity,
               std::int64_t entity_id,
               std::int64_t dossier,
               const std::string& before,
               const std::string& after) {
        head_->Step();
        const std::int64_t seq = head_->Int(0) + 1;
        const std::string prev = head_->Text(1);
        head_->Done();
        // Length-prefixed canonical form, as domain/audit.cpp.
        std::string canon;
        auto put = [&](const std::string& f) { canon += std::to_string(f.size()) + ":" + f + ";"; };
        put(std::to_string(seq));
        put(std::to_string(now));
        put(std::to_string(r.user));
        put("bench");
        put(action);
        put(entity);
        put(std::to_string(entity_id));
        put(std::to_string(dossier));
        put("127.0.0.1");
        put(before);
        put(after);
        put(prev);
        const std::string hash = Sha256Hex(canon);
        auto& e = *insert_event_;
        e.Bind(1, seq).Bind(2, now).Bind(3, r.user).Bind(4, "bench").Bind(5, action);
        e.Bind(6, entity).Bind(7, entity_id).Bind(8, dossier).Bind(9, "127.0.0.1");
        e.Bind(10, before).Bind(11, after).Bind(12, prev).Bind(13, hash);
        e.Run();
        update_head_->Bind(1, seq).Bind(2, hash).Run();
    }

    sqlite3* db_ = nullptr;
    std::mutex mutex_;
    std::unique_ptr<Stmt> counter_, insert_dossier_, head_, insert_event_, update_head_;
    std::unique_ptr<Stmt> find_dossier_, insert_transfer_, mark_sent_, find_transfer_,
        mark_received_, move_custody_;
};

std::int64_t QueryInt(sqlite3* db, const char* sql) {
    Stmt s(db, sql);
    std::int64_t v = s.Step() ? s.Int(0) : 0;
    s.Done();
    return v;
}

/// Ids to write with: from the generated data, or rows created here in a fresh database.
Refs FindRefs(sqlite3* db) {
    Refs r;
    r.org = QueryInt(db, "SELECT id FROM organization ORDER BY id LIMIT 1");
    if (r.org == 0) {
        Exec(db,
             "BEGIN; "
             "INSERT INTO organization (id, code, name, created_at) VALUES (1, 'BASE', "
             "'Municipalidad de referencia', 0); "
             "INSERT INTO unit (id, organization_id, code, name, is_desk) VALUES "
             "(1, 1, 'MP', 'Mesa de Partes', 1), (2, 1, 'GM', 'Gerencia Municipal', 0); "
             "INSERT INTO dossier_type (id, organization_id, code, name, origin) VALUES "
             "(1, 1, 'SOLGEN', 'Solicitud general', 'external'); "
             "INSERT INTO app_user (id, username, name, profile, unit_id, password_hash, "
             "created_at, updated_at) VALUES (1, 'bench', 'Bench', 'DESK', 1, 'x', 0, 0); "
             "COMMIT");
        r.org = 1;
    }
    const std::string org = std::to_string(r.org);
    r.unit_a = QueryInt(db, ("SELECT id FROM unit WHERE organization_id = " + org +
                             " AND is_desk = 1 ORDER BY id LIMIT 1")
                                .c_str());
    r.unit_b = QueryInt(db, ("SELECT id FROM unit WHERE organization_id = " + org + " AND id <> " +
                             std::to_string(r.unit_a) + " ORDER BY id LIMIT 1")
                                .c_str());
    r.type = QueryInt(db, ("SELECT id FROM dossier_type WHERE organization_id = " + org +
                           " AND origin = 'external' ORDER BY id LIMIT 1")
                              .c_str());
    r.user = QueryInt(db, "SELECT id FROM app_user ORDER BY id LIMIT 1");
    if (!r.unit_a || !r.unit_b || !r.type || !r.user) {
        throw std::runtime_error("la base no tiene organización, dos unidades, tipo y usuario");
    }
    return r;
}

struct Stats {
    std::int64_t ops = 0;
    double seconds = 0;
    double p50_ms = 0, p99_ms = 0;
    double cpu_us = 0;  ///< process CPU time (user + system) per operation
};

double CpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double Percentile(std::vector<double>& v, double p) {
    if (v.empty()) {
        return 0;
    }
    auto k = std::size_t(p * double(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(k), v.end());
    return v[k];
}

/// Runs `op(thread, i)` from `threads` threads for `seconds` (or `limit` operations) and
/// measures each call. The op holds the writer's mutex for each transaction, as the server's
/// writers do.
template <class Op>
Stats RunFor(int threads, double seconds, std::int64_t limit, Op op) {
    std::atomic<std::int64_t> next{0};
    std::atomic<bool> stop{false};
    std::vector<std::vector<double>> lat(static_cast<std::size_t>(threads));
    const auto began = Clock::now();
    const double cpu0 = CpuSeconds();
    const auto deadline = began + std::chrono::duration<double>(seconds);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            while (!stop.load()) {
                const auto t0 = Clock::now();
                const std::int64_t i = next.fetch_add(1);
                if (i >= limit || t0 >= deadline) {
                    stop = true;
                    break;
                }
                op(t, i);
                lat[std::size_t(t)].push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
            }
        });
    }
    for (auto& th : pool) {
        th.join();
    }
    Stats s;
    s.seconds = std::chrono::duration<double>(Clock::now() - began).count();
    const double cpu = CpuSeconds() - cpu0;
    std::vector<double> all;
    for (auto& l : lat) {
        all.insert(all.end(), l.begin(), l.end());
    }
    s.ops = std::int64_t(all.size());
    s.p50_ms = Percentile(all, 0.50);
    s.p99_ms = Percentile(all, 0.99);
    s.cpu_us = s.ops ? cpu * 1e6 / double(s.ops) : 0;
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{
        "sige-bench-sqlite: línea base de escritura (SQLite sin capas de sige, una transacción "
        "por operación)"};
    std::string db_path;
    std::string fresh_dir;
    std::string synchronous = "FULL";
    int threads = 1;
    double seconds = 10;
    std::int64_t limit = 1'000'000'000;
    std::string mode = "both";
    cli.add_option("--db", db_path, "Base de sige existente (se escribe en ella: use una copia)");
    cli.add_option("--fresh", fresh_dir, "Directorio donde crear una base nueva (si no hay --db)");
    cli.add_option("--synchronous", synchronous, "PRAGMA synchronous, como el servidor")
        ->check(CLI::IsMember({"FULL", "NORMAL", "OFF"}))
        ->capture_default_str();
    cli.add_option("--threads", threads, "Hilos escritores (comparten una conexión)")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    cli.add_option("--seconds", seconds, "Duración de cada medición")->capture_default_str();
    cli.add_option("--count", limit, "Tope de operaciones por medición");
    cli.add_option("--mode", mode, "register, transfer o both")
        ->check(CLI::IsMember({"register", "transfer", "both"}))
        ->capture_default_str();
    CLI11_PARSE(cli, argc, argv);

    try {
        if (db_path.empty()) {
            if (fresh_dir.empty()) {
                std::cerr << "sige-bench-sqlite: indique --db o --fresh\n";
                return 2;
            }
            fs::create_directories(fresh_dir);
            db_path = (fs::path(fresh_dir) / "baseline.db").string();
            fs::remove(db_path);
            fs::remove(db_path + "-wal");
            fs::remove(db_path + "-shm");
            // The schema exactly as the server creates it: sige's embedded migrations.
            sige::storage::sqlite::Options o;
            o.path = db_path;
            auto db = sige::storage::sqlite::Open(o);
            sige::storage::Migrate(*db);
        } else if (!fs::exists(db_path)) {
            std::cerr << "sige-bench-sqlite: no existe " << db_path << "\n";
            return 2;
        }
        Writer w(db_path, synchronous);
        const Refs refs = FindRefs(w.handle());
        const std::int64_t before = QueryInt(w.handle(), "SELECT COUNT(*) FROM dossier");
        std::cout << "sige-bench-sqlite: " << db_path << " (" << before
                  << " expedientes), synchronous=" << synchronous << ", " << threads
                  << " hilo(s), SQLite " << sqlite3_libversion() << "\n";

        std::vector<std::int64_t> created;
        std::mutex created_mutex;
        if (mode == "register" || mode == "both") {
            auto s = RunFor(threads, seconds, limit, [&](int, std::int64_t i) {
                std::int64_t id = 0;
                {
                    std::lock_guard writer(w.mutex());
                    id = w.Register(refs, i);
                }
                std::lock_guard lock(created_mutex);
                created.push_back(id);
            });
            std::printf(
                "  registro:        %7lld transacciones en %.1f s = %8.1f tx/s  (p50 %.2f ms, "
                "p99 %.2f ms; CPU %.0f µs por transacción)\n",
                (long long)s.ops, s.seconds, double(s.ops) / s.seconds, s.p50_ms, s.p99_ms,
                s.cpu_us);
            std::printf("RESULT register tps=%.1f p50_ms=%.3f p99_ms=%.3f ops=%lld cpu_us=%.1f\n",
                        double(s.ops) / s.seconds, s.p50_ms, s.p99_ms, (long long)s.ops, s.cpu_us);
        }
        if (mode == "transfer" || mode == "both") {
            // Dossiers to move: those just registered, or a batch registered now.
            if (created.size() < 256) {
                for (std::int64_t i = 0; i < 256; ++i) {
                    created.push_back(w.Register(refs, 1'000'000 + i));
                }
            }
            // Each thread moves its own dossiers A -> B -> A ...: send, then receive, as two
            // transactions (a pair is what the HTTP transfer+receive script counts).
            std::vector<std::size_t> cursor(std::size_t(threads), 0);
            auto s = RunFor(threads, seconds, limit, [&](int t, std::int64_t) {
                auto& c = cursor[std::size_t(t)];
                const std::size_t n = created.size() / std::size_t(threads);
                const std::int64_t dossier = created[std::size_t(t) * n + (c++ % n)];
                std::int64_t transfer = 0;
                {
                    std::lock_guard writer(w.mutex());
                    transfer = w.Send(refs, dossier);
                }
                std::lock_guard writer(w.mutex());
                w.Receive(refs, transfer);
            });
            // Latencies above are of a pair (two commits); per transaction, halve them.
            std::printf(
                "  pase+recepción:  %7lld pares en %.1f s = %8.1f pares/s (%.1f tx/s; par p50 "
                "%.2f ms, p99 %.2f ms; CPU %.0f µs por par)\n",
                (long long)s.ops, s.seconds, double(s.ops) / s.seconds,
                2 * double(s.ops) / s.seconds, s.p50_ms, s.p99_ms, s.cpu_us);
            std::printf(
                "RESULT transfer pairs_per_s=%.1f tps=%.1f p50_ms=%.3f p99_ms=%.3f ops=%lld "
                "cpu_us=%.1f\n",
                double(s.ops) / s.seconds, 2 * double(s.ops) / s.seconds, s.p50_ms, s.p99_ms,
                (long long)s.ops, s.cpu_us);
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "sige-bench-sqlite: " << e.what() << "\n";
        return 1;
    }
}
