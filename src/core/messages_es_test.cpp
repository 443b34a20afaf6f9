// Every message key used in the code has a Spanish text, and the table stays sorted.

#include "core/messages_es.hpp"

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

namespace sige {
namespace {

TEST(MessagesEs, NoKeyIsDefinedTwice) {
    EXPECT_TRUE(MessageKeysAreUnique());
}

TEST(MessagesEs, EveryAreaIsFound) {
    for (const char* key :
         {"access.profile", "printout.external", "request.not_found", "request.not_object",
          "server.internal", "transfer_action.sign", "user.username_taken"}) {
        EXPECT_TRUE(HasMessageEs(key)) << key;
    }
}

TEST(MessagesEs, SubstitutesArgumentsInOrder) {
    EXPECT_EQ(MessageEs("field.range", {"0", "100"}), "Debe estar entre 0 y 100.");
}

TEST(MessagesEs, UnknownKeyComesBackAsItself) {
    EXPECT_EQ(MessageEs("no.such_key"), "no.such_key");
}

// Scans the sources for string literals shaped like message keys in the places keys are
// passed (Error(...), Error::Field(...), .Add(...)) and checks each is in the table.
TEST(MessagesEs, EveryKeyUsedInTheCodeHasAText) {
    const std::regex key_use(
        R"re((?:Error\(ErrorCode::k\w+,\s*|Error::Field\([^,]+,\s*|\.Add\([^,()]+,\s*|ProblemResponse\(\d+,\s*)"([a-z_]+\.[a-z_]+)")re");
    std::set<std::string> missing;
    int checked = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(SIGE_SOURCE_DIR)) {
        const auto ext = entry.path().extension();
        if (ext != ".cpp" && ext != ".hpp") {
            continue;
        }
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string s = text.str();
        for (auto it = std::sregex_iterator(s.begin(), s.end(), key_use);
             it != std::sregex_iterator(); ++it) {
            ++checked;
            const std::string key = (*it)[1];
            if (!HasMessageEs(key)) {
                missing.insert(key + " (" + entry.path().filename().string() + ")");
            }
        }
    }
    EXPECT_GT(checked, 50) << "the scan found too few keys: has the code changed shape?";
    for (const auto& m : missing) {
        ADD_FAILURE() << "no Spanish text for " << m;
    }
}

}  // namespace
}  // namespace sige
