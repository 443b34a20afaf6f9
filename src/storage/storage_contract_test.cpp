// The storage contract, run on every backend: migrations, gapless numbering, constraint
// errors, search ignoring case and accents, the audit chain, snapshots, and records that
// cannot be deleted. SQLite always; PostgreSQL when SIGE_TEST_PG_URL names a server
// (scripts/pg-tmp starts a throwaway one; ctest does so for the `postgresql` run).

#include <algorithm>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

#include "core/crypto.hpp"
#include "storage/audit_store.hpp"
#include "storage/catalog_store.hpp"
#include "storage/dossier_store.hpp"
#include "storage/postgres/postgres_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace sige::storage {
namespace {

namespace fs = std::filesystem;
const Timestamp kNow = FromMicros(1'800'000'000'000'000);

/// A fresh, migrated database of the backend named by the test parameter.
std::unique_ptr<Database> OpenFresh(const std::string& backend, const fs::path& dir) {
    if (backend == "sqlite") {
        sqlite::Options options;
        options.path = (dir / "sige.db").string();
        options.synchronous = "OFF";
        return sqlite::Open(options);
    }
    const char* server = std::getenv("SIGE_TEST_PG_URL");
    std::string name = "sige_test_" + dir.filename().string().substr(11);
    for (char& c : name) {
        c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a')
                                   : (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
    }
    postgres::CreateDatabase(server, name);
    std::string url = server;
    url = url.substr(0, url.rfind('/') + 1) + name;
    return postgres::Open({url});
}

class StoreTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        crypto::Init();
        if (GetParam() == "postgresql" && std::getenv("SIGE_TEST_PG_URL") == nullptr) {
            GTEST_SKIP() << "SIGE_TEST_PG_URL not set: run under scripts/pg-tmp";
        }
        dir_ = fs::temp_directory_path() / ("sige-store-" + crypto::RandomToken(8));
        fs::create_directories(dir_);
        db_ = OpenFresh(GetParam(), dir_);
        Migrate(*db_);
        auto tx = db_->BeginWrite();
        org_ = Organizations(*tx).Insert(
            {OrganizationId(), "MDSI", "Municipalidad", "America/Lima"}, kNow);
        domain::Unit unit;
        unit.organization_id = org_;
        unit.code = "MP";
        unit.name = "Mesa de Partes";
        unit.is_desk = true;
        unit_ = Units(*tx).Insert(unit);
        type_ = DossierTypes(*tx).Insert(
            {DossierTypeId(), org_, "SOLGEN", "Solicitud", domain::Origin::kExternal, true});
        domain::User u;
        u.username = "mesa1";
        u.name = "Mesa";
        u.profile = domain::Profile::kDesk;
        u.unit_id = unit_;
        user_ = Users(*tx).Insert(u, "hash", kNow);
        tx->Commit();
    }
    void TearDown() override {
        db_.reset();
        if (!dir_.empty()) {
            fs::remove_all(dir_);
        }
    }

    domain::Dossier NewDossier(Transaction& tx,
                               const std::string& summary,
                               const std::string& applicant) {
        domain::Dossier d;
        d.organization_id = org_;
        d.year = 2026;
        d.number = Dossiers(tx).NextNumber(org_, 2026);
        d.code = std::to_string(d.number) + "-2026";
        d.type_id = type_;
        d.summary = summary;
        d.applicant = domain::Applicant{applicant, domain::IdType::kDni, "45678912", "", "", ""};
        d.registered_unit_id = d.desk_unit_id = d.custody_unit_id = unit_;
        d.custody_since = d.created_at = d.updated_at = kNow;
        d.created_by = user_;
        d.tracking_token = crypto::RandomToken(16);
        d.pin = "123456";
        d.id = Dossiers(tx).Insert(d);
        return d;
    }

    fs::path dir_;
    std::unique_ptr<Database> db_;
    OrganizationId org_;
    UnitId unit_;
    DossierTypeId type_;
    UserId user_;
};

TEST_P(StoreTest, MigratingTwiceChangesNothing) {
    EXPECT_EQ(Migrate(*db_), Migrate(*db_));
}

TEST_P(StoreTest, NumbersStayGaplessWhenARegistrationRollsBack) {
    {
        auto tx = db_->BeginWrite();
        EXPECT_EQ(Dossiers(*tx).NextNumber(org_, 2026), 1);
        tx->Commit();
    }
    {
        auto tx = db_->BeginWrite();
        EXPECT_EQ(Dossiers(*tx).NextNumber(org_, 2026), 2);
        // no commit: rolled back
    }
    auto tx = db_->BeginWrite();
    EXPECT_EQ(Dossiers(*tx).NextNumber(org_, 2026), 2);
    EXPECT_EQ(Dossiers(*tx).NextNumber(org_, 2027), 1);
}

TEST_P(StoreTest, ConcurrentWritersGetDistinctConsecutiveNumbers) {
    std::vector<std::thread> threads;
    std::mutex mutex;
    std::vector<std::int64_t> numbers;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 25; ++i) {
                auto tx = db_->BeginWrite();
                auto n = Dossiers(*tx).NextNumber(org_, 2026);
                tx->Commit();
                std::lock_guard lock(mutex);
                numbers.push_back(n);
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    std::sort(numbers.begin(), numbers.end());
    ASSERT_EQ(numbers.size(), 200u);
    for (std::size_t i = 0; i < numbers.size(); ++i) {
        EXPECT_EQ(numbers[i], std::int64_t(i + 1));
    }
}

TEST_P(StoreTest, UniqueViolationIsTyped) {
    auto tx = db_->BeginWrite();
    EXPECT_THROW(
        Organizations(*tx).Insert({OrganizationId(), "MDSI", "Otra", "America/Lima"}, kNow),
        UniqueViolation);
}

// A transaction opens with its first statement (on PostgreSQL, in the same round trip):
// when that statement fails, the error is the statement's, and the connection goes back
// to the pool fit for the next transaction.
TEST_P(StoreTest, AFailedFirstStatementLeavesTheConnectionUsable) {
    for (int i = 0; i < 3; ++i) {
        {
            auto tx = db_->BeginWrite();
            EXPECT_THROW(
                Organizations(*tx).Insert({OrganizationId(), "MDSI", "Otra", "America/Lima"}, kNow),
                UniqueViolation);
        }
        {
            auto tx = db_->BeginRead();
            EXPECT_THROW(tx->Query("SELECT no_such_column FROM organization"), StorageError);
        }
        {
            auto tx = db_->BeginRead();
            EXPECT_EQ(tx->Query("SELECT COUNT(*) FROM organization WHERE code = ?", {Value("MDSI")})
                          .at(0)
                          .Int(0),
                      1);
        }
        {
            auto tx = db_->BeginWrite();  // nothing sent: committing is a no-op
            tx->Commit();
        }
    }
}

TEST_P(StoreTest, SearchIgnoresCaseAndAccentsAndMatchesPrefixes) {
    {
        auto tx = db_->BeginWrite();
        NewDossier(*tx, "Licencia de funcionamiento para bodega", "José Núñez Ávila");
        NewDossier(*tx, "Reclamo por ruidos", "María Quispe");
        tx->Commit();
    }
    auto tx = db_->BeginRead();
    Dossiers dossiers(*tx);
    auto find = [&](const std::string& q) {
        DossierFilter f;
        f.q = q;
        return dossiers.Search(f).total;
    };
    EXPECT_EQ(find("nunez"), 1);
    EXPECT_EQ(find("NÚÑEZ avila"), 1);
    EXPECT_EQ(find("licen func"), 1);
    EXPECT_EQ(find("quispe reclamo"), 1);
    EXPECT_EQ(find("quispe licencia"), 0);
    EXPECT_EQ(find("1-2026"), 1);
    EXPECT_EQ(find("\"*:()"), 2);  // no words: no filter, and no FTS syntax error
}

TEST_P(StoreTest, SearchPagesNewestFirstWhetherFewOrManyMatch) {
    // Past 1,000 matches SQLite walks the date index instead of sorting the matches: the
    // answer must be the same either way.
    constexpr int kMany = 1100;
    {
        auto tx = db_->BeginWrite();
        for (int i = 0; i < kMany; ++i) {
            auto d =
                NewDossier(*tx, i % 2 == 0 ? "Licencia de obra" : "Licencia de bodega", "Ana Díaz");
            d.created_at = kNow + std::chrono::seconds(i % 7 == 0 ? i / 7 : kMany + i);
            tx->Execute("UPDATE dossier SET created_at = ? WHERE id = ?", {d.created_at, d.id});
        }
        tx->Commit();
    }
    auto tx = db_->BeginRead();
    Dossiers dossiers(*tx);
    auto ids = [&](const std::string& q, int page, int per_page) {
        DossierFilter f;
        f.q = q;
        f.page = page;
        f.per_page = per_page;
        auto found = dossiers.Search(f);
        std::vector<std::int64_t> out{found.total};
        for (const auto& d : found.items) {
            out.push_back(d.created_at.time_since_epoch().count());
        }
        return out;
    };
    for (const std::string q : {"licencia", "bodega"}) {  // many matches, then 550
        auto first = ids(q, 1, 50);
        auto second = ids(q, 2, 50);
        ASSERT_EQ(first.size(), 51u) << q;
        ASSERT_EQ(second.size(), 51u) << q;
        EXPECT_EQ(first[0], q == "licencia" ? kMany : kMany / 2);
        std::vector<std::int64_t> both(first.begin() + 1, first.end());
        both.insert(both.end(), second.begin() + 1, second.end());
        EXPECT_TRUE(std::is_sorted(both.rbegin(), both.rend())) << q;
        EXPECT_EQ(std::adjacent_find(both.begin(), both.end()), both.end()) << q;
    }
    EXPECT_EQ(ids("1100-2026", 1, 50).front(), 1);  // a whole code finds its dossier
    EXPECT_EQ(ids("110-2026", 1, 50).front(), 1);
}

TEST_P(StoreTest, FullTextFollowsEdits) {
    domain::Dossier d;
    {
        auto tx = db_->BeginWrite();
        d = NewDossier(*tx, "Solicitud de copia", "Ana");
        d.summary = "Pedido de constancia";
        Dossiers(*tx).Update(d);
        tx->Commit();
    }
    auto tx = db_->BeginRead();
    DossierFilter f;
    f.q = "copia";
    EXPECT_EQ(Dossiers(*tx).Search(f).total, 0);
    f.q = "constancia";
    EXPECT_EQ(Dossiers(*tx).Search(f).total, 1);
}

TEST_P(StoreTest, AuditChainAppendsInOrderWithHashes) {
    // A batch larger than one INSERT carries (32 rows), then a single event: every row
    // chained to the one before, whatever statement wrote it.
    for (std::size_t size : {70u, 1u}) {
        auto tx = db_->BeginWrite();
        std::vector<domain::AuditEvent> events(size);
        for (std::size_t i = 0; i < size; ++i) {
            auto& e = events[i];
            e.at = kNow;
            e.actor = "mesa1";
            e.action = "dossier.read";
            e.entity = "dossier";
            e.entity_id = std::int64_t(i + 1);
            e.client = "127.0.0.1";
        }
        AuditLog(*tx).Append(events);
        tx->Commit();
    }
    auto rtx = db_->BeginRead();
    AuditLog log(*rtx);
    auto stored = log.After(0, 100);
    ASSERT_EQ(stored.size(), 71u);
    EXPECT_EQ(stored[0].prev_hash, domain::kGenesisHash);
    for (std::size_t i = 0; i < stored.size(); ++i) {
        EXPECT_EQ(stored[i].seq, std::int64_t(i + 1));
        EXPECT_EQ(stored[i].hash, domain::ChainHash(stored[i]));
        if (i > 0) {
            EXPECT_EQ(stored[i].prev_hash, stored[i - 1].hash);
        }
    }
    EXPECT_EQ(stored[69].entity_id, 70);
    EXPECT_EQ(stored[70].entity_id, 1);
    EXPECT_EQ(log.Head().seq, 71);
    EXPECT_EQ(log.Head().hash, stored[70].hash);
}

TEST_P(StoreTest, RecordsCannotBeDeletedNorAuditRowsChanged) {
    {
        auto tx = db_->BeginWrite();
        NewDossier(*tx, "Solicitud", "Ana");
        std::vector<domain::AuditEvent> events(1);
        events[0].actor = "x";
        AuditLog(*tx).Append(events);
        tx->Commit();
    }
    for (const char* sql : {"DELETE FROM dossier", "UPDATE audit_event SET actor = 'y'",
                            "DELETE FROM audit_event", "DELETE FROM app_user"}) {
        auto tx = db_->BeginWrite();
        EXPECT_THROW(tx->Execute(sql), StorageError) << sql;
    }
    auto tx = db_->BeginRead();
    EXPECT_EQ(Dossiers(*tx).Search({}).total, 1);
    EXPECT_EQ(AuditLog(*tx).After(0, 10).front().actor, "x");
}

TEST_P(StoreTest, ReadersSeeASnapshotWhileTheWriterWorks) {
    auto writer = db_->BeginWrite();
    NewDossier(*writer, "Uno", "Ana");
    auto reader = db_->BeginRead();
    EXPECT_EQ(Dossiers(*reader).Search({}).total, 0);
    writer->Commit();
    EXPECT_EQ(Dossiers(*reader).Search({}).total, 0);  // same snapshot
    reader.reset();
    auto later = db_->BeginRead();
    EXPECT_EQ(Dossiers(*later).Search({}).total, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         StoreTest,
                         ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace sige::storage
