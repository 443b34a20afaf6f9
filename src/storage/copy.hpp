#pragma once

// Copying a whole installation from one database to another (`sige migrate`): every table,
// every row, ids kept, in an order that satisfies the foreign keys. The target must be
// freshly migrated and empty.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace sige::storage {

struct TableCount {
    std::string table;
    std::int64_t source = 0;
    std::int64_t target = 0;
};

/// Copies every record table from `from` to `to` in batches, then moves the target's id
/// sequences past the copied ids. Sessions and login failures are not copied (users log in
/// again). Throws StorageError when the target is not empty. `progress` is told each table
/// as it is done.
std::vector<TableCount> CopyInstallation(Database& from,
                                         Database& to,
                                         const std::function<void(const TableCount&)>& progress);

}  // namespace sige::storage
