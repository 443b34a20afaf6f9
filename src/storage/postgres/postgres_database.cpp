#include "storage/postgres/postgres_database.hpp"

#include <charconv>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include <libpq-fe.h>

namespace sige::storage::postgres {

namespace {

// Type OIDs of the built-in types a result column may have (pg_type.dat).
constexpr Oid kBool = 16;
constexpr Oid kInt8 = 20;
constexpr Oid kInt2 = 21;
constexpr Oid kInt4 = 23;
constexpr Oid kFloat4 = 700;
constexpr Oid kFloat8 = 701;
constexpr Oid kNumeric = 1700;

class PostgresDialect final : public Dialect {
public:
    std::string_view name() const override { return "postgresql"; }
    std::string_view ForUpdate() const override { return " FOR UPDATE"; }
    std::string_view SkipLocked() const override { return " FOR UPDATE SKIP LOCKED"; }
    std::string FullTextCondition(bool /*walk_in_order*/) const override {
        // The planner has statistics and chooses by itself.
        return "d.search @@ to_tsquery('sige_es', ?)";
    }
    std::string ResetIdentity(std::string_view table) const override {
        const std::string t(table);
        return "SELECT setval(pg_get_serial_sequence('" + t +
               "', 'id'), COALESCE(MAX(id), 0) + 1, "
               "false) FROM " +
               t;
    }
    std::string FullTextQuery(std::string_view words) const override {
        // Every word must match, as a prefix.
        std::string out;
        for (const auto& w : SearchWords(words)) {
            out += std::string(out.empty() ? "" : " & ") + w + ":*";
        }
        return out;
    }
};

const PostgresDialect kDialect;

/// Takes ownership of a PGresult and clears it.
struct ResultPtr {
    PGresult* r;
    explicit ResultPtr(PGresult* result) : r(result) {}
    ~ResultPtr() { PQclear(r); }
    ResultPtr(const ResultPtr&) = delete;
    ResultPtr& operator=(const ResultPtr&) = delete;
};

class Connection {
public:
    explicit Connection(const std::string& url) {
        conn_ = PQconnectdb(url.c_str());
        if (PQstatus(conn_) != CONNECTION_OK) {
            std::string msg = PQerrorMessage(conn_);
            PQfinish(conn_);
            conn_ = nullptr;
            throw StorageError("no se pudo conectar a PostgreSQL: " + msg);
        }
        PQsetClientEncoding(conn_, "UTF8");
        // Notices ("relation already exists, skipping") are not errors: keep them off stderr.
        PQsetNoticeProcessor(
            conn_, [](void*, const char*) {}, nullptr);
        Exec("SET statement_timeout = '60s'; SET lock_timeout = '30s'");
    }
    ~Connection() { PQfinish(conn_); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    bool healthy() const { return PQstatus(conn_) == CONNECTION_OK; }

    void Exec(const std::string& sql) {
        ResultPtr res(PQexec(conn_, sql.c_str()));
        Check(res.r, sql);
    }

    /// Runs a prepared statement and returns its result (the caller clears it). With `begin`,
    /// that command goes first in the same round trip (libpq's pipeline mode): a transaction
    /// opens with its first statement instead of costing a round trip of its own.
    PGresult* Run(std::string_view sql,
                  std::span<const Value> params,
                  const char* begin = nullptr) {
        std::vector<std::string> texts(params.size());
        std::vector<const char*> values(params.size(), nullptr);
        for (std::size_t i = 0; i < params.size(); ++i) {
            const Value& v = params[i];
            if (v.is_null()) {
                continue;
            }
            if (v.is_int()) {
                texts[i] = std::to_string(v.as_int());
            } else if (v.is_real()) {
                char buf[32];
                std::snprintf(buf, sizeof buf, "%.17g", v.as_real());
                texts[i] = buf;
            } else {
                texts[i] = v.as_text();
            }
            values[i] = texts[i].c_str();
        }
        if (begin != nullptr) {
            return RunPipelined(begin, sql, params.size(), values.data());
        }
        const std::string& name = Prepare(sql);
        PGresult* res = PQexecPrepared(conn_, name.c_str(), int(params.size()), values.data(),
                                       nullptr, nullptr, 0);
        try {
            Check(res, sql);
        } catch (...) {
            PQclear(res);
            throw;
        }
        return res;
    }

private:
    /// `begin`, the statement's preparation when it is new, and the statement, sent at once
    /// and read back in order. After a failure the server skips the rest up to the sync
    /// point; every result is read before the connection leaves pipeline mode.
    PGresult* RunPipelined(const char* begin,
                           std::string_view sql,
                           std::size_t n,
                           const char* const* values) {
        auto known = prepared_.find(std::string(sql));
        const bool prepare = known == prepared_.end();
        const std::string name = prepare ? NextStatementName() : known->second;
        const std::string numbered = prepare ? NumberPlaceholders(sql) : std::string();
        const bool sent =
            PQenterPipelineMode(conn_) == 1 &&
            PQsendQueryParams(conn_, begin, 0, nullptr, nullptr, nullptr, nullptr, 0) == 1 &&
            (!prepare || PQsendPrepare(conn_, name.c_str(), numbered.c_str(), 0, nullptr) == 1) &&
            PQsendQueryPrepared(conn_, name.c_str(), int(n), values, nullptr, nullptr, 0) == 1 &&
            PQpipelineSync(conn_) == 1;
        if (!sent) {
            const std::string message = PQerrorMessage(conn_);
            PQexitPipelineMode(conn_);
            throw StorageError("PostgreSQL: " + message);
        }
        // One result per command, each followed by a null, then the sync point.
        std::vector<PGresult*> results;
        for (bool after_null = false;;) {
            PGresult* r = PQgetResult(conn_);
            if (r == nullptr) {
                if (after_null || !healthy()) {
                    break;  // two nulls in a row: the connection failed before the sync
                }
                after_null = true;
                continue;
            }
            after_null = false;
            if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) {
                PQclear(r);
                break;
            }
            results.push_back(r);
        }
        PQexitPipelineMode(conn_);
        const auto clear_all = [&] {
            for (PGresult* r : results) {
                PQclear(r);
            }
        };
        const std::size_t expected = prepare ? 3 : 2;
        if (results.size() != expected) {
            clear_all();
            throw StorageError("PostgreSQL: " + std::string(PQerrorMessage(conn_)));
        }
        try {
            // The first failure is the one to report; the commands after it were skipped.
            Check(results[0], begin);
            if (prepare) {
                Check(results[1], sql);
                prepared_.emplace(std::string(sql), name);
            }
            Check(results.back(), sql);
        } catch (...) {
            clear_all();
            throw;
        }
        PGresult* out = results.back();
        results.pop_back();
        clear_all();
        return out;
    }

    /// Prepared statements are named s1, s2, ... per connection.
    std::string NextStatementName() const { return "s" + std::to_string(prepared_.size() + 1); }

    const std::string& Prepare(std::string_view sql) {
        auto key = std::string(sql);
        auto it = prepared_.find(key);
        if (it != prepared_.end()) {
            return it->second;
        }
        std::string name = NextStatementName();
        ResultPtr res(PQprepare(conn_, name.c_str(), NumberPlaceholders(sql).c_str(), 0, nullptr));
        Check(res.r, sql);
        return prepared_.emplace(std::move(key), std::move(name)).first->second;
    }

    void Check(PGresult* res, std::string_view sql) {
        auto status = PQresultStatus(res);
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
            return;
        }
        const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
        std::string message = PQresultErrorMessage(res);
        if (message.empty()) {
            message = PQerrorMessage(conn_);
        }
        if (state != nullptr && std::string_view(state) == "23505") {
            throw UniqueViolation("PostgreSQL: " + message);
        }
        throw StorageError("PostgreSQL: " + message + " en «" + std::string(sql.substr(0, 80)) +
                           "»");
    }

    PGconn* conn_ = nullptr;
    std::unordered_map<std::string, std::string> prepared_;
};

Value ColumnValue(const PGresult* res, int row, int col) {
    if (PQgetisnull(res, row, col)) {
        return Value();
    }
    const char* text = PQgetvalue(res, row, col);
    const int length = PQgetlength(res, row, col);
    switch (PQftype(res, col)) {
        case kInt2:
        case kInt4:
        case kInt8: {
            std::int64_t n = 0;
            std::from_chars(text, text + length, n);
            return Value(n);
        }
        case kBool:
            return Value(std::int64_t(text[0] == 't' ? 1 : 0));
        case kFloat4:
        case kFloat8:
        case kNumeric:
            return Value(std::strtod(text, nullptr));
        default:
            return Value(std::string(text, std::size_t(length)));
    }
}

/// Where transactions take their connection from and give it back to.
class ConnectionPool {
public:
    virtual Connection* Acquire() = 0;
    /// A new connection, never an idle one (which may be as stale as the one just lost).
    virtual Connection* AcquireNew() = 0;
    /// `broken`: the connection failed and is closed instead of reused.
    virtual void Release(Connection* conn, bool broken) = 0;

protected:
    ~ConnectionPool() = default;
};

class PostgresTransaction final : public Transaction {
public:
    PostgresTransaction(const void* database, ConnectionPool& pool, const char* begin)
        : pool_(pool), conn_(pool.Acquire()), begin_(begin) {
        database_ = database;
    }
    ~PostgresTransaction() override {
        if (conn_ == nullptr) {
            return;  // lost, and no other could be had (see Run)
        }
        bool broken = !conn_->healthy();
        if (begin_ == nullptr && !done_ && !broken) {
            try {
                conn_->Exec("ROLLBACK");
            } catch (const std::exception&) {
                broken = true;
            }
        }
        pool_.Release(conn_, broken);
    }

    std::vector<Row> Query(std::string_view sql, std::span<const Value> params) override {
        ResultPtr res(Run(sql, params));
        const int rows = PQntuples(res.r);
        const int cols = PQnfields(res.r);
        std::vector<Row> out;
        out.reserve(std::size_t(rows));
        for (int r = 0; r < rows; ++r) {
            std::vector<Value> values;
            values.reserve(std::size_t(cols));
            for (int c = 0; c < cols; ++c) {
                values.push_back(ColumnValue(res.r, r, c));
            }
            out.emplace_back(std::move(values));
        }
        return out;
    }

    std::int64_t Execute(std::string_view sql, std::span<const Value> params) override {
        ResultPtr res(Run(sql, params));
        const char* n = PQcmdTuples(res.r);
        return n && *n ? std::atoll(n) : 0;
    }

    void ExecuteScript(std::string_view sql) override {
        // A script is sent as simple queries, several statements in one round trip.
        const char* begin = std::exchange(begin_, nullptr);
        conn_->Exec(begin != nullptr ? std::string(begin) + ";\n" + std::string(sql)
                                     : std::string(sql));
    }

    void Commit() override {
        if (begin_ == nullptr) {  // nothing was sent: nothing to commit
            conn_->Exec("COMMIT");
        }
        done_ = true;
    }

    const Dialect& dialect() const override { return kDialect; }

private:
    PGresult* Run(std::string_view sql, std::span<const Value> params) {
        const char* begin = std::exchange(begin_, nullptr);
        if (begin == nullptr) {
            return conn_->Run(sql, params);
        }
        try {
            return conn_->Run(sql, params, begin);
        } catch (const StorageError&) {
            if (conn_->healthy()) {
                throw;
            }
        }
        // The pooled connection was gone before this transaction did anything (PostgreSQL
        // restarted, a fail-over, a dropped idle connection): there is nothing to undo, so the
        // transaction starts again on a new connection, once.
        pool_.Release(std::exchange(conn_, nullptr), /*broken=*/true);
        conn_ = pool_.AcquireNew();
        return conn_->Run(sql, params, begin);
    }

    ConnectionPool& pool_;
    Connection* conn_;
    // The BEGIN not sent yet: it goes with the first statement (Connection::Run).
    const char* begin_;
    bool done_ = false;
};

class PostgresDatabase final : public Database, private ConnectionPool {
public:
    explicit PostgresDatabase(Options options) : options_(std::move(options)) {
        // Connect once now, so that a wrong URL fails at start and not at the first request.
        idle_.push_back(Connect());
    }

    std::unique_ptr<Transaction> BeginRead() override {
        return Begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }
    std::unique_ptr<Transaction> BeginWrite() override { return Begin("BEGIN"); }

    bool Ping() override {
        try {
            auto tx = BeginRead();
            tx->Query("SELECT 1 FROM schema_migration LIMIT 1");
            return true;
        } catch (const std::exception&) {
            return false;
        }
    }

    void BackupTo(const std::string&) override {
        throw StorageError(
            "con PostgreSQL la base de datos se respalda con pg_dump o con el respaldo continuo "
            "del servidor (docs/DEPLOY.md); los archivos adjuntos, copiando el directorio blobs");
    }

    const Dialect& dialect() const override { return kDialect; }

private:
    Connection* Connect() {
        auto conn = std::make_unique<Connection>(options_.url);
        Connection* raw = conn.get();
        all_.push_back(std::move(conn));
        return raw;
    }

    std::unique_ptr<Transaction> Begin(const char* begin) {
        ConnectionPool& pool = *this;
        return std::make_unique<PostgresTransaction>(this, pool, begin);
    }

    /// Waits until a connection is idle or another may be opened.
    std::unique_lock<std::mutex> WaitForSlot() {
        std::unique_lock lock(mutex_);
        available_.wait(
            lock, [this] { return !idle_.empty() || int(all_.size()) < options_.max_connections; });
        return lock;
    }

    Connection* Acquire() override {
        auto lock = WaitForSlot();
        if (!idle_.empty()) {
            Connection* conn = idle_.back();
            idle_.pop_back();
            return conn;
        }
        return Connect();
    }

    Connection* AcquireNew() override {
        auto lock = WaitForSlot();
        if (int(all_.size()) >= options_.max_connections) {
            // Full: make room by closing an idle one, likely as stale as the one just lost.
            Connection* stale = idle_.back();
            idle_.pop_back();
            std::erase_if(all_, [stale](const auto& c) { return c.get() == stale; });
        }
        return Connect();
    }

    void Release(Connection* conn, bool broken) override {
        {
            std::lock_guard lock(mutex_);
            if (broken) {
                // A lost connection is dropped; the next transaction opens a new one.
                std::erase_if(all_, [conn](const auto& c) { return c.get() == conn; });
            } else {
                idle_.push_back(conn);
            }
        }
        available_.notify_one();
    }

    Options options_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Connection>> all_;
    std::vector<Connection*> idle_;
};

}  // namespace

std::string NumberPlaceholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    int n = 0;
    bool in_string = false;
    for (char c : sql) {
        if (c == '\'') {
            in_string = !in_string;
        }
        if (c == '?' && !in_string) {
            out += "$" + std::to_string(++n);
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::unique_ptr<Database> Open(const Options& options) {
    return std::make_unique<PostgresDatabase>(options);
}

void CreateDatabase(const std::string& server_url, const std::string& name) {
    for (char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
            throw StorageError("nombre de base de datos no válido: " + name);
        }
    }
    Connection conn(server_url);
    conn.Exec("CREATE DATABASE " + name);
}

}  // namespace sige::storage::postgres
