#include "render/qr.hpp"

#include <stdexcept>

#include <qrencode.h>

namespace sige::render {

QrCode EncodeQr(const std::string& text) {
    QRcode* qr = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
    if (qr == nullptr) {
        throw std::runtime_error("no se pudo generar el código QR");
    }
    QrCode out;
    out.size = qr->width;
    out.modules.resize(std::size_t(qr->width) * std::size_t(qr->width));
    for (std::size_t i = 0; i < out.modules.size(); ++i) {
        out.modules[i] = (qr->data[i] & 1) != 0;  // bit 0: dark module
    }
    QRcode_free(qr);
    return out;
}

}  // namespace sige::render
