#pragma once

// The schema's history: numbered SQL files per dialect under storage/migrations/<dialect>/,
// embedded into the binary at build time (cmake/EmbedMigrations.cmake).

#include <string_view>
#include <vector>

namespace sige::storage {

struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

/// The migrations of a dialect ("sqlite", "postgresql"), oldest first.
const std::vector<Migration>& MigrationsFor(std::string_view dialect);

}  // namespace sige::storage
