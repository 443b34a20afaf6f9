#include "storage/sqlite/sqlite_database.hpp"

#include <filesystem>
#include <functional>
#include <mutex>
#include <unordered_map>
#include <vector>

#include <sqlite3.h>

namespace sige::storage::sqlite {

namespace {

[[noreturn]] void Fail(sqlite3* db, int rc, std::string_view what) {
    std::string message = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
        throw UniqueViolation(message);
    }
    throw StorageError(message);
}

class SqliteDialect final : public Dialect {
public:
    std::string_view name() const override { return "sqlite"; }
    std::string_view ForUpdate() const override { return ""; }
    std::string_view SkipLocked() const override { return ""; }
    std::string FullTextCondition(bool walk_in_order) const override {
        // The unary + keeps the planner from driving the query by the matches' rowids.
        return std::string(walk_in_order ? "+" : "") +
               "d.id IN (SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH ?)";
    }
    std::string ResetIdentity(std::string_view) const override {
        return "";  // INTEGER PRIMARY KEY continues after the largest id by itself
    }
    std::string FullTextQuery(std::string_view words) const override {
        // Every word must match, as a prefix.
        std::string out;
        for (const auto& w : SearchWords(words)) {
            out += std::string(out.empty() ? "" : " ") + "\"" + w + "\"*";
        }
        return out;
    }
};

const SqliteDialect kDialect;

/// One SQLite connection with its prepared statements, kept for the connection's life.
class Connection {
public:
    Connection(const std::string& path, bool read_only, const std::string& synchronous) {
        int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
        int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
        if (rc != SQLITE_OK) {
            std::string msg = "no se pudo abrir la base de datos " + path + ": " +
                              (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
            sqlite3_close_v2(db_);
            db_ = nullptr;
            throw StorageError(msg);
        }
        sqlite3_extended_result_codes(db_, 1);
        sqlite3_busy_timeout(db_, 5000);
        Exec("PRAGMA foreign_keys = ON");
        Exec("PRAGMA synchronous = " + synchronous);
        Exec("PRAGMA temp_store = MEMORY");
        // Page cache per connection, in KiB: the writer keeps more; readers rely on the
        // operating system's file cache, so that many of them stay small.
        Exec(read_only ? "PRAGMA cache_size = -4000" : "PRAGMA cache_size = -16000");
        if (read_only) {
            Exec("PRAGMA query_only = ON");
        }
    }
    ~Connection() {
        for (auto& [sql, stmt] : statements_) {
            sqlite3_finalize(stmt);
        }
        sqlite3_close_v2(db_);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    sqlite3* handle() const { return db_; }

    void Exec(const std::string& sql) {
        char* err = nullptr;
        int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
        if (rc != SQLITE_OK) {
            std::string message = err ? err : sqlite3_errstr(rc);
            sqlite3_free(err);
            if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
                throw UniqueViolation(message);
            }
            throw StorageError("SQLite: " + message);
        }
    }

    /// BEGIN, COMMIT, ROLLBACK: through the prepared statements, not parsed each time.
    void Control(std::string_view sql) { Run(sql, {}, [](sqlite3_stmt*) {}); }

    /// Runs a statement with `params`; calls `on_row` for each row (may be null).
    template <class OnRow>
    std::int64_t Run(std::string_view sql, std::span<const Value> params, OnRow&& on_row) {
        sqlite3_stmt* stmt = Prepare(sql);
        struct Reset {
            sqlite3_stmt* s;
            ~Reset() {
                sqlite3_reset(s);
                sqlite3_clear_bindings(s);
            }
        } reset{stmt};
        Bind(stmt, params);
        for (;;) {
            int rc = sqlite3_step(stmt);
            if (rc == SQLITE_DONE) {
                break;
            }
            if (rc != SQLITE_ROW) {
                Fail(db_, rc, "SQLite");
            }
            on_row(stmt);
        }
        return sqlite3_changes64(db_);
    }

private:
    sqlite3_stmt* Prepare(std::string_view sql) {
        auto it = statements_.find(std::string(sql));
        if (it != statements_.end()) {
            return it->second;
        }
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v3(db_, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                    &stmt, nullptr);
        if (rc != SQLITE_OK) {
            Fail(db_, rc, "SQLite al preparar «" + std::string(sql.substr(0, 80)) + "»");
        }
        statements_.emplace(std::string(sql), stmt);
        return stmt;
    }

    void Bind(sqlite3_stmt* stmt, std::span<const Value> params) {
        if (int(params.size()) != sqlite3_bind_parameter_count(stmt)) {
            throw StorageError("SQLite: número de parámetros incorrecto en «" +
                               std::string(sqlite3_sql(stmt)).substr(0, 80) + "»");
        }
        for (std::size_t i = 0; i < params.size(); ++i) {
            const Value& v = params[i];
            int idx = int(i) + 1;
            int rc = SQLITE_OK;
            if (v.is_null()) {
                rc = sqlite3_bind_null(stmt, idx);
            } else if (v.is_int()) {
                rc = sqlite3_bind_int64(stmt, idx, v.as_int());
            } else if (v.is_real()) {
                rc = sqlite3_bind_double(stmt, idx, v.as_real());
            } else {
                const std::string& s = v.as_text();
                rc = sqlite3_bind_text(stmt, idx, s.data(), int(s.size()), SQLITE_STATIC);
            }
            if (rc != SQLITE_OK) {
                Fail(db_, rc, "SQLite al enlazar un parámetro");
            }
        }
    }

    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

Value ColumnValue(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
        case SQLITE_INTEGER:
            return Value(std::int64_t(sqlite3_column_int64(stmt, i)));
        case SQLITE_FLOAT:
            return Value(sqlite3_column_double(stmt, i));
        case SQLITE_NULL:
            return Value();
        default: {
            const auto* p = reinterpret_cast<const char*>(sqlite3_column_blob(stmt, i));
            int n = sqlite3_column_bytes(stmt, i);
            return Value(std::string(p ? p : "", std::size_t(n)));
        }
    }
}

/// A transaction on a borrowed connection; gives the connection back when it ends. A write
/// transaction holds the writer mutex from construction to destruction, on one thread.
class SqliteTransaction final : public Transaction {
public:
    SqliteTransaction(const void* database,
                      Connection* conn,
                      std::function<void(Connection*)> release,
                      const char* begin)
        : conn_(conn), release_(std::move(release)) {
        database_ = database;
        conn_->Control(begin);
    }
    ~SqliteTransaction() override {
        if (!done_) {
            try {
                conn_->Control("ROLLBACK");
            } catch (const std::exception&) {
                // The connection rolled back on its own (e.g. after an I/O error).
            }
        }
        release_(conn_);
    }

    std::vector<Row> Query(std::string_view sql, std::span<const Value> params) override {
        std::vector<Row> rows;
        conn_->Run(sql, params, [&](sqlite3_stmt* stmt) {
            int n = sqlite3_column_count(stmt);
            std::vector<Value> values;
            values.reserve(std::size_t(n));
            for (int i = 0; i < n; ++i) {
                values.push_back(ColumnValue(stmt, i));
            }
            rows.emplace_back(std::move(values));
        });
        return rows;
    }

    std::int64_t Execute(std::string_view sql, std::span<const Value> params) override {
        return conn_->Run(sql, params, [](sqlite3_stmt*) {});
    }

    void ExecuteScript(std::string_view sql) override { conn_->Exec(std::string(sql)); }

    void Commit() override {
        conn_->Control("COMMIT");
        done_ = true;
    }

    const Dialect& dialect() const override { return kDialect; }

private:
    Connection* conn_;
    std::function<void(Connection*)> release_;
    bool done_ = false;
};

class SqliteDatabase final : public Database {
public:
    explicit SqliteDatabase(Options options) : options_(std::move(options)) {
        writer_ = std::make_unique<Connection>(options_.path, false, options_.synchronous);
        auto mode = QueryText(*writer_, "PRAGMA journal_mode = WAL");
        if (mode != "wal") {
            throw StorageError("SQLite: no se pudo activar el modo WAL en " + options_.path);
        }
    }

    std::unique_ptr<Transaction> BeginRead() override {
        Connection* conn = nullptr;
        {
            std::lock_guard lock(readers_mutex_);
            if (!idle_readers_.empty()) {
                conn = idle_readers_.back();
                idle_readers_.pop_back();
            }
        }
        if (conn == nullptr) {
            auto owned = std::make_unique<Connection>(options_.path, true, options_.synchronous);
            conn = owned.get();
            std::lock_guard lock(readers_mutex_);
            all_readers_.push_back(std::move(owned));
        }
        return std::make_unique<SqliteTransaction>(
            this, conn,
            [this](Connection* c) {
                std::lock_guard lock(readers_mutex_);
                idle_readers_.push_back(c);
            },
            "BEGIN");
    }

    std::unique_ptr<Transaction> BeginWrite() override {
        writer_mutex_.lock();
        try {
            return std::make_unique<SqliteTransaction>(
                this, writer_.get(), [this](Connection*) { writer_mutex_.unlock(); }, "BEGIN IMMEDIATE");
        } catch (...) {
            writer_mutex_.unlock();
            throw;
        }
    }

    bool Ping() override {
        try {
            auto tx = BeginRead();
            tx->Query("SELECT 1 FROM schema_migration LIMIT 1");
            return true;
        } catch (const std::exception&) {
            return false;
        }
    }

    void BackupTo(const std::string& dir) override {
        std::filesystem::create_directories(dir);
        const std::string target = (std::filesystem::path(dir) / "sige.db").string();
        if (std::filesystem::exists(target)) {
            throw StorageError("ya existe una base de datos en " + target);
        }
        // A reader connection of our own: the online backup reads one consistent snapshot
        // while the writer keeps committing (WAL).
        Connection source(options_.path, true, options_.synchronous);
        sqlite3* dest = nullptr;
        int rc = sqlite3_open_v2(target.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                 nullptr);
        if (rc != SQLITE_OK) {
            sqlite3_close_v2(dest);
            throw StorageError("no se pudo crear " + target);
        }
        sqlite3_backup* backup = sqlite3_backup_init(dest, "main", source.handle(), "main");
        if (backup == nullptr) {
            std::string msg = sqlite3_errmsg(dest);
            sqlite3_close_v2(dest);
            throw StorageError("copia de seguridad: " + msg);
        }
        rc = sqlite3_backup_step(backup, -1);
        sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE) {
            sqlite3_close_v2(dest);
            throw StorageError(std::string("copia de seguridad: ") + sqlite3_errstr(rc));
        }
        char* err = nullptr;
        sqlite3_exec(dest, "PRAGMA journal_mode = WAL", nullptr, nullptr, &err);
        sqlite3_free(err);
        sqlite3_close_v2(dest);
    }

    const Dialect& dialect() const override { return kDialect; }

private:
    static std::string QueryText(Connection& c, std::string_view sql) {
        std::string out;
        c.Run(sql, {}, [&](sqlite3_stmt* s) {
            const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
            out = p ? p : "";
        });
        return out;
    }

    Options options_;
    std::unique_ptr<Connection> writer_;
    std::mutex writer_mutex_;
    std::mutex readers_mutex_;
    std::vector<std::unique_ptr<Connection>> all_readers_;
    std::vector<Connection*> idle_readers_;
};

}  // namespace

std::unique_ptr<Database> Open(const Options& options) {
    static std::once_flag configured;
    std::call_once(configured, [] {
        // Without this, every allocation SQLite makes takes one process-wide mutex to keep
        // memory statistics we never read; with many reader threads it was the main
        // contention of a GET. Fails harmlessly if SQLite was already initialised.
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    });
    auto parent = std::filesystem::path(options.path).parent_path();
    if (!parent.empty()) {
        std::filesystem::create_directories(parent);
    }
    return std::make_unique<SqliteDatabase>(options);
}

}  // namespace sige::storage::sqlite
