#include "http/static_files.hpp"

#include <fstream>

#include <gtest/gtest.h>

namespace sige::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() / ("sige-web-" + std::to_string(::getpid()));
        fs::create_directories(root_ / "assets");
        std::ofstream(root_ / "index.html") << "<!doctype html>";
        std::ofstream(root_ / "assets" / "app-1a2b.js") << "console.log(1)";
        std::ofstream(root_.parent_path() / "secret.txt") << "no";
    }
    void TearDown() override { fs::remove_all(root_); }

    std::optional<Response> Get(const std::string& path) {
        Request r;
        r.method = "GET";
        r.path = path;
        return StaticFiles(root_).Serve(r);
    }

    fs::path root_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypesAndCaching) {
    auto js = Get("/assets/app-1a2b.js");
    ASSERT_TRUE(js);
    EXPECT_EQ(js->content_type, "text/javascript; charset=utf-8");
    EXPECT_EQ(js->headers.front().second, "public, max-age=31536000, immutable");
    EXPECT_EQ(js->file->filename(), "app-1a2b.js");
}

TEST_F(StaticFilesTest, ApplicationRoutesFallBackToIndex) {
    for (const char* path : {"/", "/expedientes/12", "/bandeja/por-recibir"}) {
        auto page = Get(path);
        ASSERT_TRUE(page) << path;
        EXPECT_EQ(page->file->filename(), "index.html") << path;
        EXPECT_EQ(page->content_type, "text/html; charset=utf-8");
    }
}

TEST_F(StaticFilesTest, MissingAssetsAndEscapesAreNotServed) {
    EXPECT_FALSE(Get("/assets/missing.js"));
    auto escape = Get("/../secret.txt");
    EXPECT_TRUE(!escape || escape->file->filename() != "secret.txt");
    auto deeper = Get("/assets/../../secret.txt");
    EXPECT_TRUE(!deeper || deeper->file->filename() != "secret.txt");
}

TEST_F(StaticFilesTest, NothingWithoutABuiltApplication) {
    Request r;
    r.method = "GET";
    r.path = "/";
    EXPECT_FALSE(StaticFiles(root_ / "nothing-here").Serve(r));
}

}  // namespace
}  // namespace sige::http
