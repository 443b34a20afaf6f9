// Every route the server answers is in the published OpenAPI document, and the document
// names no route the server does not have.

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "app/audit_trail.hpp"
#include "core/crypto.hpp"
#include "http/api.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace sige::http {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const char* path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// "{id}.pdf" and "{id}" are the same shape; OpenAPI names may differ from ours.
std::string Shape(const std::string& path) {
    std::string out;
    bool in_param = false;
    for (char c : path) {
        if (c == '{') {
            in_param = true;
            out += "{}";
        } else if (c == '}') {
            in_param = false;
        } else if (!in_param) {
            out += c;
        }
    }
    return out;
}

TEST(OpenApi, DocumentAndRoutesAgree) {
    crypto::Init();
    const fs::path dir = fs::temp_directory_path() / ("sige-openapi-" + crypto::RandomToken(8));
    {
        storage::sqlite::Options options;
        options.path = (dir / "sige.db").string();
        auto db = storage::sqlite::Open(options);
        storage::BlobStore blobs(dir / "blobs");
        SystemClock clock;
        app::AuditReadQueue reads(*db, std::chrono::milliseconds(50), 256);
        app::Env env{*db, blobs, clock, reads};
        Api api(env, ApiOptions{});

        auto doc = boost::json::parse(ReadFile(SIGE_OPENAPI_PATH)).as_object();
        EXPECT_EQ(std::string(doc.at("openapi").as_string()).substr(0, 3), "3.1");
        std::set<std::string> documented;
        for (const auto& [path, item] : doc.at("paths").as_object()) {
            for (const auto& [method, op] : item.as_object()) {
                std::string m(method);
                for (char& c : m) {
                    c = char(std::toupper(c));
                }
                if (m == "PARAMETERS" || m == "SUMMARY" || m == "DESCRIPTION") {
                    continue;
                }
                documented.insert(m + " " + Shape(std::string(path)));
            }
        }
        std::set<std::string> served;
        for (const auto& r : api.router().routes()) {
            served.insert(r.method + " " + Shape(r.pattern));
        }
        for (const auto& s : served) {
            EXPECT_TRUE(documented.count(s)) << "route missing from openapi.json: " << s;
        }
        for (const auto& d : documented) {
            EXPECT_TRUE(served.count(d))
                << "openapi.json documents a route the server lacks: " << d;
        }
    }
    fs::remove_all(dir);
}

}  // namespace
}  // namespace sige::http
