// The storage layer on SQLite: migrations, gapless numbering, constraint errors, search
// ignoring case and accents, the audit chain, and records that cannot be deleted.

#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

#include "core/crypto.hpp"
#include "storage/audit_store.hpp"
#include "storage/catalog_store.hpp"
#include "storage/dossier_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace sige::storage {
namespace {

namespace fs = std::filesystem;
const Timestamp kNow = FromMicros(1'800'000'000'000'000);

class SqliteStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        crypto::Init();
        dir_ = fs::temp_directory_path() / ("sige-store-" + crypto::RandomToken(8));
        sqlite::Options options;
        options.path = (dir_ / "sige.db").string();
        options.synchronous = "OFF";
        db_ = sqlite::Open(options);
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
        fs::remove_all(dir_);
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

TEST_F(SqliteStoreTest, MigratingTwiceChangesNothing) {
    EXPECT_EQ(Migrate(*db_), Migrate(*db_));
}

TEST_F(SqliteStoreTest, NumbersStayGaplessWhenARegistrationRollsBack) {
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

TEST_F(SqliteStoreTest, ConcurrentWritersGetDistinctConsecutiveNumbers) {
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

TEST_F(SqliteStoreTest, UniqueViolationIsTyped) {
    auto tx = db_->BeginWrite();
    EXPECT_THROW(
        Organizations(*tx).Insert({OrganizationId(), "MDSI", "Otra", "America/Lima"}, kNow),
        UniqueViolation);
}

TEST_F(SqliteStoreTest, SearchIgnoresCaseAndAccentsAndMatchesPrefixes) {
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

TEST_F(SqliteStoreTest, FullTextFollowsEdits) {
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

TEST_F(SqliteStoreTest, AuditChainAppendsInOrderWithHashes) {
    auto tx = db_->BeginWrite();
    std::vector<domain::AuditEvent> events(3);
    for (auto& e : events) {
        e.at = kNow;
        e.actor = "mesa1";
        e.action = "dossier.read";
        e.entity = "dossier";
        e.client = "127.0.0.1";
    }
    AuditLog(*tx).Append(events);
    tx->Commit();
    auto rtx = db_->BeginRead();
    AuditLog log(*rtx);
    auto stored = log.After(0, 10);
    ASSERT_EQ(stored.size(), 3u);
    EXPECT_EQ(stored[0].prev_hash, domain::kGenesisHash);
    EXPECT_EQ(stored[1].prev_hash, stored[0].hash);
    EXPECT_EQ(stored[2].hash, domain::ChainHash(stored[2]));
    EXPECT_EQ(log.Head().seq, 3);
    EXPECT_EQ(log.Head().hash, stored[2].hash);
}

TEST_F(SqliteStoreTest, RecordsCannotBeDeletedNorAuditRowsChanged) {
    auto tx = db_->BeginWrite();
    NewDossier(*tx, "Solicitud", "Ana");
    std::vector<domain::AuditEvent> events(1);
    events[0].actor = "x";
    AuditLog(*tx).Append(events);
    EXPECT_THROW(tx->Execute("DELETE FROM dossier"), StorageError);
    EXPECT_THROW(tx->Execute("UPDATE audit_event SET actor = 'y'"), StorageError);
    EXPECT_THROW(tx->Execute("DELETE FROM audit_event"), StorageError);
    EXPECT_THROW(tx->Execute("DELETE FROM app_user"), StorageError);
}

TEST_F(SqliteStoreTest, ReadersSeeASnapshotWhileTheWriterWorks) {
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

}  // namespace
}  // namespace sige::storage
