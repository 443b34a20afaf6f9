// The audit chain: each event's hash covers the previous hash, so any change shows.

#include "domain/audit.hpp"

#include <gtest/gtest.h>

namespace sige::domain {
namespace {

AuditEvent Sample() {
    AuditEvent e;
    e.seq = 1;
    e.at = FromMicros(1'800'000'000'000'000);
    e.actor_id = UserId(3);
    e.actor = "mesa1";
    e.action = "dossier.registered";
    e.entity = "dossier";
    e.entity_id = 42;
    e.dossier_id = DossierId(42);
    e.client = "127.0.0.1";
    e.after = R"({"summary":"x"})";
    e.prev_hash = kGenesisHash;
    return e;
}

TEST(Audit, HashIsDeterministicAndHex) {
    auto e = Sample();
    auto h = ChainHash(e);
    EXPECT_EQ(h.size(), 64u);
    EXPECT_EQ(h, ChainHash(e));
}

TEST(Audit, EveryFieldIsCovered) {
    const auto base = ChainHash(Sample());
    std::vector<void (*)(AuditEvent&)> changes = {
        [](AuditEvent& e) { e.seq = 2; },
        [](AuditEvent& e) { e.at += std::chrono::microseconds(1); },
        [](AuditEvent& e) { e.actor_id = UserId(4); },
        [](AuditEvent& e) { e.actor = "mesa2"; },
        [](AuditEvent& e) { e.action = "dossier.edited"; },
        [](AuditEvent& e) { e.entity = "transfer"; },
        [](AuditEvent& e) { e.entity_id = 43; },
        [](AuditEvent& e) { e.dossier_id.reset(); },
        [](AuditEvent& e) { e.client = "10.0.0.1"; },
        [](AuditEvent& e) { e.before = "{}"; },
        [](AuditEvent& e) { e.after = R"({"summary":"y"})"; },
        [](AuditEvent& e) { e.prev_hash = std::string(64, '1'); },
    };
    for (std::size_t i = 0; i < changes.size(); ++i) {
        auto e = Sample();
        changes[i](e);
        EXPECT_NE(ChainHash(e), base) << "change " << i;
    }
}

TEST(Audit, FieldBoundariesCannotBeShifted) {
    auto a = Sample();
    auto b = Sample();
    a.actor = "ab";
    a.action = "c";
    b.actor = "a";
    b.action = "bc";
    EXPECT_NE(ChainHash(a), ChainHash(b));
}

TEST(Audit, ReadActions) {
    EXPECT_TRUE(IsReadAction("dossier.read"));
    EXPECT_TRUE(IsReadAction("attachment.read"));
    EXPECT_FALSE(IsReadAction("dossier.registered"));
}

}  // namespace
}  // namespace sige::domain
