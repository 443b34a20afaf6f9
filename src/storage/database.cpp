#include "storage/database.hpp"

#include <charconv>

#include "storage/migrations.hpp"

namespace sige::storage {

std::int64_t Value::as_int() const {
    switch (v_.index()) {
        case 1:
            return std::get<1>(v_);
        case 2:
            return std::int64_t(std::get<2>(v_));
        case 3: {
            const auto& s = std::get<3>(v_);
            std::int64_t out = 0;
            std::from_chars(s.data(), s.data() + s.size(), out);
            return out;
        }
        default:
            return 0;
    }
}

double Value::as_real() const {
    switch (v_.index()) {
        case 1:
            return double(std::get<1>(v_));
        case 2:
            return std::get<2>(v_);
        case 3:
            return std::stod(std::get<3>(v_));
        default:
            return 0;
    }
}

const std::string& Value::as_text() const {
    static const std::string kEmpty;
    if (v_.index() == 3) {
        return std::get<3>(v_);
    }
    if (v_.index() == 0) {
        return kEmpty;
    }
    throw StorageError("se esperaba texto en una columna numérica");
}

std::vector<std::string> SearchWords(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        bool word_char =
            u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (word_char) {
            word.push_back(c);
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) {
        words.push_back(std::move(word));
    }
    return words;
}

std::string Placeholders(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += i == 0 ? "?" : ", ?";
    }
    return out;
}

int Migrate(Database& db) {
    const auto& migrations = MigrationsFor(db.dialect().name());
    auto tx = db.BeginWrite();
    tx->ExecuteScript(
        "CREATE TABLE IF NOT EXISTS schema_migration ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
    auto row = tx->QueryOne("SELECT COALESCE(MAX(version), 0) FROM schema_migration");
    int current = int(row->Int(0));
    const int newest = migrations.empty() ? 0 : migrations.back().version;
    if (current > newest) {
        throw StorageError("la base de datos tiene el esquema " + std::to_string(current) +
                           ", más nuevo que el de este programa (" + std::to_string(newest) +
                           "): actualice sige");
    }
    SystemClock clock;
    for (const auto& m : migrations) {
        if (m.version <= current) {
            continue;
        }
        tx->ExecuteScript(m.sql);
        tx->Execute("INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)",
                    {m.version, m.name, clock.Now()});
        current = m.version;
    }
    tx->Commit();
    return current;
}

std::int64_t NextYearNumber(Transaction& tx,
                            std::string_view counter_table,
                            OrganizationId organization,
                            int year) {
    const std::string table(counter_table);  // a constant of the stores, never input
    return tx
        .QueryOne("INSERT INTO " + table +
                      " (organization_id, year, last_number) VALUES (?, ?, 1) "
                      "ON CONFLICT (organization_id, year) DO UPDATE SET last_number = " +
                      table + ".last_number + 1 RETURNING last_number",
                  {organization, year})
        ->Int(0);
}

}  // namespace sige::storage
