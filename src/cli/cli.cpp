#include "cli/cli.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <stop_token>
#include <thread>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "app/admin.hpp"
#include "app/audit_anchor.hpp"
#include "app/audit_trail.hpp"
#include "app/catalog.hpp"
#include "app/mail.hpp"
#include "app/virtual_desk.hpp"
#include "core/crypto.hpp"
#include "core/messages_es.hpp"
#include "core/text.hpp"
#include "http/server.hpp"
#include "storage/catalog_store.hpp"
#include "storage/outbox_store.hpp"

namespace sige::cli {

// The OpenAPI document, embedded at build time from docs/api/openapi.json.
extern const char* const kOpenApiJson;

namespace {

namespace fs = std::filesystem;

/// Where an installation lives: a data directory and a database URL (default inside it).
struct Location {
    std::string data = "./data";
    std::string db;

    std::string DatabaseUrl() const {
        return db.empty() ? "sqlite:" + (fs::path(data) / "sige.db").string() : db;
    }
};

void AddLocation(CLI::App* cmd, Location& loc) {
    cmd->add_option("--data", loc.data, "Directorio de datos (base SQLite y archivos adjuntos)")
        ->envname("SIGE_DATA")
        ->capture_default_str();
    cmd->add_option("--db", loc.db,
                    "URL de la base de datos: sqlite:DIR/sige.db (por defecto, dentro de --data) "
                    "o postgresql://usuario@host:puerto/base")
        ->envname("SIGE_DB");
}

/// An opened installation: database migrated to this binary's schema, blob store ready.
struct Installation {
    std::unique_ptr<storage::Database> db;
    std::unique_ptr<storage::BlobStore> blobs;
    SystemClock clock;
    std::unique_ptr<app::AuditReadQueue> reads;
    std::unique_ptr<app::Env> env;
};

Installation Open(const Location& loc, const OpenDatabase& open_database) {
    fs::create_directories(loc.data);
    Installation inst;
    inst.db = open_database(loc.DatabaseUrl());
    storage::Migrate(*inst.db);
    inst.blobs = std::make_unique<storage::BlobStore>(fs::path(loc.data) / "blobs");
    inst.reads =
        std::make_unique<app::AuditReadQueue>(*inst.db, std::chrono::milliseconds(50), 256);
    inst.env = std::make_unique<app::Env>(app::Env{*inst.db, *inst.blobs, inst.clock, *inst.reads});
    return inst;
}

struct ServeOptions {
    Location loc;
    std::string listen = "127.0.0.1:8080";
    std::string smtp;
    std::string mail_from = "sige <no-responder@localhost>";
    std::string public_url;
    std::string time_zone = "America/Lima";
    int max_upload_mb = 50;
    int threads = 0;
    std::vector<std::string> trusted_proxies;
    std::string web;
    bool tracking_staff_names = false;
    std::vector<std::string> audit_anchor_to;
    bool exit_on_stdin_eof = false;
};

/// Where the built web application is: --web, else web/dist beside the binary's source
/// tree (build/ is next to web/), else ./web/dist.
fs::path WebRoot(const std::string& flag) {
    if (!flag.empty()) {
        return flag;
    }
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    for (fs::path candidate : {exe.parent_path().parent_path() / "web" / "dist",
                               exe.parent_path() / "web", fs::path("web") / "dist"}) {
        if (fs::is_regular_file(candidate / "index.html", ec)) {
            return candidate;
        }
    }
    return fs::path("web") / "dist";
}

int Serve(const ServeOptions& o, const OpenDatabase& open_database) {
    const auto started = std::chrono::steady_clock::now();
    auto zone = TimeZone::Find(o.time_zone);
    if (!zone) {
        std::cerr << "sige: zona horaria desconocida: " << o.time_zone << "\n";
        return 2;
    }
    for (const auto& address : o.audit_anchor_to) {
        if (!text::IsPlausibleEmail(address)) {
            std::cerr << "sige: --audit-anchor-to: «" << address
                      << "» no parece una dirección de correo (nombre@dominio)\n";
            return 2;
        }
    }
    Installation inst = Open(o.loc, open_database);
    inst.env->zone = *zone;
    inst.env->limits.max_upload_bytes = std::int64_t(o.max_upload_mb) * 1024 * 1024;

    http::ApiOptions api_options;
    api_options.openapi_json = kOpenApiJson;
    api_options.web_root = WebRoot(o.web);
    api_options.public_url = o.public_url.empty() ? "http://" + o.listen : o.public_url;
    while (!api_options.public_url.empty() && api_options.public_url.back() == '/') {
        api_options.public_url.pop_back();
    }
    inst.env->public_url = api_options.public_url;
    inst.env->tracking_staff_names = o.tracking_staff_names;
    http::Api api(*inst.env, api_options);

    http::ServerOptions server_options;
    server_options.listen = o.listen;
    server_options.threads = o.threads;
    server_options.max_upload_bytes = inst.env->limits.max_upload_bytes;
    server_options.trusted_proxies = o.trusted_proxies;
    http::Server server(api, *inst.blobs, server_options);
    const std::string bound = server.Bind();
    if (o.public_url.empty()) {
        inst.env->public_url = "http://" + bound;  // the port actually bound, when 0 was asked
    }
    app::MailSender mail(*inst.db, *inst.blobs, inst.clock, {o.smtp, o.mail_from});
    inst.env->wake_mail = [&mail] { mail.Wake(); };
    if (int stale = inst.blobs->RemoveStaleUploads(std::chrono::hours(1)); stale > 0) {
        spdlog::info("se eliminaron {} subidas interrumpidas de {}", stale,
                     (inst.blobs->root() / "tmp").string());
    }
    inst.reads->Start();

    if (o.exit_on_stdin_eof) {
        // Test servers stop by themselves when the test that started them goes away.
        std::thread([&server] {
            std::string line;
            while (std::getline(std::cin, line)) {
            }
            server.Stop();
        }).detach();
    }
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    std::cout << "sige: escuchando en http://" << bound << " (listo en " << ms << " ms)"
              << std::endl;
    if (o.smtp.empty()) {
        spdlog::info("sin --smtp: los correos a los administrados esperan en la bandeja de salida");
    }
    mail.Start();
    // Hourly upkeep: drafts of the virtual desk never submitted go after a day; the day's
    // anchor of the audit chain goes to its recipients (the first time each day).
    app::VirtualDesk virtual_desk(*inst.env);
    std::jthread upkeep([&virtual_desk, &o, &inst](std::stop_token stop) {
        std::mutex m;
        std::condition_variable_any cv;
        do {
            try {
                if (int n = virtual_desk.PurgeDrafts(std::chrono::hours(24)); n > 0) {
                    spdlog::info("mesa virtual: {} borradores abandonados eliminados", n);
                }
            } catch (const std::exception& e) {
                spdlog::error("mesa virtual: {}", e.what());
            }
            try {
                if (int n = app::QueueDailyAuditAnchor(*inst.env, o.audit_anchor_to); n > 0) {
                    spdlog::info("auditoría: ancla del día enviada a {} destinatario(s)", n);
                }
            } catch (const std::exception& e) {
                spdlog::error("auditoría: ancla del día: {}", e.what());
            }
            std::unique_lock lock(m);
            cv.wait_for(lock, stop, std::chrono::hours(1), [] { return false; });
        } while (!stop.stop_requested());
    });
    server.Run();
    upkeep.request_stop();
    upkeep.join();
    mail.Stop();
    inst.env->wake_mail = nullptr;
    inst.reads->Stop();
    spdlog::info("sige: detenido");
    return 0;
}

int Init(const Location& loc,
         bool demo,
         const std::string& demo_password,
         const OpenDatabase& open_database) {
    Installation inst = Open(loc, open_database);
    if (demo) {
        if (!app::IsEmpty(*inst.db)) {
            std::cout << "sige: " << loc.data
                      << " ya tiene datos; no se agregan los de demostración.\n";
            return 0;
        }
        app::CreateDemoData(*inst.env, demo_password);
        std::cout << "sige: datos de demostración creados en " << loc.data << "\n"
                  << "  usuarios: admin, mesa1, oficina1, carga1, consulta1, autoridad1, mesa2\n"
                  << "  contraseña: " << demo_password << "\n";
        return 0;
    }
    app::Catalog catalog(*inst.env);
    {
        auto tx = inst.db->BeginRead();
        if (storage::Users(*tx).FindByUsername("admin")) {
            std::cout << "sige: la instalación en " << loc.data << " ya está inicializada.\n";
            return 0;
        }
    }
    const std::string password = crypto::RandomToken(12);
    app::UserInput admin;
    admin.username = "admin";
    admin.name = "Administración del sistema";
    admin.profile = domain::Profile::kAdmin;
    admin.password = password;
    auto created = catalog.CreateUserAsSystem(admin);
    if (!created) {
        std::cerr << "sige: no se pudo crear el administrador\n";
        return 1;
    }
    std::cout << "sige: instalación creada en " << loc.data << "\n"
              << "  usuario: admin\n  contraseña: " << password
              << "\n  (anótela: no se vuelve a mostrar)\n";
    return 0;
}

struct UserAddOptions {
    Location loc;
    std::string username;
    std::string name;
    std::string email;
    std::string profile;
    std::int64_t unit = 0;
    bool password_stdin = false;
};

int UserAdd(const UserAddOptions& o, const OpenDatabase& open_database) {
    auto profile = domain::ParseProfile(o.profile);
    if (!profile) {
        std::cerr
            << "sige: perfil no válido; use ADMIN, DESK, OFFICE, LOADER, VIEWER o AUTHORITY\n";
        return 2;
    }
    std::string password;
    bool generated = false;
    if (o.password_stdin) {
        std::getline(std::cin, password);
    } else {
        password = crypto::RandomToken(12);
        generated = true;
    }
    Installation inst = Open(o.loc, open_database);
    app::Catalog catalog(*inst.env);
    app::UserInput in;
    in.username = o.username;
    in.name = o.name;
    in.email = o.email;
    in.profile = profile;
    if (o.unit > 0) {
        in.unit_id = std::optional<UnitId>(UnitId(o.unit));
    }
    in.password = password;
    auto created = catalog.CreateUserAsSystem(in);
    if (!created) {
        const auto& error = created.error();
        if (error.fields.empty()) {
            std::cerr << "sige: " << MessageEs(error.message_key, error.args) << "\n";
        }
        for (const auto& f : error.fields) {
            std::cerr << "sige: " << f.field << ": " << MessageEs(f.message_key, f.args) << "\n";
        }
        return 1;
    }
    std::cout << "sige: usuario " << o.username << " creado (id " << created->user.id.value
              << ")\n";
    if (generated) {
        std::cout << "  contraseña: " << password << "\n  (anótela: no se vuelve a mostrar)\n";
    }
    return 0;
}

int AuditVerify(const Location& loc,
                const std::vector<std::string>& anchor_texts,
                const OpenDatabase& open_database) {
    std::vector<app::AuditAnchor> anchors;
    for (const auto& text : anchor_texts) {
        auto a = app::ParseAuditAnchor(text);
        if (!a) {
            std::cerr << "sige: --anchor «" << text
                      << "» no es válido: se escribe NÚMERO:HASH, el número de un evento y su "
                         "hash de 64 cifras hexadecimales, tal como lo muestra sige audit verify\n";
            return 2;
        }
        anchors.push_back(*a);
    }
    Installation inst = Open(loc, open_database);
    auto report = app::VerifyAuditChain(*inst.db, anchors);
    if (!report.ok) {
        std::cout << "sige: la cadena de auditoría está ROTA en el evento " << report.first_bad
                  << ": " << report.problem << "\n"
                  << "  eventos verificados antes del fallo: "
                  << std::min(report.events, report.first_bad - 1) << "\n";
        return 1;
    }
    std::cout << "sige: cadena de auditoría íntegra: " << report.events << " eventos\n"
              << "  hash del último evento: " << report.head_hash << "\n";
    if (report.anchors_checked > 0) {
        std::cout << "  anclas comprobadas: " << report.anchors_checked
                  << " (esos eventos conservan el hash anotado)\n";
    }
    if (report.head_seq > 0) {
        std::cout << "  anote esta ancla fuera del sistema; con ella se comprueba más adelante "
                     "que nada se reescribió:\n    sige audit verify --anchor "
                  << report.head_seq << ":" << report.head_hash << "\n";
    }
    return 0;
}

int BackupCommand(const Location& loc, const std::string& dir, const OpenDatabase& open_database) {
    Installation inst = Open(loc, open_database);
    const auto started = std::chrono::steady_clock::now();
    auto report = app::Backup(*inst.db, *inst.blobs, dir);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    std::cout << "sige: copia de seguridad en " << dir << " (" << report.blobs
              << " archivos adjuntos, " << report.bytes << " bytes, " << ms << " ms)\n"
              << "  para usarla: sige serve --data " << dir << "\n";
    return 0;
}

int OutboxCommand(const Location& loc, bool all, const OpenDatabase& open_database) {
    Installation inst = Open(loc, open_database);
    auto tx = inst.db->BeginRead();
    storage::Outbox outbox(*tx);
    std::cout << "sige: bandeja de salida: " << outbox.Count("pending") << " por enviar, "
              << outbox.Count("failed") << " fallidos, " << outbox.Count("sent") << " enviados\n";
    const std::pair<const char*, const char*> states[] = {
        {"pending", "por enviar"}, {"failed", "fallido"}, {"sent", "enviado"}};
    for (const auto& [state, label] : states) {
        if (std::string_view(state) == "sent" && !all) {
            continue;
        }
        for (const auto& m : outbox.List(state, 200)) {
            std::cout << "  [" << label << "] #" << m.id << " "
                      << inst.env->zone.FormatHuman(m.created_at) << " a " << m.to << ": "
                      << m.subject;
            if (m.attempts > 0 || !m.last_error.empty()) {
                std::cout << " (" << m.attempts << " intentos; " << m.last_error << ")";
            }
            std::cout << "\n";
        }
    }
    return 0;
}

struct MigrateOptions {
    std::string from;
    std::string to;
    std::string from_data;
    std::string to_data;
};

/// "sqlite:DIR" names a data directory: its database is DIR/sige.db and its blobs DIR/blobs.
std::string DataDirOf(const std::string& url) {
    constexpr std::string_view kSqlite = "sqlite:";
    if (url.rfind(kSqlite, 0) != 0) {
        return "";
    }
    fs::path p = url.substr(kSqlite.size());
    return fs::is_directory(p) ? p.string() : p.parent_path().string();
}

int Migrate(const MigrateOptions& o, const OpenDatabase& open_database) {
    if (o.from.rfind("sqlite:", 0) == 0) {
        // Opening a missing SQLite file would create an empty one and "copy" nothing.
        fs::path db = o.from.substr(std::string_view("sqlite:").size());
        if (fs::is_directory(db)) {
            db /= "sige.db";
        }
        if (!fs::is_regular_file(db)) {
            std::cerr << "sige: no existe la base de datos de origen " << db.string() << "\n";
            return 2;
        }
    }
    const std::string from_data = o.from_data.empty() ? DataDirOf(o.from) : o.from_data;
    if (from_data.empty()) {
        std::cerr << "sige: indique con --from-data el directorio de datos (archivos adjuntos) "
                     "de la instalación de origen\n";
        return 2;
    }
    const std::string to_data = o.to_data.empty() ? from_data : o.to_data;
    const auto started = std::chrono::steady_clock::now();
    auto from = open_database(o.from);
    storage::Migrate(*from);
    auto to = open_database(o.to);
    storage::Migrate(*to);
    storage::BlobStore from_blobs(fs::path(from_data) / "blobs");
    storage::BlobStore to_blobs(fs::path(to_data) / "blobs");
    std::cout << "sige: copiando " << o.from << " en " << o.to << "\n";
    auto report = app::MigrateInstallation(
        *from, *to, from_blobs, to_blobs, [](const storage::TableCount& t) {
            std::cout << "  " << t.table << ": " << t.target << " filas\n" << std::flush;
        });
    const auto s =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started)
            .count();
    std::cout << "sige: migración verificada en " << s << " s: mismas filas en cada tabla, "
              << "cadena de auditoría íntegra (" << report.audit.events << " eventos, último hash "
              << report.audit.head_hash << "), " << report.blobs_copied
              << " archivos adjuntos copiados en " << to_data << "\n"
              << "  para usarla: sige serve --db " << o.to << " --data " << to_data << "\n";
    return 0;
}

}  // namespace

int Main(int argc, char** argv, const OpenDatabase& open_database) {
    // Logs go to standard error; standard output carries only what commands print.
    spdlog::set_default_logger(spdlog::stderr_color_mt("sige"));
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
    crypto::Init();

    CLI::App cli{"sige: sistema de gestión de expedientes"};
    cli.require_subcommand(1);

    ServeOptions serve;
    auto* serve_cmd = cli.add_subcommand("serve", "Sirve la API (y la aplicación web)");
    AddLocation(serve_cmd, serve.loc);
    serve_cmd->add_option("--listen", serve.listen, "Dirección y puerto donde escuchar")
        ->envname("SIGE_LISTEN")
        ->capture_default_str();
    serve_cmd->add_option("--smtp", serve.smtp, "Servidor SMTP, p. ej. smtp://127.0.0.1:2525")
        ->envname("SIGE_SMTP_URL");
    serve_cmd->add_option("--mail-from", serve.mail_from, "Remitente de los correos")
        ->envname("SIGE_MAIL_FROM")
        ->capture_default_str();
    serve_cmd
        ->add_option("--public-url", serve.public_url,
                     "URL pública base a la que apuntan los QR y los correos")
        ->envname("SIGE_PUBLIC_URL");
    serve_cmd
        ->add_option("--time-zone", serve.time_zone, "Zona horaria en que se muestran las horas")
        ->envname("SIGE_TIME_ZONE")
        ->capture_default_str();
    serve_cmd
        ->add_option("--max-upload-mb", serve.max_upload_mb,
                     "Tamaño máximo de un archivo adjunto, en MB")
        ->envname("SIGE_MAX_UPLOAD_MB")
        ->check(CLI::Range(1, 10240))
        ->capture_default_str();
    serve_cmd->add_option("--threads", serve.threads, "Hilos del servidor (0: cuatro por núcleo)")
        ->envname("SIGE_THREADS")
        ->check(CLI::Range(0, 256));
    serve_cmd
        ->add_option("--trusted-proxy", serve.trusted_proxies,
                     "IP de un proxy inverso cuyo X-Forwarded-For se cree (repetible)")
        ->envname("SIGE_TRUSTED_PROXIES")
        ->delimiter(',');
    serve_cmd
        ->add_option("--web", serve.web,
                     "Directorio de la aplicación web compilada (por defecto web/dist)")
        ->envname("SIGE_WEB");
    serve_cmd
        ->add_option("--audit-anchor-to", serve.audit_anchor_to,
                     "Correos que reciben cada día el ancla de la cadena de auditoría (número y "
                     "hash del último evento), separados por comas")
        ->delimiter(',')
        ->envname("SIGE_AUDIT_ANCHOR_TO");
    serve_cmd
        ->add_flag("--tracking-staff-names", serve.tracking_staff_names,
                   "El seguimiento público nombra al servidor que registró, envió o recibió "
                   "(nunca en expedientes reservados)")
        ->envname("SIGE_TRACKING_STAFF_NAMES");
    serve_cmd->add_flag("--exit-on-stdin-eof", serve.exit_on_stdin_eof,
                        "Terminar cuando se cierre la entrada estándar (pruebas)");

    Location init_loc;
    bool demo = false;
    std::string demo_password = "demo";
    auto* init_cmd = cli.add_subcommand("init", "Crea una instalación nueva en --data");
    AddLocation(init_cmd, init_loc);
    init_cmd->add_flag("--demo", demo,
                       "Con datos de demostración (organizaciones, unidades, usuarios)");
    init_cmd
        ->add_option("--demo-password", demo_password, "Contraseña de los usuarios de demostración")
        ->capture_default_str();

    UserAddOptions user_add;
    auto* user_cmd = cli.add_subcommand("user", "Administra usuarios");
    user_cmd->require_subcommand(1);
    auto* add_cmd = user_cmd->add_subcommand("add", "Crea un usuario");
    AddLocation(add_cmd, user_add.loc);
    add_cmd->add_option("--username", user_add.username, "Nombre de usuario")->required();
    add_cmd->add_option("--name", user_add.name, "Nombre y apellidos")->required();
    add_cmd
        ->add_option("--profile", user_add.profile,
                     "ADMIN, DESK, OFFICE, LOADER, VIEWER o AUTHORITY")
        ->required();
    add_cmd->add_option("--unit", user_add.unit, "Id de la unidad (todos salvo ADMIN)");
    add_cmd->add_option("--email", user_add.email, "Correo electrónico");
    add_cmd->add_flag("--password-stdin", user_add.password_stdin,
                      "Leer la contraseña de la entrada estándar (si no, se genera una)");

    Location audit_loc;
    auto* audit_cmd = cli.add_subcommand("audit", "Auditoría");
    audit_cmd->require_subcommand(1);
    auto* verify_cmd = audit_cmd->add_subcommand(
        "verify", "Verifica la cadena de hashes del registro de auditoría");
    AddLocation(verify_cmd, audit_loc);
    std::vector<std::string> audit_anchors;
    verify_cmd->add_option("--anchor", audit_anchors,
                           "NÚMERO:HASH de un evento anotado en una verificación anterior (se "
                           "puede repetir): comprueba que ese evento conserva su hash");

    Location backup_loc;
    std::string backup_dir;
    auto* backup_cmd = cli.add_subcommand(
        "backup", "Copia de seguridad en caliente: base de datos y archivos adjuntos");
    AddLocation(backup_cmd, backup_loc);
    backup_cmd->add_option("DIR", backup_dir, "Directorio nuevo donde dejar la copia")->required();

    Location outbox_loc;
    bool outbox_all = false;
    auto* outbox_cmd =
        cli.add_subcommand("outbox", "Muestra los correos por enviar y los fallidos");
    AddLocation(outbox_cmd, outbox_loc);
    outbox_cmd->add_flag("--all", outbox_all, "Incluir los ya enviados");

    MigrateOptions migrate;
    auto* migrate_cmd = cli.add_subcommand(
        "migrate",
        "Copia una instalación entera a otra base de datos (p. ej. de SQLite a PostgreSQL)");
    migrate_cmd->add_option("--from", migrate.from, "Origen: sqlite:DIR o postgresql://...")
        ->required();
    migrate_cmd->add_option("--to", migrate.to, "Destino, vacío: postgresql://... o sqlite:RUTA")
        ->required();
    migrate_cmd->add_option("--from-data", migrate.from_data,
                            "Directorio de datos de origen (por defecto, el de --from sqlite:DIR)");
    migrate_cmd->add_option("--to-data", migrate.to_data,
                            "Directorio de datos de destino para los archivos adjuntos "
                            "(por defecto, el mismo de origen)");

    CLI11_PARSE(cli, argc, argv);

    try {
        if (*serve_cmd) {
            return Serve(serve, open_database);
        }
        if (*init_cmd) {
            return Init(init_loc, demo, demo_password, open_database);
        }
        if (*add_cmd) {
            return UserAdd(user_add, open_database);
        }
        if (*verify_cmd) {
            return AuditVerify(audit_loc, audit_anchors, open_database);
        }
        if (*backup_cmd) {
            return BackupCommand(backup_loc, backup_dir, open_database);
        }
        if (*migrate_cmd) {
            return Migrate(migrate, open_database);
        }
        if (*outbox_cmd) {
            return OutboxCommand(outbox_loc, outbox_all, open_database);
        }
    } catch (const std::exception& e) {
        std::cerr << "sige: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

}  // namespace sige::cli
