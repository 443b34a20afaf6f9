// The printed documents read back with real tools: poppler's pdftotext for the text (accents
// intact), pdftoppm + zbarimg for the QR, pdfinfo for the page size.

#include "render/pdf.hpp"

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include <gtest/gtest.h>

#include "render/qr.hpp"

namespace sige::render {
namespace {

namespace fs = std::filesystem;

std::string Shell(const std::string& command) {
    std::array<char, 4096> buf{};
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    while (pipe && fgets(buf.data(), int(buf.size()), pipe.get()) != nullptr) {
        out += buf.data();
    }
    return out;
}

fs::path Save(const std::string& bytes, const std::string& name) {
    fs::path p = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()) + ".pdf");
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
}

ReceiptData Receipt() {
    ReceiptData r;
    r.organization = "Municipalidad Distrital de San Isidro";
    r.desk = "Mesa de Partes";
    r.code = "1367-GSC-2026";
    r.registered = "21/11/2026 09:15";
    r.type = "Licencia de funcionamiento";
    r.origin = "Externo";
    r.applicant = "José Núñez Ávila";
    r.applicant_id = "DNI 45678912";
    r.summary = "Solicitud de licencia de funcionamiento para bodega en Av. Begoña ñandú ¿sí? ¡sí!";
    r.folios = 12;
    r.volumes = 1;
    r.registered_by = "María Quispe Huamán";
    r.tracking_url = "http://127.0.0.1:8080/t/Zm9vYmFyYmF6cXV4MTIzNA";
    r.tracking_base = "http://127.0.0.1:8080/t";
    r.pin = "482913";
    return r;
}

TEST(Pdf, ReceiptTextKeepsAccentsAndNamesEverything) {
    auto path = Save(RenderReceiptPdf(Receipt()), "receipt");
    const std::string text = Shell("pdftotext -layout " + path.string() + " -");
    for (const char* expected : {"CARGO DE RECEPCIÓN", "1367-GSC-2026", "José Núñez Ávila",
                                 "DNI 45678912", "21/11/2026 09:15", "¿sí? ¡sí!", "482913",
                                 "Municipalidad Distrital de San Isidro", "12 folios"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
    }
    EXPECT_NE(Shell("pdfinfo " + path.string()).find("595.276 x 841.89 pts (A4)"),
              std::string::npos);
    fs::remove(path);
}

TEST(Pdf, ReceiptQrDecodesToTheTrackingUrl) {
    auto r = Receipt();
    auto path = Save(RenderReceiptPdf(r), "receipt-qr");
    const std::string png = path.string() + "-page";
    Shell("pdftoppm -r 150 -png -singlefile " + path.string() + " " + png);
    const std::string decoded = Shell("zbarimg --quiet --raw " + png + ".png");
    EXPECT_EQ(decoded, r.tracking_url + "\n");
    fs::remove(path);
    fs::remove(png + ".png");
}

TEST(Pdf, DeliveryNoteListsEveryDossierAcrossPages) {
    DeliveryNoteData n;
    n.organization = "Gobierno Regional del Cusco";
    n.code = "R-12-2026";
    n.from_unit = "Trámite Documentario";
    n.to_unit = "Oficina Regional de Asesoría Jurídica";
    n.created = "21/11/2026 10:00";
    n.created_by = "Pedro Huallpa Ccama";
    for (int i = 1; i <= 45; ++i) {
        n.lines.push_back(
            {std::to_string(i) + "-2026",
             "Solicitud número " + std::to_string(i) + " sobre reparación de vía pública",
             "Para opinión", "Escritura", i % 5});
    }
    auto path = Save(RenderDeliveryNotePdf(n), "note");
    const std::string text = Shell("pdftotext -layout " + path.string() + " -");
    EXPECT_NE(text.find("REMITO N.° R-12-2026"), std::string::npos);
    EXPECT_NE(text.find("Oficina Regional de Asesoría Jurídica"), std::string::npos);
    EXPECT_NE(text.find("1-2026"), std::string::npos);
    EXPECT_NE(text.find("45-2026"), std::string::npos);
    EXPECT_NE(text.find("Total: 45 expedientes"), std::string::npos);
    EXPECT_NE(text.find("Recibido por (firma, sello, fecha y hora)"), std::string::npos);
    const std::string info = Shell("pdfinfo " + path.string());
    EXPECT_EQ(info.find("Pages:          1\n"), std::string::npos)
        << "45 lines need more than one page";
    fs::remove(path);
}

TEST(Qr, EncodesWithinLimits) {
    auto qr = EncodeQr("http://127.0.0.1:8080/t/abc");
    EXPECT_GE(qr.size, 21);
    EXPECT_EQ(qr.modules.size(), std::size_t(qr.size * qr.size));
}

}  // namespace
}  // namespace sige::render
