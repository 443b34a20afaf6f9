#include "core/time.hpp"

#include <cstdio>
#include <cstdlib>
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
    // Every API answer formats several instants: find the offset (a binary search in the
    // zone's transitions) and write the digits by hand instead of through a stream.
    const auto secs = date::floor<std::chrono::seconds>(t);
    const auto info = Zone(zone_)->get_info(secs);
    const auto local = secs + info.offset;
    const auto day = date::floor<date::days>(local);
    const date::year_month_day ymd(day);
    const date::hh_mm_ss<std::chrono::seconds> hms(local - day);
    const auto off = std::chrono::duration_cast<std::chrono::minutes>(info.offset).count();
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                  int(hms.minutes().count()), int(hms.seconds().count()), off < 0 ? '-' : '+',
                  int(std::abs(off) / 60), int(std::abs(off) % 60));
    return buf;
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
