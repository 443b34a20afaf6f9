#pragma once

// The seam between sige and a database engine. A backend (sqlite/, later postgres/)
// implements Database and Transaction: run a parameterised statement, return rows of
// plain values. Everything above (the repositories in this folder, and app/) is written
// once against this interface and never sees a driver type.
//
// Statements use `?` placeholders; a backend that numbers them ($1, $2) rewrites them.
// Booleans are stored as integers 0/1 and instants as integer microseconds since the epoch
// (UTC) on every backend, so rows read the same everywhere.

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/ids.hpp"
#include "core/time.hpp"

namespace sige::storage {

/// One parameter or column value: null, integer, real or text (text also carries blobs).
class Value {
public:
    Value() = default;
    Value(std::nullopt_t) {}                           // NOLINT
    Value(int v) : v_(std::int64_t(v)) {}              // NOLINT
    Value(std::int64_t v) : v_(v) {}                   // NOLINT
    Value(bool v) : v_(std::int64_t(v ? 1 : 0)) {}     // NOLINT
    Value(double v) : v_(v) {}                         // NOLINT
    Value(std::string v) : v_(std::move(v)) {}         // NOLINT
    Value(std::string_view v) : v_(std::string(v)) {}  // NOLINT
    Value(const char* v) : v_(std::string(v)) {}       // NOLINT
    Value(Timestamp t) : v_(ToMicros(t)) {}            // NOLINT
    template <class Tag>
    Value(Id<Tag> id) : v_(id.value) {}  // NOLINT
    template <class T>
    Value(const std::optional<T>& o) {  // NOLINT
        if (o) {
            *this = Value(*o);
        }
    }

    bool is_null() const { return v_.index() == 0; }
    bool is_int() const { return v_.index() == 1; }
    bool is_real() const { return v_.index() == 2; }
    bool is_text() const { return v_.index() == 3; }
    std::int64_t as_int() const;         ///< 0 for null; text is parsed
    double as_real() const;              ///< 0 for null
    const std::string& as_text() const;  ///< "" for null; throws for numbers

private:
    std::variant<std::monostate, std::int64_t, double, std::string> v_;
};

/// One result row. Accessors take the column position in the SELECT list.
class Row {
public:
    explicit Row(std::vector<Value> values) : values_(std::move(values)) {}

    std::size_t size() const { return values_.size(); }
    bool IsNull(std::size_t i) const { return values_.at(i).is_null(); }
    std::int64_t Int(std::size_t i) const { return values_.at(i).as_int(); }
    double Real(std::size_t i) const { return values_.at(i).as_real(); }
    bool Bool(std::size_t i) const { return values_.at(i).as_int() != 0; }
    std::string Text(std::size_t i) const { return values_.at(i).as_text(); }
    Timestamp Time(std::size_t i) const { return FromMicros(Int(i)); }
    std::optional<std::int64_t> OptInt(std::size_t i) const {
        return IsNull(i) ? std::nullopt : std::optional(Int(i));
    }
    std::optional<std::string> OptText(std::size_t i) const {
        return IsNull(i) ? std::nullopt : std::optional(Text(i));
    }
    const std::vector<Value>& values() const { return values_; }
    std::optional<Timestamp> OptTime(std::size_t i) const {
        return IsNull(i) ? std::nullopt : std::optional(Time(i));
    }
    template <class IdT>
    IdT GetId(std::size_t i) const {
        return IdT(Int(i));
    }
    template <class IdT>
    std::optional<IdT> OptId(std::size_t i) const {
        return IsNull(i) ? std::nullopt : std::optional(IdT(Int(i)));
    }

private:
    std::vector<Value> values_;
};

/// Thrown when a statement breaks a unique constraint; repositories that expect it catch it
/// and turn it into a value.
class UniqueViolation : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Thrown when the database is unusable (cannot open, disk full, connection lost).
class StorageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Where the SQL of the two backends differs, repositories ask here.
class Dialect {
public:
    virtual ~Dialect() = default;
    /// "sqlite" or "postgresql".
    virtual std::string_view name() const = 0;
    /// Suffix of a SELECT that locks the rows it reads until commit (empty where writes are
    /// already serialised).
    virtual std::string_view ForUpdate() const = 0;
    /// Suffix of a SELECT that locks the rows it returns and skips rows other transactions
    /// hold (work queues shared by several nodes); empty where writes are serialised.
    virtual std::string_view SkipLocked() const = 0;
    /// A condition true when dossier `d` matches the full-text query bound at its `?`.
    /// `walk_in_order`: the query reads the newest dossiers first and stops at a page, and
    /// many of them match; a backend without statistics (SQLite) should then test each row
    /// as it walks the date index instead of fetching and sorting every match.
    virtual std::string FullTextCondition(bool walk_in_order) const = 0;
    /// Turns the user's words into the bound value of FullTextCondition(): every word must
    /// match, as a prefix, ignoring case and accents. Empty when there is no word.
    virtual std::string FullTextQuery(std::string_view words) const = 0;
    /// A statement that makes new ids of `table` follow the largest one present, after rows
    /// were inserted with explicit ids; empty when the backend needs none.
    virtual std::string ResetIdentity(std::string_view table) const = 0;
};

/// A transaction on one connection. Destroying it without Commit() rolls back, so a use
/// case that returns early or throws leaves nothing half-written. Not thread-safe: one
/// thread uses it from begin to end.
class Transaction {
public:
    virtual ~Transaction() = default;

    /// Runs a statement and returns all its rows.
    virtual std::vector<Row> Query(std::string_view sql, std::span<const Value> params) = 0;
    /// Runs a statement and returns how many rows it changed.
    virtual std::int64_t Execute(std::string_view sql, std::span<const Value> params) = 0;
    /// Runs several statements separated by semicolons, without parameters (migrations).
    virtual void ExecuteScript(std::string_view sql) = 0;
    /// Makes everything durable; afterwards the transaction may not be used.
    virtual void Commit() = 0;
    virtual const Dialect& dialect() const = 0;
    /// The database this transaction belongs to, as an opaque identity (for caches that a
    /// process holding two databases must keep apart).
    const void* database() const { return database_; }

    std::vector<Row> Query(std::string_view sql, std::initializer_list<Value> params = {}) {
        return Query(sql, std::span<const Value>(params.begin(), params.size()));
    }
    std::int64_t Execute(std::string_view sql, std::initializer_list<Value> params = {}) {
        return Execute(sql, std::span<const Value>(params.begin(), params.size()));
    }
    /// The first row, or nullopt when there is none.
    std::optional<Row> QueryOne(std::string_view sql, std::initializer_list<Value> params = {}) {
        auto rows = Query(sql, params);
        if (rows.empty()) {
            return std::nullopt;
        }
        return std::move(rows.front());
    }

protected:
    const void* database_ = nullptr;  ///< set by the backend
};

/// A database: a source of transactions. Thread-safe.
class Database {
public:
    virtual ~Database() = default;

    /// A read-only snapshot. Many may be open at once.
    virtual std::unique_ptr<Transaction> BeginRead() = 0;
    /// A read-write transaction. Writers are serialised: this may wait for another to end.
    virtual std::unique_ptr<Transaction> BeginWrite() = 0;
    /// Answers whether the database can be used now (for /healthz).
    virtual bool Ping() = 0;
    /// Writes a consistent copy of the database into `dir` while others keep working.
    virtual void BackupTo(const std::string& dir) = 0;
    virtual const Dialect& dialect() const = 0;
};

/// Applies the migrations this binary knows and the database lacks, in order, in one write
/// transaction. Returns the schema version afterwards. Throws StorageError when the
/// database is newer than this binary.
int Migrate(Database& db);

/// The words of a search as both backends index them: every run of ASCII letters or digits,
/// or of bytes >= 0x80 (so accented words stay whole); everything else separates words.
std::vector<std::string> SearchWords(std::string_view text);

/// "?, ?, ?": `n` placeholders for an IN list.
std::string Placeholders(std::size_t n);

/// The next number of a gapless yearly counter (`dossier_counter`, `submission_counter`:
/// organization_id, year, last_number), taken inside `tx`: its row stays locked until the
/// transaction ends, so a rollback gives the number back.
std::int64_t NextYearNumber(Transaction& tx,
                            std::string_view counter_table,
                            OrganizationId organization,
                            int year);

}  // namespace sige::storage
