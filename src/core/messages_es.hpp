#pragma once

// Every Spanish text sige shows through its API, in one table (es-PE). Code names a text
// by key ("dossier.in_transit"); another language is another table with the same keys.

#include <string>
#include <string_view>
#include <vector>

namespace sige {

/// The text of `key` with each "{}" replaced by the next of `args`. An unknown key comes
/// back as itself (a test checks that every key used in the code is in the table).
std::string MessageEs(std::string_view key, const std::vector<std::string>& args = {});

/// True when the table has `key`.
bool HasMessageEs(std::string_view key);

/// True when no key appears twice in the table.
bool MessageKeysAreUnique();

}  // namespace sige
