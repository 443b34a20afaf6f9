#pragma once

// Strong identifiers: a UnitId cannot be passed where a UserId is expected. Each wraps the
// database's 64-bit key; 0 means "none".

#include <compare>
#include <cstdint>
#include <functional>

namespace sige {

template <class Tag>
struct Id {
    std::int64_t value = 0;

    constexpr Id() = default;
    constexpr explicit Id(std::int64_t v) : value(v) {}
    constexpr explicit operator bool() const { return value != 0; }
    constexpr auto operator<=>(const Id&) const = default;
};

using OrganizationId = Id<struct OrganizationTag>;
using UnitId = Id<struct UnitTag>;
using UserId = Id<struct UserTag>;
using DossierTypeId = Id<struct DossierTypeTag>;
using DossierId = Id<struct DossierTag>;
using TransferId = Id<struct TransferTag>;
using DeliveryNoteId = Id<struct DeliveryNoteTag>;
using AttachmentId = Id<struct AttachmentTag>;
using AnnotationId = Id<struct AnnotationTag>;

}  // namespace sige

template <class Tag>
struct std::hash<sige::Id<Tag>> {
    std::size_t operator()(const sige::Id<Tag>& id) const noexcept {
        return std::hash<std::int64_t>{}(id.value);
    }
};
