// sige-datagen: fills a fresh data directory with a realistic installation for the
// benchmarks (docs/PERFORMANCE.md): N organisations with their unit trees and desks, users
// of every profile (password "bench"), the dossier-type catalogue, D dossiers registered
// over the last twelve months and their transfers, receptions and archivals.
//
// Everything goes through the real use cases (app/), so the data is what the server would
// have written: numbering, visibility, the audit chain (`sige audit verify` passes). Time
// comes from a simulated clock: events are replayed in time order, so the audit chain's
// instants never go backwards. SQLite runs with synchronous=OFF while loading (a crash
// while generating only means generating again); the server opens it later with FULL.
//
// Besides the data, it writes DIR/bench.env (who and what the load scripts use) and
// DIR/bench-*.txt (dossier ids for the load scripts).

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <queue>
#include <random>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include "app/audit_trail.hpp"
#include "app/auth.hpp"
#include "app/catalog.hpp"
#include "app/dossiers.hpp"
#include "app/transfers.hpp"
#include "bench/vocabulary.hpp"
#include "core/crypto.hpp"
#include "core/messages_es.hpp"
#include "storage/blob_store.hpp"
#include "storage/catalog_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace fs = std::filesystem;
using namespace sige;
namespace vocab = sige::bench::vocab;

namespace {

using Micros = std::int64_t;
constexpr Micros kSecond = 1'000'000;
constexpr Micros kMinute = 60 * kSecond;
constexpr Micros kHour = 60 * kMinute;
constexpr Micros kDay = 24 * kHour;
constexpr Micros kLimaOffset = -5 * kHour;  // Peru keeps UTC-5 all year

/// The clock the use cases read: set by the simulation before each event.
class SimClock final : public Clock {
public:
    Timestamp Now() const override { return FromMicros(now_.load(std::memory_order_relaxed)); }
    void Set(Micros t) { now_.store(t, std::memory_order_relaxed); }

private:
    std::atomic<Micros> now_{0};
};

class Random {
public:
    explicit Random(std::uint64_t seed) : gen_(seed) {}
    double Uniform() { return std::uniform_real_distribution<double>(0.0, 1.0)(gen_); }
    bool Chance(double p) { return Uniform() < p; }
    /// Uniform integer in [lo, hi].
    std::int64_t Int(std::int64_t lo, std::int64_t hi) {
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(gen_);
    }
    template <class T, std::size_t N>
    const T& Pick(const T (&items)[N]) {
        return items[std::size_t(Int(0, std::int64_t(N) - 1))];
    }
    template <class T>
    const T& Pick(const std::vector<T>& items) {
        return items[std::size_t(Int(0, std::int64_t(items.size()) - 1))];
    }
    /// An index drawn with the given weights.
    std::size_t Weighted(const std::vector<double>& weights) {
        return std::discrete_distribution<std::size_t>(weights.begin(), weights.end())(gen_);
    }
    /// Log-normal with the given median and spread (sigma of the log).
    double LogNormal(double median, double sigma) {
        return median * std::exp(sigma * std::normal_distribution<double>(0.0, 1.0)(gen_));
    }
    std::string Digits(int n) {
        std::string s;
        for (int i = 0; i < n; ++i) {
            s.push_back(char('0' + Int(0, 9)));
        }
        return s;
    }

private:
    std::mt19937_64 gen_;
};

// ---- working time ----------------------------------------------------------------------

/// Office hours in Lima: Monday to Friday, 08:00 to 17:00.
struct LocalDay {
    Micros start;          ///< local midnight, as UTC micros
    std::int64_t weekday;  ///< 0 = Monday
};

LocalDay DayOf(Micros t) {
    const Micros local = t + kLimaOffset;
    const Micros day = local - (((local % kDay) + kDay) % kDay);
    // 1970-01-01 was a Thursday.
    return {day - kLimaOffset, ((day / kDay) + 3) % 7};
}

constexpr Micros kOpen = 8 * kHour;
constexpr Micros kClose = 17 * kHour;

/// The next opening at or after `t` when `t` is outside office hours; `t` itself otherwise.
Micros NextOfficeInstant(Micros t) {
    for (;;) {
        const LocalDay d = DayOf(t);
        const Micros in_day = t - d.start;
        if (d.weekday >= 5 || in_day >= kClose) {
            t = d.start + kDay + kOpen;
            continue;
        }
        return in_day < kOpen ? d.start + kOpen : t;
    }
}

/// `t` plus `work` of office time: a delay of 20 working hours started on Monday at 16:00
/// ends on Wednesday at 10:00.
Micros AddOfficeTime(Micros t, Micros work) {
    t = NextOfficeInstant(t);
    for (;;) {
        const LocalDay d = DayOf(t);
        const Micros left_today = d.start + kClose - t;
        if (work < left_today) {
            return t + work;
        }
        work -= left_today;
        t = NextOfficeInstant(d.start + kClose);
    }
}

/// A random instant in office hours on the day of `t` (a weekend day moves to the Monday).
Micros OfficeInstantNear(Micros t, Random& rnd) {
    LocalDay d = DayOf(t);
    if (d.weekday >= 5) {
        d = DayOf(d.start + (7 - d.weekday) * kDay + kOpen);
    }
    return d.start + kOpen + rnd.Int(0, kClose - kOpen - 1);
}

// ---- people and texts ------------------------------------------------------------------

std::string PersonName(Random& rnd) {
    std::string name(rnd.Pick(vocab::kFirstNames));
    if (rnd.Chance(0.35)) {
        name += " ";
        name += rnd.Pick(vocab::kFirstNames);
    }
    name += " ";
    name += rnd.Pick(vocab::kSurnames);
    name += " ";
    name += rnd.Pick(vocab::kSurnames);
    return name;
}

/// ASCII lower case of a name for user names and e-mails ("Núñez" -> "nunez").
std::string Slug(std::string_view text) {
    static const std::pair<std::string_view, char> kAccents[] = {
        {"á", 'a'}, {"é", 'e'}, {"í", 'i'}, {"ó", 'o'}, {"ú", 'u'}, {"ñ", 'n'}, {"ü", 'u'},
        {"Á", 'a'}, {"É", 'e'}, {"Í", 'i'}, {"Ó", 'o'}, {"Ú", 'u'}, {"Ñ", 'n'},
    };
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        for (const auto& [from, to] : kAccents) {
            if (text.substr(i, from.size()) == from) {
                out.push_back(to);
                i += from.size();
                replaced = true;
                break;
            }
        }
        if (replaced) {
            continue;
        }
        char c = text[i++];
        if (c >= 'A' && c <= 'Z') {
            out.push_back(char(c - 'A' + 'a'));
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out.push_back(c);
        } else if (c == ' ' && !out.empty() && out.back() != '.') {
            out.push_back('.');
        }
    }
    return out;
}

/// A RUC with its SUNAT modulo-11 check digit: `prefix` ("10" or "20") and eight digits.
std::string Ruc(std::string_view prefix, const std::string& eight) {
    std::string ruc = std::string(prefix) + eight;
    static constexpr int kWeights[10] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 10; ++i) {
        sum += (ruc[std::size_t(i)] - '0') * kWeights[i];
    }
    int check = 11 - sum % 11;
    if (check == 10) {
        check = 0;
    } else if (check == 11) {
        check = 1;
    }
    return ruc + char('0' + check);
}

std::string Address(Random& rnd) {
    std::string a(rnd.Pick(vocab::kStreetKinds));
    a += " ";
    a += rnd.Pick(vocab::kStreets);
    a += " " + std::to_string(rnd.Int(1, 2999)) + ", ";
    a += rnd.Pick(vocab::kDistricts);
    return a;
}

std::string Phone(Random& rnd) {
    return "9" + rnd.Digits(8);
}

/// The people and companies who file: many file more than once.
class Applicants {
public:
    Applicants(Random& rnd, std::size_t size) : rnd_(rnd) { pool_.reserve(size); }
    std::size_t pool_size() const { return pool_.capacity(); }

    const domain::Applicant& Next() {
        // Recurrent filers: a few applicants file often (index skewed to the front).
        const double u = rnd_.Uniform();
        const auto index = std::size_t(double(pool_.capacity()) * std::pow(u, 1.3));
        while (pool_.size() <= index) {
            pool_.push_back(Make());
        }
        return pool_[index];
    }

private:
    domain::Applicant Make() {
        domain::Applicant a;
        const double kind = rnd_.Uniform();
        if (kind < 0.78) {  // a person with DNI
            a.name = PersonName(rnd_);
            a.id_type = domain::IdType::kDni;
            a.id_number = std::to_string(rnd_.Int(10'000'000, 79'999'999));
        } else if (kind < 0.83) {  // a person with a business (RUC 10 + DNI)
            a.name = PersonName(rnd_);
            a.id_type = domain::IdType::kRuc;
            a.id_number = Ruc("10", std::to_string(rnd_.Int(10'000'000, 79'999'999)));
        } else if (kind < 0.98) {  // a company (RUC 20)
            a.name = std::string(rnd_.Pick(vocab::kCompanyPrefixes)) + " " +
                     std::string(rnd_.Pick(vocab::kCompanyNames)) + " " +
                     std::string(rnd_.Pick(vocab::kCompanySuffixes));
            a.id_type = domain::IdType::kRuc;
            a.id_number = Ruc("20", std::to_string(rnd_.Int(10'000'000, 61'999'999)));
        } else {  // a foreign resident
            a.name = PersonName(rnd_);
            a.id_type = domain::IdType::kCe;
            a.id_number = "00" + rnd_.Digits(7);
        }
        if (rnd_.Chance(0.6)) {
            std::string user = Slug(a.name);
            user = user.substr(0, std::min<std::size_t>(user.size(), 20));
            while (!user.empty() && user.back() == '.') {
                user.pop_back();
            }
            a.email = user + std::to_string(rnd_.Int(1, 99)) + "@" +
                      std::string(rnd_.Pick(vocab::kEmailDomains));
        }
        if (rnd_.Chance(0.8)) {
            a.phone = Phone(rnd_);
        }
        a.address = Address(rnd_);
        return a;
    }

    Random& rnd_;
    std::vector<domain::Applicant> pool_;
};

std::string Summary(std::string_view type_code, Random& rnd) {
    const std::string year = std::to_string(rnd.Int(2023, 2026));
    auto s = [](std::string_view v) { return std::string(v); };
    if (type_code == "SOLGEN") {
        return "Solicita " + s(rnd.Pick(vocab::kGeneralRequests));
    }
    if (type_code == "LICFUN") {
        return "Solicita licencia de funcionamiento para " + s(rnd.Pick(vocab::kBusinesses)) +
               " ubicado en " + Address(rnd);
    }
    if (type_code == "LICEDI") {
        static constexpr std::string_view kModes[] = {"A", "B", "C", "D"};
        return "Solicita licencia de edificación modalidad " + s(rnd.Pick(kModes)) + " para " +
               s(rnd.Pick(vocab::kBuildings)) + " en " + Address(rnd);
    }
    if (type_code == "ACCINF") {
        return "Solicita acceso a la información pública: " + s(rnd.Pick(vocab::kInformation));
    }
    if (type_code == "RECLAM") {
        return "Reclamo por " + s(rnd.Pick(vocab::kComplaints));
    }
    if (type_code == "RECONS") {
        return "Recurso de reconsideración contra " + s(rnd.Pick(vocab::kResolutions)) + " N.° " +
               std::to_string(rnd.Int(1, 2400)) + "-" + year;
    }
    if (type_code == "CONSTA") {
        return "Solicita " + s(rnd.Pick(vocab::kCertificates));
    }
    if (type_code == "DENUNC") {
        return "Denuncia por " + s(rnd.Pick(vocab::kReports)) + " en " + Address(rnd);
    }
    if (type_code == "MEMO") {
        std::string t = s(rnd.Pick(vocab::kMemoSubjects));
        t[0] = char(t[0] - 'a' + 'A');
        return t;
    }
    if (type_code == "INFORM") {
        static constexpr std::string_view kKinds[] = {"técnico", "legal", "de conformidad"};
        return "Informe " + s(rnd.Pick(kKinds)) + " sobre " + s(rnd.Pick(vocab::kReportSubjects));
    }
    if (type_code == "OFICIO") {
        return "Oficio dirigido a " + s(rnd.Pick(vocab::kAgencies)) + " sobre " +
               s(rnd.Pick(vocab::kReportSubjects));
    }
    if (type_code == "REQBS") {
        return "Requerimiento de " + s(rnd.Pick(vocab::kGoods));
    }
    static constexpr std::string_view kLevels[] = {"gerencial", "de alcaldía", "ejecutiva"};
    return "Proyecto de resolución " + s(rnd.Pick(kLevels)) + " que aprueba " +
           s(rnd.Pick(vocab::kApprovals));
}

// ---- the installation ------------------------------------------------------------------

struct UnitInfo {
    UnitId id;
    std::size_t org = 0;  ///< index into Installation::orgs
    std::string code;
    std::optional<std::size_t> parent;  ///< index into Installation::units
    std::vector<std::size_t> children;
    bool is_desk = false;
    std::vector<app::Caller> clerks;  ///< DESK or OFFICE users: they register, send, receive
    std::string clerk_username;       ///< the first clerk's
};

struct OrgInfo {
    OrganizationId id;
    std::string code;
    std::string name;
    std::size_t root = 0;        ///< unit index
    std::size_t management = 0;  ///< the general management
    std::vector<std::size_t> units;
    std::vector<std::size_t> desks;  ///< the main desk first
    std::vector<std::size_t> offices;
    std::vector<DossierTypeId> external_types, internal_types;
    std::vector<double> external_weights, internal_weights;
    std::vector<std::string> external_codes, internal_codes;
};

struct Counts {
    std::int64_t users = 0;
    std::map<std::string, std::int64_t> profiles;
    std::int64_t dossiers = 0, external = 0, urgent = 0, reserved = 0;
    std::int64_t sent = 0, received = 0, cross_org = 0, archived = 0;
    std::int64_t failures = 0;
};

[[noreturn]] void Die(const std::string& what, const Error& e) {
    std::string text = what + ": " + MessageEs(e.message_key, e.args);
    for (const auto& f : e.fields) {
        text += "; " + f.field + ": " + MessageEs(f.message_key, f.args);
    }
    throw std::runtime_error(text);
}

template <class T>
T Must(Result<T> r, const std::string& what) {
    if (!r) {
        Die(what, r.error());
    }
    return std::move(*r);
}

class Generator {
public:
    Generator(app::Env& env, SimClock& clock, Random& rnd) : env_(env), clock_(clock), rnd_(rnd) {
        admin_.actor.user.profile = domain::Profile::kAdmin;
        admin_.actor.user.username = "sistema";
        admin_.client = "datagen";
    }

    void CreateOrganizations(int n) {
        app::Catalog catalog(env_);
        for (int i = 0; i < n; ++i) {
            const auto& spec =
                vocab::kOrganizations[std::size_t(i) % std::size(vocab::kOrganizations)];
            const int round = i / int(std::size(vocab::kOrganizations));
            OrgInfo org;
            org.code = std::string(spec.code) + (round ? std::to_string(round + 1) : "");
            org.name =
                std::string(spec.name) + (round ? " (" + std::to_string(round + 1) + ")" : "");
            domain::Organization o{OrganizationId(), org.code, org.name, "America/Lima"};
            org.id = Must(catalog.CreateOrganization(admin_, o), "organización " + org.code).id;
            orgs_.push_back(std::move(org));
            const std::size_t oi = orgs_.size() - 1;
            CreateUnits(oi, spec);
            CreateTypes(oi);
        }
    }

    void CreateUsers() {
        app::Catalog catalog(env_);
        AddUser(catalog, "admin", "Administración del sistema", domain::Profile::kAdmin,
                std::nullopt, false);
        for (std::size_t oi = 0; oi < orgs_.size(); ++oi) {
            auto& org = orgs_[oi];
            const std::string prefix = Slug(org.code) + ".";
            AddUser(catalog, prefix + "autoridad", PersonName(rnd_), domain::Profile::kAuthority,
                    org.root, false);
            for (std::size_t ui : org.units) {
                auto& u = units_[ui];
                const std::string base = prefix + Slug(u.code);
                if (u.is_desk) {
                    const int clerks = int(rnd_.Int(2, 4));
                    for (int k = 1; k <= clerks; ++k) {
                        AddUser(catalog, base + "." + std::to_string(k), PersonName(rnd_),
                                domain::Profile::kDesk, ui, false);
                    }
                    AddUser(catalog, base + ".carga", PersonName(rnd_), domain::Profile::kLoader,
                            ui, false);
                    AddUser(catalog, base + ".consulta", PersonName(rnd_), domain::Profile::kViewer,
                            ui, false);
                } else {
                    // The head of a unit with units below sees them (PRODUCT.md).
                    AddUser(catalog, base + ".1", PersonName(rnd_), domain::Profile::kOffice, ui,
                            !u.children.empty());
                    if (rnd_.Chance(0.4)) {
                        AddUser(catalog, base + ".2", PersonName(rnd_), domain::Profile::kOffice,
                                ui, false);
                    }
                    if (rnd_.Chance(0.2)) {
                        AddUser(catalog, base + ".consulta", PersonName(rnd_),
                                domain::Profile::kViewer, ui, false);
                    }
                    if (rnd_.Chance(0.1)) {
                        AddUser(catalog, base + ".carga", PersonName(rnd_),
                                domain::Profile::kLoader, ui, false);
                    }
                }
            }
        }
    }

    /// Registers `n` dossiers between `start` and `end` and replays their transfers,
    /// receptions and archivals in time order until `end`.
    void Simulate(std::int64_t n, Micros start, Micros end) {
        end_ = end;
        applicants_ =
            std::make_unique<Applicants>(rnd_, std::size_t(std::max<std::int64_t>(64, n / 3)));
        // Organisations differ in size: the first files most.
        std::vector<double> org_weights;
        for (std::size_t i = 0; i < orgs_.size(); ++i) {
            org_weights.push_back(1.0 / double(i + 1) + 0.3);
        }
        for (std::int64_t i = 0; i < n; ++i) {
            // Skewed toward recent months: activity grows and recent files are kept.
            const double x = std::pow(rnd_.Uniform(), 0.7);
            const Micros day = start + Micros(x * double(end - start));
            if (DayOf(day).weekday >= 5) {  // desks are closed on weekends
                --i;
                continue;
            }
            const Micros t = OfficeInstantNear(day, rnd_);
            if (t >= end) {
                --i;
                continue;
            }
            sims_.push_back({});
            sims_.back().org = rnd_.Weighted(org_weights);
            events_.push({t, EventKind::kRegister, sims_.size() - 1});
        }
        const auto began = std::chrono::steady_clock::now();
        std::int64_t done = 0;
        while (!events_.empty()) {
            Event e = events_.top();
            events_.pop();
            clock_.Set(e.at);
            switch (e.kind) {
                case EventKind::kRegister:
                    Register(e);
                    if (++done % 10000 == 0) {
                        const double s = Seconds(began);
                        std::cout << "  " << done << " expedientes (" << int(double(done) / s)
                                  << "/s, " << counts_.sent << " pases)" << std::endl;
                    }
                    break;
                case EventKind::kSend:
                    Send(e);
                    break;
                case EventKind::kReceive:
                    Receive(e);
                    break;
                case EventKind::kArchive:
                    Archive(e);
                    break;
            }
        }
    }

    /// DIR/bench.env and the id lists the load scripts read.
    void WriteManifest(const fs::path& dir, const std::string& password) {
        const OrgInfo& org = orgs_.front();
        const UnitInfo& desk = units_[org.desks.front()];
        // Transfer benchmark: dossiers idle at the main desk go to the general management
        // and back (A -> B, B -> A), each reception by the destination's clerk.
        const UnitInfo& b = units_[org.management];
        std::vector<std::int64_t> pool, desk_visible;
        std::int64_t max_id = 0;
        for (const auto& s : sims_) {
            max_id = std::max(max_id, s.id.value);
            if (!s.id) {
                continue;
            }
            if (s.unit == org.desks.front() && !s.pending && !s.archived && s.pool_ok) {
                pool.push_back(s.id.value);
            }
            if (s.desk == org.desks.front() && desk_visible.size() < 50000) {
                desk_visible.push_back(s.id.value);
            }
        }
        std::shuffle(pool.begin(), pool.end(), std::mt19937_64(7));
        if (pool.size() > 20000) {
            pool.resize(20000);
        }
        auto write_ids = [&](const std::string& name, const std::vector<std::int64_t>& ids) {
            std::ofstream f(dir / name);
            for (auto id : ids) {
                f << id << "\n";
            }
        };
        write_ids("bench-transfer-pool.txt", pool);
        write_ids("bench-desk-ids.txt", desk_visible);

        auto join = [](const auto& items) {
            std::string out;
            for (const auto& x : items) {
                if (!out.empty()) {
                    out += ",";
                }
                if constexpr (std::is_same_v<std::decay_t<decltype(x)>, DossierTypeId>) {
                    out += std::to_string(x.value);
                } else {
                    out += std::string(x);
                }
            }
            return out;
        };
        std::vector<std::string> words(std::begin(vocab::kSearchWords),
                                       std::end(vocab::kSearchWords));
        std::ofstream env(dir / "bench.env");
        env << "# Written by sige-datagen: who and what the load scripts use.\n"
            << "BENCH_PASSWORD=" << password << "\n"
            << "BENCH_ADMIN_USER=admin\n"
            << "BENCH_DESK_USER=" << desk.clerk_username << "\n"
            << "BENCH_DESK_UNIT=" << desk.id.value << "\n"
            << "BENCH_EXTERNAL_TYPES=" << join(org.external_types) << "\n"
            << "BENCH_INTERNAL_TYPES=" << join(org.internal_types) << "\n"
            << "BENCH_XFER_A_USER=" << desk.clerk_username << "\n"
            << "BENCH_XFER_A_UNIT=" << desk.id.value << "\n"
            << "BENCH_XFER_B_USER=" << b.clerk_username << "\n"
            << "BENCH_XFER_B_UNIT=" << b.id.value << "\n"
            << "BENCH_XFER_POOL_SIZE=" << pool.size() << "\n"
            << "BENCH_MAX_DOSSIER_ID=" << max_id << "\n"
            << "BENCH_DOSSIERS=" << counts_.dossiers << "\n"
            << "BENCH_SEARCH_WORDS=" << join(words) << "\n";
    }

    const Counts& counts() const { return counts_; }
    std::size_t unit_count() const { return units_.size(); }

    void PrintOrganizations() const {
        for (const auto& o : orgs_) {
            std::cout << "  " << o.code << "  " << o.name << ": " << o.units.size() << " unidades ("
                      << o.desks.size() << (o.desks.size() == 1 ? " mesa" : " mesas")
                      << " de partes)\n";
        }
    }

    static double Seconds(std::chrono::steady_clock::time_point since) {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
    }

private:
    enum class EventKind { kRegister, kSend, kReceive, kArchive };
    struct Event {
        Micros at;
        EventKind kind;
        std::size_t sim;
        bool operator>(const Event& o) const { return at > o.at || (at == o.at && sim > o.sim); }
    };
    /// What the simulation remembers of one dossier.
    struct Sim {
        DossierId id;
        std::size_t org = 0;
        std::size_t unit = 0;  ///< custody
        std::size_t desk = 0;  ///< the desk in whose name it was registered
        std::optional<TransferId> pending;
        std::size_t pending_to = 0;
        int moves_left = 0;
        bool archive = false;
        bool archived = false;
        bool write = true;  ///< custody with WRITE
        bool pool_ok = true;
    };

    std::size_t AddUnit(std::size_t oi,
                        std::string_view code,
                        std::string_view name,
                        std::optional<std::size_t> parent,
                        bool is_desk) {
        app::Catalog catalog(env_);
        app::UnitInput in;
        in.organization_id = orgs_[oi].id;
        in.code = std::string(code);
        in.name = std::string(name);
        in.is_desk = is_desk;
        if (parent) {
            in.parent_id = std::optional<UnitId>(units_[*parent].id);
        }
        auto unit = Must(catalog.CreateUnit(admin_, in), "unidad " + std::string(code));
        UnitInfo info;
        info.id = unit.id;
        info.org = oi;
        info.code = unit.code;
        info.parent = parent;
        info.is_desk = is_desk;
        units_.push_back(std::move(info));
        const std::size_t ui = units_.size() - 1;
        if (parent) {
            units_[*parent].children.push_back(ui);
        }
        orgs_[oi].units.push_back(ui);
        (is_desk ? orgs_[oi].desks : orgs_[oi].offices).push_back(ui);
        return ui;
    }

    void CreateUnits(std::size_t oi, const vocab::OrgSpec& spec) {
        const bool regional = spec.regional;
        const auto target = std::size_t(rnd_.Int(20, 60));
        const std::size_t root =
            AddUnit(oi, regional ? "GOB" : "ALC", regional ? "Gobernación Regional" : "Alcaldía",
                    std::nullopt, false);
        const std::size_t gm =
            AddUnit(oi, regional ? "GGR" : "GM",
                    regional ? "Gerencia General Regional" : "Gerencia Municipal", root, false);
        orgs_[oi].root = root;
        orgs_[oi].management = gm;
        AddUnit(oi, regional ? "TD" : "MP", regional ? "Trámite Documentario" : "Mesa de Partes",
                gm, true);
        if (rnd_.Chance(0.5)) {
            AddUnit(oi, "MPS", "Mesa de Partes Sede " + std::string(spec.seat), gm, true);
        }
        const auto& staff = regional ? std::span<const vocab::UnitSpec>(vocab::kRegionalStaff)
                                     : std::span<const vocab::UnitSpec>(vocab::kMunicipalStaff);
        for (const auto& s : staff) {
            AddUnit(oi, s.code, s.name, s.code == "OCI" ? root : gm, false);
        }
        std::vector<const vocab::BranchSpec*> branches;
        if (regional) {
            for (const auto& b : vocab::kRegionalBranches) {
                branches.push_back(&b);
            }
        } else {
            for (const auto& b : vocab::kMunicipalBranches) {
                branches.push_back(&b);
            }
        }
        std::shuffle(branches.begin(), branches.end(), std::mt19937_64(rnd_.Int(0, 1 << 30)));
        for (const auto* b : branches) {
            if (orgs_[oi].units.size() >= target) {
                break;
            }
            const std::size_t head = AddUnit(oi, b->head.code, b->head.name, gm, false);
            for (const auto& c : b->children) {
                if (c.code.empty() || orgs_[oi].units.size() >= target) {
                    break;
                }
                if (rnd_.Chance(0.85)) {
                    AddUnit(oi, c.code, c.name, head, false);
                }
            }
        }
    }

    void CreateTypes(std::size_t oi) {
        app::Catalog catalog(env_);
        auto& org = orgs_[oi];
        for (const auto& t : vocab::kTypes) {
            domain::DossierType type{
                DossierTypeId(),
                org.id,
                std::string(t.code),
                std::string(t.name),
                t.external ? domain::Origin::kExternal : domain::Origin::kInternal,
                true};
            auto created = Must(catalog.CreateType(admin_, type), "tipo " + std::string(t.code));
            if (t.external) {
                org.external_types.push_back(created.id);
                org.external_weights.push_back(t.weight);
                org.external_codes.emplace_back(t.code);
            } else {
                org.internal_types.push_back(created.id);
                org.internal_weights.push_back(t.weight);
                org.internal_codes.emplace_back(t.code);
            }
        }
    }

    void AddUser(app::Catalog& catalog,
                 const std::string& username,
                 const std::string& name,
                 domain::Profile profile,
                 std::optional<std::size_t> unit,
                 bool sees_subunits) {
        app::UserInput in;
        in.username = username;
        in.name = name;
        in.email = username + "@bench.sige.pe";
        in.profile = profile;
        in.unit_id = unit ? std::optional<UnitId>(units_[*unit].id) : std::nullopt;
        in.password = password_;
        in.sees_subunits = sees_subunits;
        auto view = Must(catalog.CreateUserAsSystem(in, app::Catalog::Passwords::kBenchmark),
                         "usuario " + username);
        ++counts_.users;
        ++counts_.profiles[std::string(domain::ToString(profile))];
        if (unit && (profile == domain::Profile::kDesk || profile == domain::Profile::kOffice)) {
            auto tx = env_.db.BeginRead();
            app::Caller c{app::LoadActor(*tx, view.user), "127.0.0.1"};
            auto& u = units_[*unit];
            if (u.clerks.empty()) {
                u.clerk_username = username;
            }
            u.clerks.push_back(std::move(c));
        }
    }

    // ---- events ----

    void Register(const Event& e) {
        Sim& s = sims_[e.sim];
        OrgInfo& org = orgs_[s.org];
        const bool external = rnd_.Chance(0.7);
        domain::DossierInput in;
        std::size_t at;
        std::string type_code;
        if (external) {
            // Desks take what citizens bring; the main desk most of it.
            at = org.desks.size() > 1 && rnd_.Chance(0.3) ? org.desks[1] : org.desks.front();
            const auto k = rnd_.Weighted(org.external_weights);
            in.type_id = org.external_types[k];
            type_code = org.external_codes[k];
            in.origin = domain::Origin::kExternal;
            in.applicant = applicants_->Next();
        } else {
            at = rnd_.Pick(org.offices);
            const auto k = rnd_.Weighted(org.internal_weights);
            in.type_id = org.internal_types[k];
            type_code = org.internal_codes[k];
            in.origin = domain::Origin::kInternal;
            const std::string& code = units_[at].code;
            const bool alnum = std::all_of(code.begin(), code.end(), [](char c) {
                return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            });
            if (alnum && code.size() <= 10) {
                in.letters = code;
            }
            static constexpr std::string_view kInstruments[] = {"Memorando", "Informe", "Oficio",
                                                                "Carta", "Proveído"};
            in.instrument_number = std::string(rnd_.Pick(kInstruments)) + " N.° " +
                                   std::to_string(rnd_.Int(1, 1500)) + "-" + code;
        }
        in.summary = Summary(type_code, rnd_);
        in.priority = rnd_.Chance(0.10) ? domain::Priority::kUrgent : domain::Priority::kNormal;
        in.reserved = rnd_.Chance(0.05);
        in.folios = int(std::clamp(rnd_.LogNormal(6, 1.0), 1.0, 900.0));
        in.volumes = rnd_.Chance(0.02) ? int(rnd_.Int(2, 4)) : 1;
        const app::Caller& clerk = rnd_.Pick(units_[at].clerks);
        auto view = app::Dossiers(env_).Register(clerk, std::move(in), std::nullopt);
        if (!view) {
            ++counts_.failures;
            if (counts_.failures < 5) {
                spdlog::warn("registro fallido: {}",
                             MessageEs(view.error().message_key, view.error().args));
            }
            return;
        }
        s.id = view->dossier.id;
        s.unit = at;
        s.desk = IndexOf(view->dossier.desk_unit_id);
        ++counts_.dossiers;
        counts_.external += external;
        counts_.urgent += view->dossier.priority == domain::Priority::kUrgent;
        counts_.reserved += view->dossier.reserved;
        // Moves: most dossiers go through a few units (0 to 6 transfers).
        static const std::vector<double> kMoves = {0.14, 0.24, 0.22, 0.17, 0.11, 0.08, 0.04};
        s.moves_left = int(rnd_.Weighted(kMoves));
        s.archive = rnd_.Chance(s.moves_left > 0 ? 0.30 : 0.08);
        ScheduleNext(e.sim, e.at);
    }

    void ScheduleNext(std::size_t si, Micros now) {
        Sim& s = sims_[si];
        if (s.moves_left > 0) {
            // A clerk sends it on after working on it: hours to weeks of office time.
            const Micros delay = Micros(rnd_.LogNormal(12.0, 1.1) * double(kHour));
            Push({AddOfficeTime(now, delay + 5 * kMinute), EventKind::kSend, si});
        } else if (s.archive) {
            const Micros delay = Micros(rnd_.LogNormal(30.0, 1.0) * double(kHour));
            Push({AddOfficeTime(now, delay), EventKind::kArchive, si});
        }
    }

    void Push(Event e) {
        if (e.at < end_) {  // what would happen after "now" has not happened yet
            events_.push(e);
        }
    }

    std::size_t Destination(const Sim& s) {
        const UnitInfo& from = units_[s.unit];
        const OrgInfo& org = orgs_[from.org];
        for (int attempt = 0; attempt < 20; ++attempt) {
            const double r = rnd_.Uniform();
            std::optional<std::size_t> to;
            if (r < 0.03 && orgs_.size() > 1) {  // a "pase" to another organisation's desk
                std::size_t other = std::size_t(rnd_.Int(0, std::int64_t(orgs_.size()) - 2));
                if (other >= from.org) {
                    ++other;
                }
                to = orgs_[other].desks.front();
            } else if (r < 0.35) {  // up or down the tree
                if (!from.children.empty() && (rnd_.Chance(0.5) || !from.parent)) {
                    to = rnd_.Pick(from.children);
                } else if (from.parent) {
                    to = *from.parent;
                }
            } else if (r < 0.55) {
                to = org.management;
            } else if (r < 0.65) {
                to = org.desks.front();
            } else {
                to = rnd_.Pick(org.units);
            }
            if (to && *to != s.unit && !units_[*to].clerks.empty()) {
                return *to;
            }
        }
        return s.unit == org.management ? org.desks.front() : org.management;
    }

    void Send(const Event& e) {
        Sim& s = sims_[e.sim];
        if (s.pending || s.archived) {
            return;
        }
        const std::size_t to = Destination(s);
        domain::TransferRequest r;
        r.to_unit = units_[to].id;
        static const std::vector<double> kActionWeights = {40, 10, 10, 3, 8, 15, 10, 4};
        static constexpr domain::TransferAction kActions[] = {
            domain::TransferAction::kAttend,    domain::TransferAction::kOpinion,
            domain::TransferAction::kSign,      domain::TransferAction::kArchive,
            domain::TransferAction::kKnowledge, domain::TransferAction::kReport,
            domain::TransferAction::kReview,    domain::TransferAction::kNotify};
        r.action = kActions[rnd_.Weighted(kActionWeights)];
        r.permission = rnd_.Chance(0.9) ? domain::Permission::kWrite : domain::Permission::kRead;
        r.folios_added = rnd_.Chance(0.6) ? int(rnd_.Int(0, 12)) : 0;
        r.notes = std::string(rnd_.Pick(vocab::kTransferNotes));
        const app::Caller& clerk = rnd_.Pick(units_[s.unit].clerks);
        auto t = app::Transfers(env_).Send(clerk, s.id, r);
        if (!t) {
            ++counts_.failures;
            if (counts_.failures < 5) {
                spdlog::warn("pase fallido: {}", MessageEs(t.error().message_key, t.error().args));
            }
            return;
        }
        ++counts_.sent;
        counts_.cross_org += units_[to].org != s.org;
        s.pending = t->transfer.id;
        s.pending_to = to;
        s.write = r.permission == domain::Permission::kWrite;
        // Most are received within hours; a few stay in the inbox (forgotten, or recent).
        if (!rnd_.Chance(0.02)) {
            const Micros delay = Micros(rnd_.LogNormal(1.5, 1.3) * double(kHour));
            Push({AddOfficeTime(e.at, delay + kMinute), EventKind::kReceive, e.sim});
        }
    }

    void Receive(const Event& e) {
        Sim& s = sims_[e.sim];
        if (!s.pending) {
            return;
        }
        const app::Caller& clerk = rnd_.Pick(units_[s.pending_to].clerks);
        auto t = app::Transfers(env_).Receive(clerk, *s.pending);
        if (!t) {
            ++counts_.failures;
            if (counts_.failures < 5) {
                spdlog::warn("recepción fallida: {}",
                             MessageEs(t.error().message_key, t.error().args));
            }
            return;
        }
        ++counts_.received;
        s.pending.reset();
        s.unit = s.pending_to;
        if (!s.write) {
            s.pool_ok = false;
        }
        --s.moves_left;
        ScheduleNext(e.sim, e.at);
    }

    void Archive(const Event& e) {
        Sim& s = sims_[e.sim];
        if (s.pending || s.archived || !s.write) {
            return;
        }
        const app::Caller& clerk = rnd_.Pick(units_[s.unit].clerks);
        auto d = app::Dossiers(env_).Archive(clerk, s.id);
        if (!d) {
            ++counts_.failures;
            if (counts_.failures < 5) {
                spdlog::warn("archivo fallido: {}",
                             MessageEs(d.error().message_key, d.error().args));
            }
            return;
        }
        s.archived = true;
        ++counts_.archived;
    }

    std::size_t IndexOf(UnitId id) const {
        for (std::size_t i = 0; i < units_.size(); ++i) {
            if (units_[i].id == id) {
                return i;
            }
        }
        return 0;
    }

    app::Env& env_;
    SimClock& clock_;
    Random& rnd_;
    app::Caller admin_;
    const std::string password_ = "bench";
    std::vector<OrgInfo> orgs_;
    std::vector<UnitInfo> units_;
    std::vector<Sim> sims_;
    std::priority_queue<Event, std::vector<Event>, std::greater<>> events_;
    std::unique_ptr<Applicants> applicants_;
    Micros end_ = 0;
    Counts counts_;
};

/// Folds the WAL into the database file so the server starts from a compact file.
void Checkpoint(const fs::path& db_path) {
    sqlite3* db = nullptr;
    if (sqlite3_open(db_path.c_str(), &db) == SQLITE_OK) {
        sqlite3_exec(db, "PRAGMA synchronous = FULL; PRAGMA wal_checkpoint(TRUNCATE);", nullptr,
                     nullptr, nullptr);
    }
    sqlite3_close(db);
}

}  // namespace

int main(int argc, char** argv) {
    std::cout << std::fixed << std::setprecision(1);
    CLI::App cli{"sige-datagen: genera una instalación realista para las pruebas de carga"};
    std::string data;
    int organizations = 3;
    std::int64_t dossiers = 100'000;
    std::uint64_t seed = 20261121;
    cli.add_option("--data", data, "Directorio de datos nuevo")->required();
    cli.add_option("--organizations", organizations, "Organizaciones")
        ->check(CLI::Range(1, 50))
        ->capture_default_str();
    cli.add_option("--dossiers", dossiers, "Expedientes")
        ->check(CLI::Range(std::int64_t(0), std::int64_t(10'000'000)))
        ->capture_default_str();
    cli.add_option("--seed", seed, "Semilla del generador (misma semilla, mismos datos)")
        ->capture_default_str();
    CLI11_PARSE(cli, argc, argv);

    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
    crypto::Init();
    const auto started = std::chrono::steady_clock::now();
    try {
        const fs::path dir(data);
        const fs::path db_path = dir / "sige.db";
        if (fs::exists(db_path)) {
            std::cerr << "sige-datagen: " << db_path << " ya existe; use un directorio nuevo\n";
            return 2;
        }
        fs::create_directories(dir);
        Counts counts;
        std::size_t units = 0;
        {
            storage::sqlite::Options options;
            options.path = db_path.string();
            options.synchronous = "OFF";  // bulk loading only; the server opens it with FULL
            auto db = storage::sqlite::Open(options);
            storage::Migrate(*db);
            storage::BlobStore blobs(dir / "blobs");
            SimClock clock;
            app::AuditReadQueue reads(*db, std::chrono::milliseconds(50), 256);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"  // the rest keep their defaults
            app::Env env{.db = *db, .blobs = blobs, .clock = clock, .reads = reads};
#pragma GCC diagnostic pop
            Random rnd(seed);

            const Micros end = ToMicros(SystemClock().Now());
            const Micros start = end - 365 * kDay;
            clock.Set(start - 30 * kDay);  // the catalogue existed before the first dossier
            Generator gen(env, clock, rnd);
            gen.CreateOrganizations(organizations);
            gen.CreateUsers();
            units = gen.unit_count();
            std::cout << "sige-datagen: " << organizations << " organizaciones, " << units
                      << " unidades, " << gen.counts().users << " usuarios ("
                      << Generator::Seconds(started) << " s)\n";
            gen.PrintOrganizations();
            gen.Simulate(dossiers, start, end);
            gen.WriteManifest(dir, "bench");
            counts = gen.counts();
        }
        Checkpoint(db_path);
        const double seconds = Generator::Seconds(started);
        std::int64_t audit_events = 0;
        {
            sqlite3* db = nullptr;
            sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
            sqlite3_stmt* st = nullptr;
            if (sqlite3_prepare_v2(db, "SELECT seq FROM audit_head", -1, &st, nullptr) ==
                    SQLITE_OK &&
                sqlite3_step(st) == SQLITE_ROW) {
                audit_events = sqlite3_column_int64(st, 0);
            }
            sqlite3_finalize(st);
            sqlite3_close(db);
        }
        auto pct = [&](std::int64_t x) {
            if (counts.dossiers == 0) {
                return std::string();
            }
            std::ostringstream o;
            o << std::fixed << std::setprecision(1) << " ("
              << 100.0 * double(x) / double(counts.dossiers) << " %)";
            return o.str();
        };
        std::cout << "sige-datagen: listo en " << seconds << " s, en " << dir.string() << "\n"
                  << "  organizaciones:  " << organizations << ", unidades: " << units << "\n"
                  << "  usuarios:        " << counts.users << " (";
        bool first = true;
        for (const auto& [profile, n] : counts.profiles) {
            std::cout << (first ? "" : ", ") << profile << " " << n;
            first = false;
        }
        std::cout << "), contraseña «bench»\n"
                  << "  expedientes:     " << counts.dossiers << ": externos " << counts.external
                  << pct(counts.external) << ", urgentes " << counts.urgent << pct(counts.urgent)
                  << ", reservados " << counts.reserved << pct(counts.reserved) << "\n"
                  << "  pases:           " << counts.sent << " enviados (" << counts.cross_org
                  << " fuera de la organización del expediente), " << counts.received
                  << " recibidos, " << counts.sent - counts.received << " pendientes en bandeja\n"
                  << "  archivados:      " << counts.archived << pct(counts.archived) << "\n"
                  << "  eventos de auditoría: " << audit_events << "\n"
                  << "  base de datos:   " << fs::file_size(db_path) / (1024 * 1024) << " MB\n";
        if (counts.failures) {
            std::cout << "  operaciones rechazadas: " << counts.failures << "\n";
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "sige-datagen: " << e.what() << "\n";
        return 1;
    }
}
