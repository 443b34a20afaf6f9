#include "render/pdf.hpp"

#include <memory>
#include <stdexcept>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "render/qr.hpp"

namespace sige::render {

namespace {

constexpr double kPageWidth = 595.276;  // A4 in points
constexpr double kPageHeight = 841.890;
constexpr double kMargin = 51.0;  // 18 mm
constexpr double kContentWidth = kPageWidth - 2 * kMargin;

enum class Align { kLeft, kCenter, kRight };

/// A PDF being drawn into a string, page by page.
class Document {
public:
    explicit Document(const std::string& title) {
        surface_ =
            cairo_pdf_surface_create_for_stream(&Document::Write, &bytes_, kPageWidth, kPageHeight);
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "sige");
        cr_ = cairo_create(surface_);
        layout_ = pango_cairo_create_layout(cr_);
        // Points are the page's unit: lay text out at 72 dpi (Pango's default is 96, which
        // would make "10 pt" a third larger than it says).
        pango_cairo_context_set_resolution(pango_layout_get_context(layout_), 72);
        pango_layout_context_changed(layout_);
    }
    ~Document() {
        g_object_unref(layout_);
        cairo_destroy(cr_);
        cairo_surface_destroy(surface_);
    }
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    /// Draws `text` in a box of `width` starting at (x, y), wrapped on words; returns the
    /// height it took. `font` is a Pango description, e.g. "DejaVu Sans Bold 12".
    double Text(double x,
                double y,
                double width,
                const std::string& text,
                const char* font,
                Align align = Align::kLeft,
                int max_lines = 0,
                double gray = 0.0) {
        PangoFontDescription* desc = pango_font_description_from_string(font);
        pango_layout_set_font_description(layout_, desc);
        pango_font_description_free(desc);
        pango_layout_set_width(layout_, int(width * PANGO_SCALE));
        pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout_, align == Align::kCenter  ? PANGO_ALIGN_CENTER
                                            : align == Align::kRight ? PANGO_ALIGN_RIGHT
                                                                     : PANGO_ALIGN_LEFT);
        if (max_lines > 0) {
            pango_layout_set_height(layout_, -max_lines);
            pango_layout_set_ellipsize(layout_, PANGO_ELLIPSIZE_END);
        } else {
            pango_layout_set_height(layout_, -1);
            pango_layout_set_ellipsize(layout_, PANGO_ELLIPSIZE_NONE);
        }
        pango_layout_set_text(layout_, text.c_str(), -1);
        cairo_set_source_rgb(cr_, gray, gray, gray);
        cairo_move_to(cr_, x, y);
        pango_cairo_show_layout(cr_, layout_);
        int w = 0, h = 0;
        pango_layout_get_size(layout_, &w, &h);
        return double(h) / PANGO_SCALE;
    }

    void Line(double x1, double y1, double x2, double y2, double width = 0.8, double gray = 0.0) {
        cairo_set_source_rgb(cr_, gray, gray, gray);
        cairo_set_line_width(cr_, width);
        cairo_move_to(cr_, x1, y1);
        cairo_line_to(cr_, x2, y2);
        cairo_stroke(cr_);
    }

    void Box(double x, double y, double w, double h, double width = 0.8) {
        cairo_set_source_rgb(cr_, 0, 0, 0);
        cairo_set_line_width(cr_, width);
        cairo_rectangle(cr_, x, y, w, h);
        cairo_stroke(cr_);
    }

    /// Draws a QR code as vector squares in a `side`-point square at (x, y), quiet zone
    /// included.
    void Qr(const QrCode& qr, double x, double y, double side) {
        const int total = qr.size + 8;  // four light modules on each side
        const double m = side / total;
        cairo_set_source_rgb(cr_, 1, 1, 1);
        cairo_rectangle(cr_, x, y, side, side);
        cairo_fill(cr_);
        cairo_set_source_rgb(cr_, 0, 0, 0);
        for (int row = 0; row < qr.size; ++row) {
            for (int col = 0; col < qr.size; ++col) {
                if (qr.Dark(col, row)) {
                    cairo_rectangle(cr_, x + (col + 4) * m, y + (row + 4) * m, m, m);
                }
            }
        }
        cairo_fill(cr_);
    }

    void NewPage() { cairo_show_page(cr_); }

    std::string Finish() {
        cairo_show_page(cr_);
        cairo_surface_finish(surface_);
        if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
            throw std::runtime_error("no se pudo generar el PDF");
        }
        return std::move(bytes_);
    }

private:
    static cairo_status_t Write(void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    }

    std::string bytes_;
    cairo_surface_t* surface_ = nullptr;
    cairo_t* cr_ = nullptr;
    PangoLayout* layout_ = nullptr;
};

constexpr const char* kSmall = "DejaVu Sans 8";
constexpr const char* kLabel = "DejaVu Sans Bold 8";
constexpr const char* kBody = "DejaVu Sans 10";
constexpr const char* kBodyBold = "DejaVu Sans Bold 10";

/// A label over its value, in a column; returns the height used.
double Field(Document& doc,
             double x,
             double y,
             double width,
             const std::string& label,
             const std::string& value) {
    double h = doc.Text(x, y, width, label, kLabel, Align::kLeft, 0, 0.35);
    h += doc.Text(x, y + h + 1, width, value.empty() ? "—" : value, kBody);
    return h + 1;
}

}  // namespace

std::string RenderReceiptPdf(const ReceiptData& r) {
    Document doc("Cargo del expediente " + r.code);
    double y = kMargin;
    const double title = 170;
    doc.Text(kPageWidth - kMargin - title, y, title, "CARGO DE RECEPCIÓN", "DejaVu Sans Bold 13",
             Align::kRight);
    y += doc.Text(kMargin, y, kContentWidth - title - 10, r.organization, "DejaVu Sans Bold 13");
    y += doc.Text(kMargin, y + 2, kContentWidth - title - 10, r.desk, kBody) + 2;
    y += 8;
    doc.Line(kMargin, y, kPageWidth - kMargin, y, 1.2);
    y += 12;

    y += doc.Text(kMargin, y, kContentWidth, "Expediente N.° " + r.code, "DejaVu Sans Bold 22");
    if (r.urgent || r.reserved) {
        std::string marks = r.urgent ? "URGENTE" : "";
        if (r.reserved) {
            marks += marks.empty() ? "RESERVADO" : " · RESERVADO";
        }
        y += doc.Text(kMargin, y + 2, kContentWidth, marks, kBodyBold) + 2;
    }
    y += 12;

    // Two columns of fields.
    const double col = (kContentWidth - 20) / 2;
    double left = y;
    double right = y;
    left += Field(doc, kMargin, left, col, "FECHA Y HORA DE RECEPCIÓN", r.registered) + 8;
    left += Field(doc, kMargin, left, col, "TIPO DE EXPEDIENTE", r.type) + 8;
    left += Field(doc, kMargin, left, col, "ORIGEN", r.origin) + 8;
    right += Field(doc, kMargin + col + 20, right, col, "ADMINISTRADO", r.applicant) + 8;
    right +=
        Field(doc, kMargin + col + 20, right, col, "DOCUMENTO DE IDENTIDAD", r.applicant_id) + 8;
    right += Field(doc, kMargin + col + 20, right, col, "FOLIOS / TOMOS",
                   std::to_string(r.folios) + " folios, " + std::to_string(r.volumes) +
                       (r.volumes == 1 ? " tomo" : " tomos")) +
             8;
    y = std::max(left, right);
    y += Field(doc, kMargin, y, kContentWidth, "EXTRACTO", r.summary) + 8;
    y += Field(doc, kMargin, y, kContentWidth, "REGISTRADO POR", r.registered_by) + 14;

    // The tracking box: QR on the left, how to use it on the right.
    const double box_h = 170;
    doc.Box(kMargin, y, kContentWidth, box_h);
    const double qr_side = 150;
    doc.Qr(EncodeQr(r.tracking_url), kMargin + 10, y + 10, qr_side);
    const double tx = kMargin + qr_side + 25;
    const double tw = kContentWidth - qr_side - 35;
    double ty = y + 14;
    ty += doc.Text(tx, ty, tw, "Siga su expediente sin acudir a la oficina", kBodyBold) + 6;
    ty += doc.Text(tx, ty, tw,
                   "Escanee el código QR con su teléfono, o ingrese en " + r.tracking_base +
                       " el número de expediente y este PIN:",
                   kBody) +
          6;
    ty += doc.Text(tx, ty, tw, "PIN " + r.pin, "DejaVu Sans Mono Bold 20") + 6;
    doc.Text(tx, ty, tw, r.tracking_url, kSmall, Align::kLeft, 2, 0.35);
    y += box_h + 18;

    doc.Text(kMargin, y, kContentWidth,
             "Conserve este cargo: acredita la presentación de su expediente. Ningún expediente "
             "se elimina y todo movimiento queda registrado.",
             kSmall, Align::kLeft, 0, 0.35);
    return doc.Finish();
}

namespace {

struct Columns {
    double number = 22, code = 92, action = 82, permission = 58, folios = 40;
    double summary() const { return kContentWidth - number - code - action - permission - folios; }
};

double DeliveryNoteHeader(Document& doc, const DeliveryNoteData& n, bool continued) {
    double y = kMargin;
    const double title = 200;
    doc.Text(kPageWidth - kMargin - title, y, title,
             std::string("REMITO N.° ") + n.code + (continued ? " (cont.)" : ""),
             "DejaVu Sans Bold 13", Align::kRight);
    y += doc.Text(kMargin, y, kContentWidth - title - 10, n.organization, "DejaVu Sans Bold 13");
    y += 10;
    const double col = (kContentWidth - 20) / 2;
    double a = Field(doc, kMargin, y, col, "DE", n.from_unit);
    double b = Field(doc, kMargin + col + 20, y, col, "PARA", n.to_unit);
    y += std::max(a, b) + 6;
    a = Field(doc, kMargin, y, col, "FECHA Y HORA DE ENVÍO", n.created);
    b = Field(doc, kMargin + col + 20, y, col, "ENVIADO POR", n.created_by);
    y += std::max(a, b) + 10;

    Columns c;
    double x = kMargin;
    doc.Line(kMargin, y, kPageWidth - kMargin, y, 1.0);
    y += 4;
    for (auto [w, title] : {std::pair{c.number, "N.°"}, std::pair{c.code, "EXPEDIENTE"},
                            std::pair{c.summary(), "EXTRACTO"}, std::pair{c.action, "PROVEÍDO"},
                            std::pair{c.permission, "PERMISO"}, std::pair{c.folios, "FOLIOS"}}) {
        doc.Text(x, y, w - 4, title, kLabel);
        x += w;
    }
    y += 14;
    doc.Line(kMargin, y, kPageWidth - kMargin, y, 0.6);
    return y + 5;
}

}  // namespace

std::string RenderDeliveryNotePdf(const DeliveryNoteData& n) {
    Document doc("Remito " + n.code);
    const double signatures = 130;  // room kept for the signature lines on the last page
    double y = DeliveryNoteHeader(doc, n, false);
    Columns c;
    int total_folios = 0;
    for (std::size_t i = 0; i < n.lines.size(); ++i) {
        const auto& line = n.lines[i];
        if (y + 34 > kPageHeight - kMargin) {
            doc.NewPage();
            y = DeliveryNoteHeader(doc, n, true);
        }
        double x = kMargin;
        double h = doc.Text(x, y, c.number - 4, std::to_string(i + 1), kBody);
        x += c.number;
        h = std::max(h, doc.Text(x, y, c.code - 4, line.code, kBodyBold));
        x += c.code;
        h = std::max(h, doc.Text(x, y, c.summary() - 6, line.summary, kBody, Align::kLeft, 2));
        x += c.summary();
        h = std::max(h, doc.Text(x, y, c.action - 4, line.action, kBody));
        x += c.action;
        h = std::max(h, doc.Text(x, y, c.permission - 4, line.permission, kBody));
        x += c.permission;
        h = std::max(
            h, doc.Text(x, y, c.folios - 2, std::to_string(line.folios), kBody, Align::kRight));
        total_folios += line.folios;
        y += h + 4;
        doc.Line(kMargin, y, kPageWidth - kMargin, y, 0.3, 0.6);
        y += 4;
    }
    if (y + signatures > kPageHeight - kMargin) {
        doc.NewPage();
        y = DeliveryNoteHeader(doc, n, true);
    }
    y += 4;
    doc.Text(kMargin, y, kContentWidth,
             "Total: " + std::to_string(n.lines.size()) +
                 (n.lines.size() == 1 ? " expediente, " : " expedientes, ") +
                 std::to_string(total_folios) + " folios agregados.",
             kBodyBold);
    y += 60;
    const double col = (kContentWidth - 40) / 2;
    doc.Line(kMargin, y, kMargin + col, y);
    doc.Line(kMargin + col + 40, y, kPageWidth - kMargin, y);
    doc.Text(kMargin, y + 4, col, "Entregado por (firma y sello)", kSmall, Align::kCenter);
    doc.Text(kMargin + col + 40, y + 4, col, "Recibido por (firma, sello, fecha y hora)", kSmall,
             Align::kCenter);
    return doc.Finish();
}

}  // namespace sige::render
