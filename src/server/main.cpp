// The composition root: the only place that names a concrete storage backend.

#include <filesystem>
#include <string>

#include "cli/cli.hpp"
#include "storage/postgres/postgres_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace {

std::unique_ptr<sige::storage::Database> OpenDatabase(const std::string& url) {
    constexpr std::string_view kSqlite = "sqlite:";
    if (url.rfind(kSqlite, 0) == 0) {
        sige::storage::sqlite::Options options;
        options.path = url.substr(kSqlite.size());
        if (std::filesystem::is_directory(options.path)) {
            options.path = (std::filesystem::path(options.path) / "sige.db").string();
        }
        return sige::storage::sqlite::Open(options);
    }
    if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
        sige::storage::postgres::Options options;
        options.url = url;
        return sige::storage::postgres::Open(options);
    }
    throw sige::storage::StorageError("URL de base de datos no reconocida: " + url +
                                      " (use sqlite:RUTA o postgresql://...)");
}

}  // namespace

int main(int argc, char** argv) {
    return sige::cli::Main(argc, argv, OpenDatabase);
}
