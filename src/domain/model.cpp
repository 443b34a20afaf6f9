#include "domain/model.hpp"

#include <array>
#include <utility>

namespace sige::domain {

namespace {

// One table per enum: the API spelling of each value. Parsing is the reverse lookup.
template <class E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

template <class E, std::size_t N>
std::string_view NameOf(const Names<E, N>& names, E value) {
    for (const auto& [e, s] : names) {
        if (e == value) {
            return s;
        }
    }
    return {};
}

template <class E, std::size_t N>
std::optional<E> ValueOf(const Names<E, N>& names, std::string_view s) {
    for (const auto& [e, name] : names) {
        if (name == s) {
            return e;
        }
    }
    return std::nullopt;
}

constexpr Names<Profile, 6> kProfiles{{{Profile::kAdmin, "ADMIN"},
                                       {Profile::kDesk, "DESK"},
                                       {Profile::kOffice, "OFFICE"},
                                       {Profile::kLoader, "LOADER"},
                                       {Profile::kViewer, "VIEWER"},
                                       {Profile::kAuthority, "AUTHORITY"}}};

constexpr Names<Origin, 2> kOrigins{
    {{Origin::kExternal, "external"}, {Origin::kInternal, "internal"}}};

constexpr Names<DossierState, 6> kStates{{{DossierState::kRegistered, "registered"},
                                          {DossierState::kInProcess, "in_process"},
                                          {DossierState::kObserved, "observed"},
                                          {DossierState::kResolved, "resolved"},
                                          {DossierState::kArchived, "archived"},
                                          {DossierState::kAnnulled, "annulled"}}};

constexpr Names<Priority, 2> kPriorities{
    {{Priority::kNormal, "normal"}, {Priority::kUrgent, "urgent"}}};

constexpr Names<Permission, 2> kPermissions{
    {{Permission::kRead, "READ"}, {Permission::kWrite, "WRITE"}}};

constexpr Names<IdType, 4> kIdTypes{{{IdType::kDni, "DNI"},
                                     {IdType::kRuc, "RUC"},
                                     {IdType::kCe, "CE"},
                                     {IdType::kPassport, "PASSPORT"}}};

constexpr Names<TransferAction, 8> kActions{{{TransferAction::kAttend, "attend"},
                                             {TransferAction::kOpinion, "opinion"},
                                             {TransferAction::kSign, "sign"},
                                             {TransferAction::kArchive, "archive"},
                                             {TransferAction::kKnowledge, "knowledge"},
                                             {TransferAction::kReport, "report"},
                                             {TransferAction::kReview, "review"},
                                             {TransferAction::kNotify, "notify"}}};

constexpr Names<TransferState, 3> kTransferStates{{{TransferState::kPending, "pending"},
                                                   {TransferState::kReceived, "received"},
                                                   {TransferState::kReverted, "reverted"}}};

}  // namespace

std::string_view ToString(Profile p) {
    return NameOf(kProfiles, p);
}
std::optional<Profile> ParseProfile(std::string_view s) {
    return ValueOf(kProfiles, s);
}
std::string_view ToString(Origin o) {
    return NameOf(kOrigins, o);
}
std::optional<Origin> ParseOrigin(std::string_view s) {
    return ValueOf(kOrigins, s);
}
std::string_view ToString(DossierState s) {
    return NameOf(kStates, s);
}
std::optional<DossierState> ParseDossierState(std::string_view s) {
    return ValueOf(kStates, s);
}
std::string_view ToString(Priority p) {
    return NameOf(kPriorities, p);
}
std::optional<Priority> ParsePriority(std::string_view s) {
    return ValueOf(kPriorities, s);
}
std::string_view ToString(Permission p) {
    return NameOf(kPermissions, p);
}
std::optional<Permission> ParsePermission(std::string_view s) {
    return ValueOf(kPermissions, s);
}
std::string_view ToString(IdType t) {
    return NameOf(kIdTypes, t);
}
std::optional<IdType> ParseIdType(std::string_view s) {
    return ValueOf(kIdTypes, s);
}
std::string_view ToString(TransferAction a) {
    return NameOf(kActions, a);
}
std::optional<TransferAction> ParseTransferAction(std::string_view s) {
    return ValueOf(kActions, s);
}
std::string_view ToString(TransferState s) {
    return NameOf(kTransferStates, s);
}

}  // namespace sige::domain
