#pragma once

// Time: instants are UTC microseconds (Timestamp); calendar questions (which year, which
// day) are asked in a named IANA zone, America/Lima by default. The clock is an interface
// so that use cases receive time instead of reading it.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sige {

using Timestamp = std::chrono::sys_time<std::chrono::microseconds>;

inline std::int64_t ToMicros(Timestamp t) {
    return t.time_since_epoch().count();
}
inline Timestamp FromMicros(std::int64_t us) {
    return Timestamp(std::chrono::microseconds(us));
}

/// A zone from the system tz database. Cheap to copy; the zone data lives for the process.
class TimeZone {
public:
    /// Finds an IANA zone ("America/Lima"); nullopt when the name is unknown.
    static std::optional<TimeZone> Find(std::string_view name);
    /// America/Lima, sige's default (es-PE).
    static TimeZone Default();

    const std::string& name() const { return name_; }
    /// Calendar year of `t` in this zone.
    int Year(Timestamp t) const;
    /// "2026-11-21T09:15:03-05:00": ISO 8601 with this zone's offset, whole seconds.
    std::string FormatIso(Timestamp t) const;
    /// "21/11/2026 09:15": how people read it.
    std::string FormatHuman(Timestamp t) const;
    /// Start of the local day "YYYY-MM-DD" in this zone; nullopt if the text is no date.
    std::optional<Timestamp> StartOfDay(std::string_view yyyy_mm_dd) const;

private:
    TimeZone(const void* zone, std::string name) : zone_(zone), name_(std::move(name)) {}
    const void* zone_;  // a const date::time_zone*, kept opaque so headers stay light
    std::string name_;
};

/// Parses an ISO 8601 instant with offset ("2026-11-21T09:15:03-05:00" or "...Z").
std::optional<Timestamp> ParseIsoInstant(std::string_view text);

/// Where use cases get "now". Implementations are thread-safe.
class Clock {
public:
    virtual ~Clock() = default;
    virtual Timestamp Now() const = 0;
};

class SystemClock final : public Clock {
public:
    Timestamp Now() const override {
        return std::chrono::time_point_cast<std::chrono::microseconds>(
            std::chrono::system_clock::now());
    }
};

}  // namespace sige
