// E-mails as they leave: RFC 2047 subjects, base64 bodies, multipart with the attachment.

#include "notify/email.hpp"

#include <gtest/gtest.h>

#include "core/crypto.hpp"
#include "notify/templates_es.hpp"

namespace sige::notify {
namespace {

TEST(Email, AsciiSubjectsStayReadableAndOthersAreEncodedWords) {
    EXPECT_EQ(EncodeHeaderWord("Hello"), "Hello");
    EXPECT_EQ(EncodeHeaderWord("Pasó"), "=?UTF-8?B?UGFzw7M=?=");
    // Long subjects are split into several words, never inside a character.
    std::string long_subject(40, 'a');
    long_subject += "ñññññññññññ";
    const auto encoded = EncodeHeaderWord(long_subject);
    EXPECT_NE(encoded.find("?=\r\n =?UTF-8?B?"), std::string::npos);
    for (std::size_t start = 0; (start = encoded.find("=?UTF-8?B?", start)) != std::string::npos;
         ++start) {
        EXPECT_LE(encoded.find("?=", start + 10) + 2 - start, 75u);
    }
}

TEST(Email, MessageHasHeadersAlternativesAndAttachment) {
    crypto::Init();
    Email e;
    e.to = "ana@example.pe";
    e.subject = "Su expediente 1-2026 pasó a Gerencia";
    e.text = "Estimada Ana:";
    e.html = "<p>Estimada Ana:</p>";
    e.attachment = EmailAttachment{"cargo-1-2026.pdf", "application/pdf", "%PDF-1.4"};
    const auto m = ComposeMime(e, "sige <no-responder@sige.pe>", "<abc@sige.pe>",
                               FromMicros(1'800'000'000'000'000));
    EXPECT_NE(m.find("From: sige <no-responder@sige.pe>\r\n"), std::string::npos);
    EXPECT_NE(m.find("To: ana@example.pe\r\n"), std::string::npos);
    EXPECT_NE(m.find("Message-ID: <abc@sige.pe>\r\n"), std::string::npos);
    EXPECT_NE(m.find("Date: Fri, 15 Jan 2027 08:00:00 +0000\r\n"), std::string::npos);
    EXPECT_NE(m.find("multipart/mixed"), std::string::npos);
    EXPECT_NE(m.find("multipart/alternative"), std::string::npos);
    EXPECT_NE(m.find("text/plain; charset=UTF-8"), std::string::npos);
    EXPECT_NE(m.find("filename=\"cargo-1-2026.pdf\""), std::string::npos);
    EXPECT_NE(m.find(Base64Lines("%PDF-1.4")), std::string::npos);
    // Every line ends in CRLF and none is longer than SMTP allows.
    std::size_t start = 0;
    for (std::size_t end; (end = m.find('\n', start)) != std::string::npos; start = end + 1) {
        ASSERT_GT(end, start);
        EXPECT_EQ(m[end - 1], '\r');
        EXPECT_LE(end - start, 998u);
    }
}

TEST(Templates, TransferNoticeNamesTheDestinationAndTheLink) {
    Notice n;
    n.to = "ana@example.pe";
    n.organization = "Municipalidad";
    n.applicant = "Ana <Núñez>";
    n.code = "1-2026";
    n.unit = "Gerencia de Desarrollo Urbano";
    n.tracking_url = "http://127.0.0.1:8080/t/abc";
    const Email e = TransferredEmail(n);
    EXPECT_EQ(e.subject, "Su expediente 1-2026 pasó a Gerencia de Desarrollo Urbano");
    EXPECT_NE(e.text.find("http://127.0.0.1:8080/t/abc"), std::string::npos);
    EXPECT_NE(e.html.find("Ana &lt;Núñez&gt;"), std::string::npos);  // escaped
    EXPECT_EQ(e.html.find("<Núñez>"), std::string::npos);
}

}  // namespace
}  // namespace sige::notify
