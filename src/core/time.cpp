#include "core/time.hpp"

#include <sstream>

#include <date/tz.h>

namespace sige {

namespace {
const date::time_zone* Zone(const void* z) {
    return static_cast<const date::time_zone*>(z);
}
}  // namespace

std::optional<TimeZone> TimeZone::Find(std::string_view name) {
    try {
        return TimeZone(date::locate_zone(name), std::string(name));
    } catch (const std::runtime_error&) {
        return std::nullopt;
    }
}

TimeZone TimeZone::Default() {
    static const TimeZone lima = *Find("America/Lima");
    return lima;
}

int TimeZone::Year(Timestamp t) const {
    auto local = Zone(zone_)->to_local(t);
    return int(date::year_month_day(date::floor<date::days>(local)).year());
}

std::string TimeZone::FormatIso(Timestamp t) const {
    auto zoned = date::make_zoned(Zone(zone_), date::floor<std::chrono::seconds>(t));
    std::string s = date::format("%FT%T%z", zoned);  // ...-0500
    if (s.size() >= 5) {
        s.insert(s.size() - 2, ":");  // RFC 3339 wants -05:00
    }
    return s;
}

std::string TimeZone::FormatHuman(Timestamp t) const {
    auto zoned = date::make_zoned(Zone(zone_), date::floor<std::chrono::seconds>(t));
    return date::format("%d/%m/%Y %H:%M", zoned);
}

std::optional<Timestamp> TimeZone::StartOfDay(std::string_view text) const {
    if (text.size() != 10) {
        return std::nullopt;
    }
    std::istringstream in{std::string(text)};
    date::local_days day;
    in >> date::parse("%F", day);
    if (in.fail()) {
        return std::nullopt;
    }
    try {
        auto sys = Zone(zone_)->to_sys(day, date::choose::earliest);
        return std::chrono::time_point_cast<std::chrono::microseconds>(sys);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::optional<Timestamp> ParseIsoInstant(std::string_view text) {
    std::istringstream in{std::string(text)};
    date::sys_time<std::chrono::microseconds> t;
    if (!text.empty() && (text.back() == 'Z' || text.back() == 'z')) {
        in >> date::parse("%FT%TZ", t);
    } else {
        in >> date::parse("%FT%T%Ez", t);
    }
    if (in.fail()) {
        return std::nullopt;
    }
    return t;
}

}  // namespace sige
