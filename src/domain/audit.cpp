#include "domain/audit.hpp"

#include "core/crypto.hpp"

namespace sige::domain {

namespace {

void Put(std::string& out, std::string_view field) {
    out += std::to_string(field.size());
    out += ':';
    out += field;
    out += ';';
}

}  // namespace

std::string CanonicalForm(const AuditEvent& e) {
    std::string out;
    out.reserve(256 + e.before.size() + e.after.size());
    Put(out, std::to_string(e.seq));
    Put(out, std::to_string(ToMicros(e.at)));
    Put(out, e.actor_id ? std::to_string(e.actor_id->value) : "");
    Put(out, e.actor);
    Put(out, e.action);
    Put(out, e.entity);
    Put(out, std::to_string(e.entity_id));
    Put(out, e.dossier_id ? std::to_string(e.dossier_id->value) : "");
    Put(out, e.client);
    Put(out, e.before);
    Put(out, e.after);
    Put(out, e.prev_hash);
    return out;
}

std::string ChainHash(const AuditEvent& e) {
    return crypto::Sha256Hex(CanonicalForm(e));
}

bool IsReadAction(const std::string& action) {
    return action.size() > 5 && action.compare(action.size() - 5, 5, ".read") == 0;
}

}  // namespace sige::domain
